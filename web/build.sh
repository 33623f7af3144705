#!/usr/bin/env bash
# Builds the UI into web/dist and copies it to $1 (Maven: target/classes/static, packaged into web.jar and served
# by the gateway). The local stack's gateway serves web/dist first, so dist is always the latest build.
# npm ci runs only when package-lock.json changed since the last install, so repeated builds stay fast.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
out=${1:?usage: build.sh OUTPUT_DIR}
command -v npm >/dev/null || { echo "web: npm not found (Node.js 20+ is needed to build the UI)" >&2; exit 1; }
stamp=node_modules/.baokao-lock
if [[ ! -f $stamp ]] || ! cmp -s package-lock.json "$stamp"; then
  npm ci --no-audit --no-fund --loglevel=error
  cp package-lock.json "$stamp"
fi
npm run --silent build
rm -rf "$out"
mkdir -p "$out"
cp -R dist/. "$out/"
