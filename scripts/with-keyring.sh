#!/usr/bin/env bash
# Runs a command inside a private D-Bus session with an unlocked GNOME Keyring,
# so the keychain tests talk to a real Secret Service. Without dbus-run-session
# or gnome-keyring-daemon it runs the command as it is (the keychain tests then skip).
set -euo pipefail
if [ "${OPSDECK_IN_KEYRING:-}" = 1 ] || ! command -v dbus-run-session >/dev/null || ! command -v gnome-keyring-daemon >/dev/null; then
  exec "$@"
fi
export OPSDECK_IN_KEYRING=1
# The keyring files go to a throw-away folder, never the user's own keyrings.
OPSDECK_KEYRING_HOME=$(mktemp -d)
export OPSDECK_KEYRING_HOME
trap 'rm -rf "$OPSDECK_KEYRING_HOME"' EXIT
dbus-run-session -- bash -c '
  printf "opsdeck-test" | XDG_DATA_HOME="$OPSDECK_KEYRING_HOME" gnome-keyring-daemon --unlock --components=secrets >/dev/null
  export OPSDECK_TEST_KEYRING=1
  exec "$@"' keyring "$@"
