#!/usr/bin/env bash
# What `npm test` runs: typecheck, lint, build, unit and integration tests (Vitest), end-to-end tests
# (Playwright in Chromium against the real server). Every step runs even when an earlier one fails, so one
# run shows every problem; the script exits non-zero if any step failed. The last line totals the tests
# of every runner as "N passed, N failed, N skipped" (CI reads that line).
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=./node_modules/.bin
RESULTS=.tmp/results
mkdir -p "$RESULTS"
rm -f "$RESULTS"/*.json "$RESULTS"/*.txt

# The end-to-end tests need a Chromium. Debian's (/usr/bin/chromium) is installed here when we can (root with
# apt, as .ci/run does); Playwright's own download also works where it is allowed. Otherwise stop at once with
# one line, rather than after ten minutes of other steps.
if [ ! -x /usr/bin/chromium ] && ! ls "${PLAYWRIGHT_BROWSERS_PATH:-$HOME/.cache/ms-playwright}"/chromium* >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "==> installing Chromium from apt for the end-to-end tests"
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium; } </dev/null >/dev/null
  fi
  if [ ! -x /usr/bin/chromium ]; then
    echo "npm test needs Chromium for the end-to-end tests: install Debian's (sudo apt-get install chromium) or Playwright's (npx playwright install chromium), then run npm test again." >&2
    exit 1
  fi
fi

status=0
summary=()
step() {
  local name=$1; shift
  local started=$SECONDS
  echo
  echo "==> $name"
  if "$@"; then
    summary+=("ok      $(printf '%4d' $((SECONDS - started))) s  $name")
  else
    summary+=("FAILED  $(printf '%4d' $((SECONDS - started))) s  $name")
    status=1
  fi
  echo "${summary[-1]}"
}

step "typecheck (tsc --noEmit)" "$BIN/tsc" --noEmit
step "lint (eslint)" "$BIN/eslint" .
step "format (prettier --check)" "$BIN/prettier" --check --log-level warn .
step "exports, files and dependencies nothing uses (knip)" "$BIN/knip" --no-progress
step "build (remix build)" "$BIN/remix" build
step "browser bundle holds nothing from db/" "$BIN/tsx" tests/support/check-browser-bundle.ts
step "unit tests (Vitest)" "$BIN/vitest" run --project unit \
  --reporter=default --reporter=json --outputFile.json="$RESULTS/vitest-unit.json"
step "integration tests (Vitest${TEST_DATABASE_URL:+, PostgreSQL server})" "$BIN/vitest" run --project integration \
  --reporter=default --reporter=json --outputFile.json="$RESULTS/vitest-integration.json"
# The build above is fresh: the e2e server starts on it instead of building again.
step "end-to-end tests (Playwright, Chromium)" env E2E_PREBUILT=1 PLAYWRIGHT_JSON_OUTPUT_NAME="$RESULTS/playwright.json" \
  "$BIN/playwright" test

echo
echo "Summary"
printf '  %s\n' "${summary[@]}"
# The totals line is also kept in .tmp/results/totals.txt, for .ci/run to repeat as its own last line.
node tests/support/summarise-results.mjs \
  "$RESULTS/vitest-unit.json" "$RESULTS/vitest-integration.json" "$RESULTS/playwright.json" |
  tee "$RESULTS/summary.txt" || status=1
tail -n 1 "$RESULTS/summary.txt" > "$RESULTS/totals.txt"
exit $status
