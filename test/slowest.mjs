// Prints the ten slowest tests over the Vitest, Playwright and cross-browser JSON reports, so drift is visible.
import { readFileSync } from "node:fs";

const rows = [];
for (const file of process.argv.slice(2)) {
  let report;
  try {
    report = JSON.parse(readFileSync(file, "utf8"));
  } catch {
    continue;
  }
  if (report.testResults) {
    for (const suite of report.testResults)
      for (const t of suite.assertionResults ?? [])
        rows.push({
          ms: t.duration ?? 0,
          name: `${suite.name.replace(/^.*?\/test\//, "test/")} › ${t.fullName ?? t.title}`,
        });
  } else if (report.engine && Array.isArray(report.tests)) {
    // test/cross-browser/run.ts: names already start with the engine.
    for (const t of report.tests) rows.push({ ms: t.ms ?? 0, name: t.name });
  } else if (report.suites) {
    const walk = (s, path) => {
      for (const spec of s.specs ?? [])
        for (const t of spec.tests ?? [])
          rows.push({
            ms: Math.max(0, ...(t.results ?? []).map((r) => r.duration ?? 0)),
            name: `${path}${spec.title}`,
          });
      for (const child of s.suites ?? []) walk(child, `${path}${child.title} › `);
    };
    for (const s of report.suites) walk(s, `${s.title} › `);
  }
}
rows.sort((a, b) => b.ms - a.ms);
console.log("\nslowest tests:");
for (const r of rows.slice(0, 10)) console.log(`${(r.ms / 1000).toFixed(1).padStart(7)} s  ${r.name}`);
