#!/usr/bin/env bash
# Runs a command inside a private D-Bus session with an unlocked gnome-keyring (a real secret
# service), with a throw-away HOME so the developer's own keychain is never touched.
set -euo pipefail
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/home" "$tmp/run"
chmod 700 "$tmp/run"
export HOME="$tmp/home" XDG_RUNTIME_DIR="$tmp/run" XDG_DATA_HOME="$tmp/home/.local/share"
exec dbus-run-session -- bash -c '
  eval "$(printf %s parley-test | gnome-keyring-daemon --unlock --components=secrets)"
  export GNOME_KEYRING_CONTROL
  status=0
  "$@" || status=$?
  kill "$GNOME_KEYRING_PID" 2>/dev/null || true
  exit $status
' keyring "$@"
