#!/usr/bin/env bash
# Makes sure `kubectl` is on PATH for test/deploy/kubernetes.e2e-spec.ts, which renders the kustomize
# overlays of deploy/kubernetes offline (`kubectl kustomize`, no cluster): installs Debian's `kubectl`
# package when it is missing (needs root, as on CI).
set -euo pipefail

if command -v kubectl >/dev/null; then
  exit 0
fi
if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null; then
  echo "ensure-kubectl: kubectl is missing; install Debian's 'kubectl' package (or put kubectl on PATH)" >&2
  exit 1
fi

echo "ensure-kubectl: installing Debian's kubectl package"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends kubectl >/dev/null
echo "ensure-kubectl: $(kubectl version --client 2>&1 | head -n 1)"
