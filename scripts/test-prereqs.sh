#!/usr/bin/env bash
# Check (and on Debian/Ubuntu as root, install) what the test suite needs from the system:
# Chromium and CJK fonts for the e2e suite, D-Bus + GNOME Keyring + libsecret for the
# real-keychain tests.
#
# Usage: bash scripts/test-prereqs.sh            check; install missing packages when root
#        bash scripts/test-prereqs.sh --build    also the headers keytar builds against (npm ci)
set -euo pipefail

packages=()
need() { # need <command-or-file> <debian package>
  if [[ "$1" == /* ]]; then [ -e "$1" ] || packages+=("$2"); else command -v "$1" >/dev/null 2>&1 || packages+=("$2"); fi
}

need "${KEYFLARE_CHROMIUM:-/usr/bin/chromium}" chromium
need dbus-run-session dbus
need dbus-daemon dbus
need gnome-keyring-daemon gnome-keyring
need curl curl
# CJK fonts, so Chromium in the e2e suite renders the zh-CN screens (docs/i18n.md).
if ! fc-list :lang=zh 2>/dev/null | grep -q .; then packages+=(fonts-noto-cjk); fi
if ! ldconfig -p 2>/dev/null | grep -q 'libsecret-1\.so\.0'; then packages+=(libsecret-1-0); fi
if [ "${1:-}" = "--build" ]; then
  pkg-config --exists libsecret-1 2>/dev/null || packages+=(libsecret-1-dev pkg-config)
  command -v g++ >/dev/null 2>&1 || packages+=(g++)
  command -v make >/dev/null 2>&1 || packages+=(make)
  command -v python3 >/dev/null 2>&1 || packages+=(python3)
fi

if [ "${#packages[@]}" -eq 0 ]; then
  exit 0
fi

# De-duplicate while keeping order.
mapfile -t packages < <(printf '%s\n' "${packages[@]}" | awk '!seen[$0]++')
command_line="apt-get install -y --no-install-recommends ${packages[*]}"

if command -v apt-get >/dev/null 2>&1; then
  if [ "$(id -u)" -eq 0 ]; then
    echo "test-prereqs: installing ${packages[*]}" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2
    # shellcheck disable=SC2086
    apt-get install -y -qq --no-install-recommends ${packages[*]} >&2
    exit 0
  fi
  echo "test-prereqs: missing system packages: ${packages[*]}" >&2
  echo "test-prereqs: install them with:  sudo apt-get update && sudo $command_line" >&2
  exit 1
fi
echo "test-prereqs: missing: ${packages[*]} (Debian package names). Install the equivalents for your system." >&2
exit 1
