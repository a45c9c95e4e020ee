#!/usr/bin/env bash
# `npm test`: everything — typecheck, lint, build, then the unit, renderer and e2e suites inside a
# private D-Bus session with an unlocked GNOME Keyring (the keychain tests use the real one).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/ensure-node.sh
bash scripts/test-prereqs.sh

echo "== typecheck" >&2
npm run --silent typecheck
echo "== lint" >&2
npm run --silent lint
echo "== build" >&2
npx electron-vite build --logLevel warn
node scripts/build-cli.mjs
echo "== tests (node, renderer, e2e) in a private keyring session" >&2
bash scripts/with-keyring.sh npx vitest run "$@"
