#!/usr/bin/env bash
# Runs a command against a real but throwaway OS keychain: a private D-Bus session bus with an
# unlocked gnome-keyring (Secret Service), in a temporary HOME that is deleted afterwards, so
# the user's own keychain is never touched. Exit status is the command's.
#   usage: scripts/with-keychain.sh <command> [args…]
#   needs: dbus-run-session and gnome-keyring-daemon (Debian: apt-get install -y gnome-keyring dbus)
set -euo pipefail

if [ "$#" -eq 0 ]; then
  echo "usage: $0 <command> [args…]" >&2
  exit 2
fi
for tool in dbus-run-session gnome-keyring-daemon; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "with-keychain: '$tool' is missing; install it (Debian/Ubuntu: apt-get install -y gnome-keyring dbus)." >&2
    exit 127
  fi
done

sandbox=$(mktemp -d "${TMPDIR:-/tmp}/cc-inspector-keychain.XXXXXX")
trap 'rm -rf "$sandbox"' EXIT
mkdir -m 700 "$sandbox/runtime"

# Every place gnome-keyring might read or write points into the sandbox, even when the caller
# has XDG_* set. npm's cache stays where it was so `npx` does not start from scratch.
export npm_config_cache="${npm_config_cache:-$HOME/.npm}"
export CC_INSPECTOR_KEYCHAIN_SANDBOX="$sandbox"
set +e
HOME="$sandbox" XDG_DATA_HOME="$sandbox/.local/share" XDG_CONFIG_HOME="$sandbox/.config" \
  XDG_CACHE_HOME="$sandbox/.cache" XDG_RUNTIME_DIR="$sandbox/runtime" \
  dbus-run-session -- sh -c '
    # A new login keyring is created with this password and left unlocked; without --unlock
    # writes fail ("Object does not exist at path …/collection/login").
    printf %s sandbox | gnome-keyring-daemon --unlock --components=secrets >/dev/null || exit 125
    exec "$@"' sh "$@"
status=$?
set -e
exit "$status"
