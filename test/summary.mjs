// Prints one closing line, "N passed, N failed", over the Vitest and Playwright JSON reports.
// A missing report counts as a failure: a runner that did not report did not pass.
import { readFileSync } from 'node:fs';

let passed = 0;
let failed = 0;
let skipped = 0;
for (const file of process.argv.slice(2)) {
  let report;
  try {
    report = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    console.error(`summary: no report at ${file}`);
    failed += 1;
    continue;
  }
  if ('numPassedTests' in report) {
    // Vitest (Jest-compatible JSON). Suites that failed to load count as failures too.
    passed += report.numPassedTests;
    failed += report.numFailedTests + (report.numRuntimeErrorTestSuites ?? 0);
    skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
  } else if (report.stats) {
    // Playwright.
    passed += report.stats.expected;
    failed += report.stats.unexpected + report.stats.flaky + (report.errors?.length ?? 0);
    skipped += report.stats.skipped;
  } else {
    console.error(`summary: unrecognised report ${file}`);
    failed += 1;
  }
}
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
