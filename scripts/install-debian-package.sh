#!/usr/bin/env bash
# Installs one Debian package for the e2e scripts (scripts/ensure-*.sh) without starting its service:
# a policy-rc.d answering 101 keeps the package's postinst from starting a daemon (nginx on :80,
# prometheus on :9090); one that already exists is left as it is. Needs root and apt-get.
#   bash scripts/install-debian-package.sh <package> <who is asking>
set -euo pipefail
package=$1
caller=$2

if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null; then
  echo "$caller: install Debian's '$package' package (root and apt-get are needed to do it here)" >&2
  exit 1
fi

echo "$caller: installing Debian's $package package"
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
apt-get install -y -qq --no-install-recommends "$package" >/dev/null
