#!/usr/bin/env bash
# `npm test`: every suite, against real parts. Unit and integration tests (Vitest), the keychain
# suite against a real secret service, the browser end-to-end suite in Debian's Chromium, and the
# SLURM suite on a single-node SLURM started for it.
# Ends with one line "parley tests: N passed, N failed, N skipped" summed over all suites.
set -uo pipefail
cd "$(dirname "$0")/.."
bash tests/system-deps.sh || exit 1

reports="$(mktemp -d)"
trap 'rm -rf "$reports"' EXIT
status=0

echo "== unit and integration tests =="
npx vitest run --reporter=default --reporter=json --outputFile.json="$reports/unit.json" || status=1

if [ -f src-main/keys/keychain.test.ts ]; then
  echo "== keychain tests (gnome-keyring in a private D-Bus session) =="
  PARLEY_KEYCHAIN_TEST=1 bash tests/with-keyring.sh npx vitest run --config src-main/keys/vitest.keychain.config.ts \
    --reporter=default --reporter=json --outputFile.json="$reports/keychain.json" || status=1
fi

if [ -f tests/e2e/vitest.e2e.config.ts ]; then
  echo "== browser end-to-end tests (Chromium through parley serve) =="
  PARLEY_E2E_REPORT="$reports/e2e.json" bash tests/run-e2e.sh || status=1
fi

echo "== SLURM tests (a real single-node slurmctld + slurmd started for the suite) =="
# Skipped, with what to install, when SLURM or root is missing (tests/slurm/with-slurm.sh).
bash tests/slurm/with-slurm.sh npx vitest run --config tests/slurm/vitest.slurm.config.ts \
  --reporter=default --reporter=json --outputFile.json="$reports/slurm.json" || status=1

node tests/summarize-reports.mjs "$reports" || status=1
exit $status
