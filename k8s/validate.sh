#!/usr/bin/env bash
# Renders k8s/overlays/{dev,prod} with `kubectl kustomize` and validates every object offline (validate.mjs),
# then runs the validator's own tests. Installs what it needs: kubectl (with kustomize ≥ 5) and the npm packages
# pinned in package-lock.json. Exits non-zero on any invalid object.
set -euo pipefail
cd "$(dirname "$0")"

install_apt() {
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q >/dev/null && apt-get install -y -q "$@" >/dev/null
}

if ! command -v kubectl >/dev/null; then
  echo "kubectl is missing: installing it"
  # the package "kubectl" where the Kubernetes apt repository is set up (as on our machines); Debian's own
  # kubernetes-client is kubectl 1.20, whose kustomize is too old for these overlays (checked below)
  install_apt kubectl || install_apt kubernetes-client
fi
kustomize_version=$(kubectl version --client 2>/dev/null | sed -n 's/^Kustomize Version: v\([0-9]*\).*/\1/p')
if [ -z "$kustomize_version" ] || [ "$kustomize_version" -lt 5 ]; then
  echo "kubectl's kustomize is older than v5 ($(kubectl version --client 2>&1 | tr '\n' ' ')): install a newer kubectl" >&2
  exit 1
fi

if ! command -v npm >/dev/null; then
  echo "node/npm are missing: installing them from Debian"
  install_apt nodejs npm
fi
npm ci --no-audit --no-fund --loglevel=error

node validate.mjs
node --test --test-reporter=spec validate.test.mjs
