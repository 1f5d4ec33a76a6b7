#!/usr/bin/env bash
# Makes sure `nginx` is installed for test/scale/multi-replica.e2e-spec.ts: installs Debian's `nginx`
# package when it is missing (needs root, as on CI). The package's service is never started: the test
# runs its own nginx, with a configuration, logs and pid in a temporary directory, on loopback ports.
set -euo pipefail

if command -v nginx >/dev/null || [ -x /usr/sbin/nginx ]; then
  exit 0
fi
if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null; then
  echo "ensure-nginx: nginx is missing; install Debian's 'nginx' package (or put nginx on PATH)" >&2
  exit 1
fi

echo "ensure-nginx: installing Debian's nginx package"
# A policy-rc.d answering 101 keeps the package's postinst from starting the daemon (on :80);
# one that already exists is left as it is.
policy=/usr/sbin/policy-rc.d
own_policy=false
if [ ! -e "$policy" ]; then
  printf '#!/bin/sh\nexit 101\n' >"$policy"
  chmod +x "$policy"
  own_policy=true
fi
cleanup() { if [ "$own_policy" = true ]; then rm -f "$policy"; fi; }
trap cleanup EXIT

export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends nginx >/dev/null
echo "ensure-nginx: $(/usr/sbin/nginx -v 2>&1)"
