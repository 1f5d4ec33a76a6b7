#!/usr/bin/env bash
# Makes sure `prometheus` and `promtool` are on PATH for test/observability/prometheus.e2e-spec.ts:
# installs Debian's `prometheus` package when they are missing (needs root, as on CI). The package's
# service is never started: the test runs its own prometheus on a free loopback port and stops it.
set -euo pipefail

if command -v prometheus >/dev/null && command -v promtool >/dev/null; then
  exit 0
fi
bash "$(dirname "$0")/install-debian-package.sh" prometheus ensure-prometheus
command -v prometheus >/dev/null && command -v promtool >/dev/null
echo "ensure-prometheus: $(prometheus --version 2>&1 | head -n 1)"
