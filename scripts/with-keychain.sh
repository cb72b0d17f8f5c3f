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
missing=""
for tool in dbus-run-session gnome-keyring-daemon; do
  command -v "$tool" >/dev/null 2>&1 || missing="$missing $tool"
done
if [ -n "$missing" ]; then
  # printf, not cat: a builtin, so the message appears even on a PATH without coreutils.
  printf '\n%s\n%s\n%s\n%s\n\n' \
    "The keychain tests run against a throwaway OS keychain (a private D-Bus session with an" \
    "unlocked gnome-keyring), and this machine lacks:$missing. Install them with" \
    "\`apt-get install -y gnome-keyring dbus\` (Debian/Ubuntu) and run \`npm run test:keychain\` again." \
    "The other suites (\`npx vitest run\`, \`npm run test:browser\`) do not need a keychain." >&2
  exit 127
fi

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
if [ "$status" -eq 125 ]; then
  printf '\n%s\n%s\n%s\n\n' \
    "gnome-keyring-daemon did not start an unlocked keyring inside the private D-Bus session, so" \
    "the keychain tests could not run. Its own messages are above; a common cause is a gnome-keyring" \
    "without its Secret Service component (\`apt-get install --reinstall -y gnome-keyring\`)." >&2
fi
exit "$status"
