#!/usr/bin/env bash
# Browser end-to-end tests: build the real renderer, then drive it in Debian's Chromium through
# `parley serve` (see tests/e2e/). Screenshots land in tests/artifacts/.
set -euo pipefail
cd "$(dirname "$0")/.."
npx electron-vite build >/dev/null
args=(--config tests/e2e/vitest.e2e.config.ts)
if [ -n "${PARLEY_E2E_REPORT:-}" ]; then
  args+=(--reporter=default --reporter=json --outputFile.json="$PARLEY_E2E_REPORT")
fi
npx vitest run "${args[@]}"
