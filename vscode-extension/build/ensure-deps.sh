#!/bin/sh
# Installs the extension's npm dependencies exactly as package-lock.json pins them (npm ci), only
# when the lock file changed since the last install: a build with an unchanged lock costs nothing.
set -eu
cd "$(dirname "$0")/.."
command -v npm >/dev/null 2>&1 || { echo "rx-lsp VS Code build: npm not found on PATH (with node 20 or newer)" >&2; exit 1; }
sum=$(cksum < package-lock.json | cut -d ' ' -f 1)
stamp=node_modules/.rx-lsp-lock-sum
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$sum" ]; then
  exit 0
fi
npm ci --no-audit --no-fund --prefer-offline --loglevel=error
echo "$sum" > "$stamp"
