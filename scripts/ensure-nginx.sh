#!/usr/bin/env bash
# Makes sure `nginx` is installed for test/scale/multi-replica.e2e-spec.ts: installs Debian's `nginx`
# package when it is missing (needs root, as on CI). The package's service is never started: the test
# runs its own nginx, with a configuration, logs and pid in a temporary directory, on loopback ports.
set -euo pipefail

if command -v nginx >/dev/null || [ -x /usr/sbin/nginx ]; then
  exit 0
fi
bash "$(dirname "$0")/install-debian-package.sh" nginx ensure-nginx
echo "ensure-nginx: $(/usr/sbin/nginx -v 2>&1)"
