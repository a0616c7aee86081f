#!/usr/bin/env bash
# Browser end-to-end tests: build the real renderer, then drive it in Debian's Chromium through
# `parley serve` (see tests/e2e/). Screenshots land in tests/artifacts/. The suite runs inside a
# private D-Bus session with an unlocked gnome-keyring (tests/with-keyring.sh), so the Models &
# Keys screen is tested against a real OS keychain; a missing secret service fails, never skips.
set -euo pipefail
cd "$(dirname "$0")/.."
for tool in dbus-run-session gnome-keyring-daemon; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "run-e2e: $tool is missing; run \`bash tests/system-deps.sh\` (or install dbus and gnome-keyring)" >&2
    exit 1
  fi
done
npx electron-vite build >/dev/null
args=(--config tests/e2e/vitest.e2e.config.ts)
if [ -n "${PARLEY_E2E_REPORT:-}" ]; then
  # with-keyring.sh changes HOME, not the working directory, so a relative path still lands here.
  args+=(--reporter=default --reporter=json --outputFile.json="$PARLEY_E2E_REPORT")
fi
# vitest from node_modules directly: npx under the throw-away HOME would ask the registry for updates.
bash tests/with-keyring.sh node_modules/.bin/vitest run "${args[@]}"
