// Prints one closing line, "N passed, N failed", over the Vitest, Playwright (Chromium) and
// cross-browser smoke (Firefox, WebKit) JSON reports, after one line per report naming its runner
// and engine. When something failed, the closing line names where: "(failed in: firefox)".
// A missing report counts as a failure: a runner that did not report did not pass.
import { readFileSync } from "node:fs";
import { basename } from "node:path";

let passed = 0;
let failed = 0;
let skipped = 0;
const failing = [];
for (const file of process.argv.slice(2)) {
  let report;
  let p = 0;
  let f = 0;
  let s = 0;
  let name = basename(file, ".json");
  try {
    report = JSON.parse(readFileSync(file, "utf8"));
  } catch {
    report = null;
  }
  if (!report) {
    console.error(`summary: no report at ${file}`);
    f = 1;
  } else if ("numPassedTests" in report) {
    // Vitest (Jest-compatible JSON). Suites that failed to load count as failures too.
    name = "vitest";
    p = report.numPassedTests;
    f = report.numFailedTests + (report.numRuntimeErrorTestSuites ?? 0);
    s = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
  } else if (report.stats) {
    // Playwright, which runs in Chromium only.
    name = "chromium (playwright)";
    p = report.stats.expected;
    f = report.stats.unexpected + report.stats.flaky + (report.errors?.length ?? 0);
    s = report.stats.skipped;
  } else if (report.engine && Array.isArray(report.tests)) {
    // test/cross-browser/run.ts: one report per engine.
    name = `${report.engine} (${report.version})`;
    p = report.tests.filter((t) => t.status === "passed").length;
    f = report.tests.length - p;
    if (report.tests.length === 0) f = 1;
  } else {
    console.error(`summary: unrecognised report ${file}`);
    f = 1;
  }
  console.log(`  ${name}: ${p} passed, ${f} failed${s ? `, ${s} skipped` : ""}`);
  if (f > 0) failing.push(name.split(" ")[0]);
  passed += p;
  failed += f;
  skipped += s;
}
console.log(
  `${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}${failing.length ? ` (failed in: ${failing.join(", ")})` : ""}`,
);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
