#!/usr/bin/env bash
# What `npm test` runs: typecheck, lint, unit and integration tests (Vitest), end-to-end (Playwright).
# Every step runs even if an earlier one fails; the last line totals the tests of every runner.
set -uo pipefail
cd "$(dirname "$0")/.."
mkdir -p .tmp/results
rm -f .tmp/results/*.json

status=0
step() {
  local name=$1; shift
  local started=$SECONDS
  echo
  echo "==> $name"
  if "$@"; then
    echo "==> $name: ok ($((SECONDS - started)) s)"
  else
    echo "==> $name: FAILED ($((SECONDS - started)) s)"
    status=1
  fi
}

step "typecheck" ./node_modules/.bin/tsc --noEmit
step "lint" ./node_modules/.bin/eslint .
step "unit and integration tests (Vitest)" ./node_modules/.bin/vitest run \
  --reporter=default --reporter=json --outputFile.json=.tmp/results/vitest.json
step "end-to-end tests (Playwright, Chromium)" env PLAYWRIGHT_JSON_OUTPUT_NAME=.tmp/results/playwright.json \
  ./node_modules/.bin/playwright test

node tests/support/summarise-results.mjs .tmp/results/vitest.json .tmp/results/playwright.json || status=1
exit $status
