#!/usr/bin/env bash
# Run a command inside a private D-Bus session with an unlocked GNOME Keyring.
#
# Usage: bash scripts/with-keyring.sh <command> [args...]
# The keychain tests talk to this keyring through keytar/libsecret, exactly as Keyflare does on a
# Linux desktop. Nothing here touches the user's own session keyring.
set -euo pipefail

if [ -z "${KEYFLARE_IN_KEYRING_SESSION:-}" ]; then
  export KEYFLARE_IN_KEYRING_SESSION=1
  exec dbus-run-session -- bash "$0" "$@"
fi

# A throwaway HOME-like data dir for the keyring, so nothing lands in the real ~/.local/share/keyrings.
KEYRING_HOME="$(mktemp -d "${TMPDIR:-/tmp}/keyflare-keyring.XXXXXX")"
export XDG_DATA_HOME="$KEYRING_HOME/data"
export XDG_RUNTIME_DIR="$KEYRING_HOME/run"
mkdir -p "$XDG_DATA_HOME" "$XDG_RUNTIME_DIR"
chmod 700 "$XDG_RUNTIME_DIR"

# --unlock reads a throwaway password from stdin and creates/unlocks the login keyring.
eval "$(printf 'keyflare-test' | gnome-keyring-daemon --unlock --components=secrets 2>/dev/null)"
export GNOME_KEYRING_CONTROL
# Stop only the daemon this session started (found by its private XDG_RUNTIME_DIR), so parallel
# runs — or the user's own desktop keyring — are never touched.
cleanup() {
  local pid
  for pid in $(pgrep -u "$(id -u)" gnome-keyring-d 2>/dev/null); do
    if tr '\0' '\n' <"/proc/$pid/environ" 2>/dev/null | grep -qxF "XDG_RUNTIME_DIR=$XDG_RUNTIME_DIR"; then
      kill "$pid" 2>/dev/null || true
    fi
  done
  rm -rf "$KEYRING_HOME"
}
trap cleanup EXIT

"$@"
