// Totals the JSON reports of Vitest and Playwright into one closing line: "N passed, N failed, N skipped".
// Usage: node summarise-results.mjs REPORT.json... (a missing report counts as a failed runner).
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

const total = { passed: 0, failed: 0, skipped: 0 };
const lines = [];

function vitest(v) {
  const r = {
    passed: v.numPassedTests ?? 0,
    failed: v.numFailedTests ?? 0,
    skipped: (v.numPendingTests ?? 0) + (v.numTodoTests ?? 0),
  };
  // A file that failed to load has no tests but is a failure.
  r.failed += (v.testResults ?? []).filter(
    (f) => f.status === "failed" && (f.assertionResults ?? []).length === 0,
  ).length;
  // Vitest can fail outside any test (an unhandled error, a broken config): count the run itself.
  if (v.success === false && r.failed === 0) r.failed += 1;
  return r;
}

function playwright(p) {
  return {
    passed: p.stats?.expected ?? 0,
    // A test that passed only on retry is counted as failed: the suite must be reliable.
    failed: (p.stats?.unexpected ?? 0) + (p.stats?.flaky ?? 0) + (p.errors ?? []).length,
    skipped: p.stats?.skipped ?? 0,
  };
}

for (const file of process.argv.slice(2)) {
  const name = path.basename(file, ".json");
  let r;
  if (!existsSync(file)) {
    r = { passed: 0, failed: 1, skipped: 0 };
    lines.push(`${name}: no report (the runner did not finish): counted as 1 failure`);
  } else {
    const report = JSON.parse(readFileSync(file, "utf8"));
    r = "stats" in report ? playwright(report) : vitest(report);
    lines.push(`${name}: ${r.passed} passed, ${r.failed} failed, ${r.skipped} skipped`);
  }
  total.passed += r.passed;
  total.failed += r.failed;
  total.skipped += r.skipped;
}

for (const line of lines) console.log(`  ${line}`);
console.log("");
console.log(`${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
process.exit(total.failed > 0 ? 1 : 0);
