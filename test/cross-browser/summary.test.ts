// `npm test`'s closing line over every runner's report: CI reads "N passed, N failed", and a
// failure in one engine must name that engine.
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { expect, test } from "vitest";

const SUMMARY = fileURLToPath(new URL("../summary.mjs", import.meta.url));
const dir = mkdtempSync(join(tmpdir(), "avio-summary-"));
function report(name: string, body: unknown): string {
  const file = join(dir, name);
  writeFileSync(file, JSON.stringify(body));
  return file;
}
const summary = (...files: string[]) => {
  const r = spawnSync(process.execPath, [SUMMARY, ...files], { encoding: "utf8" });
  const lines = r.stdout.trim().split("\n");
  return { code: r.status, lines, last: lines.at(-1) };
};

const vitest = report("vitest.json", { numPassedTests: 10, numFailedTests: 0, numPendingTests: 1 });
const playwright = report("playwright.json", {
  stats: { expected: 5, unexpected: 0, flaky: 0, skipped: 0 },
  errors: [],
});
const engine = (name: string, version: string, statuses: string[]) =>
  report(`cross-browser-${name}.json`, {
    engine: name,
    version,
    tests: statuses.map((status, i) => ({ name: `${name} › case ${i}`, status, ms: 1 })),
  });

test("all green: one line per runner and engine, then the totals", () => {
  const r = summary(
    vitest,
    playwright,
    engine("firefox", "Firefox 153.7.0esr", ["passed", "passed"]),
    engine("webkit", "WebKitGTK 2.50.6", ["passed"]),
  );
  expect(r.code).toBe(0);
  expect(r.lines).toContain("  firefox (Firefox 153.7.0esr): 2 passed, 0 failed");
  expect(r.lines).toContain("  chromium (playwright): 5 passed, 0 failed");
  expect(r.last).toBe("18 passed, 0 failed, 1 skipped");
});

test("a failure in one engine is counted and named on the closing line", () => {
  const r = summary(
    vitest,
    playwright,
    engine("firefox", "Firefox 153.7.0esr", ["passed"]),
    engine("webkit", "WebKitGTK 2.50.6", ["passed", "failed"]),
  );
  expect(r.code).toBe(1);
  expect(r.last).toBe("17 passed, 1 failed, 1 skipped (failed in: webkit)");
});

test("an engine that did not report, or ran nothing, failed", () => {
  expect(summary(vitest, join(dir, "cross-browser-missing.json")).last).toMatch(
    /^10 passed, 1 failed, 1 skipped \(failed in: cross-browser-missing\)$/,
  );
  expect(summary(vitest, engine("webkit", "WebKitGTK 2.50.6", [])).last).toBe(
    "10 passed, 1 failed, 1 skipped (failed in: webkit)",
  );
});
