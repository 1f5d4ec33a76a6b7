#!/usr/bin/env bash
# Makes sure `prometheus` and `promtool` are on PATH for test/observability/prometheus.e2e-spec.ts:
# installs Debian's `prometheus` package when they are missing (needs root, as on CI). The package's
# service is never started: the test runs its own prometheus on a free loopback port and stops it.
set -euo pipefail

if command -v prometheus >/dev/null && command -v promtool >/dev/null; then
  exit 0
fi
if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null; then
  echo "ensure-prometheus: prometheus and promtool are missing; install Debian's 'prometheus' package (or put both binaries on PATH)" >&2
  exit 1
fi

echo "ensure-prometheus: installing Debian's prometheus package"
# A policy-rc.d answering 101 keeps the package's postinst from starting the daemon (on :9090);
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
apt-get install -y -qq --no-install-recommends prometheus >/dev/null
command -v prometheus >/dev/null && command -v promtool >/dev/null
echo "ensure-prometheus: $(prometheus --version 2>&1 | head -n 1)"
