import { readFileSync } from "node:fs";
import {
  evaluateTargets,
  formatMs,
  formatRatio,
  formatTargetValue,
  runOverNode,
  unmeasuredTargets,
  type BenchResults,
} from "../../src/site/performance.ts";
import { expect, expectAxeClean, horizontalOverflow, shoot, test, useStoredTheme } from "./fixtures.ts";

/** The page is generated from the committed results at build time: it must show exactly these. */
const results = JSON.parse(
  readFileSync(new URL("../../bench/results.json", import.meta.url), "utf8"),
) as BenchResults;
const codecs = Object.entries(results.codecs);
const targets = evaluateTargets(results);

for (const [locale, path, lang, title] of [
  ["en", "/performance/", "en", "Performance"],
  ["zh-cn", "/zh-cn/performance/", "zh-CN", "性能"],
] as const) {
  test(`${locale}: the chart and the tables show bench/results.json`, async ({ page }) => {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();

    // Chart: an image with a title, one group of four bars per codec, labelled with the codec.
    const chart = page.locator("svg[data-chart]");
    await expect(chart).toBeVisible();
    await expect(chart).toHaveAttribute("role", "img");
    await expect(chart.locator("title")).not.toBeEmpty();
    for (const [id, c] of codecs) {
      const group = chart.locator(`g[data-codec="${id}"]`);
      await expect(group.locator("rect")).toHaveCount(4);
      await expect(group.locator("text.codec")).toHaveText(c.label);
    }
    // Bars are as long as their times: the slowest bar is the longest.
    const widths = await chart
      .locator("rect")
      .evaluateAll((rs) => rs.map((r) => Number(r.getAttribute("width"))));
    const times = codecs.flatMap(([, c]) => [
      c.long.nativeRtimeMs.min,
      c.long.engineNodeMs.min,
      c.long.engineChromiumMs.min,
      c.long.ffmpegWasmMs.min,
    ]);
    expect(widths.indexOf(Math.max(...widths))).toBe(times.indexOf(Math.max(...times)));

    // Table of the long files: every codec with both ratios, formatted for the page's language.
    const rows = page.locator('table[data-times="long"] tbody tr');
    await expect(rows).toHaveCount(codecs.length);
    for (const [id, c] of codecs) {
      const row = page.locator(`table[data-times="long"] tr[data-codec="${id}"]`);
      await expect(row.locator("th")).toHaveText(c.label);
      await expect(row.locator('[data-ratio="engineOverNative"]')).toHaveText(
        formatRatio(lang, c.engineOverNative),
      );
      await expect(row.locator('[data-ratio="ffmpegWasmOverEngine"]')).toHaveText(
        formatRatio(lang, c.ffmpegWasmOverEngine),
      );
      // The learner's Run against native FFmpeg and against the same engine in Node.
      await expect(row.locator('[data-ratio="runOverNative"]')).toHaveText(
        formatRatio(lang, c.engineChromiumOverNative),
      );
      await expect(row.locator('[data-ratio="runOverNode"]')).toHaveText(formatRatio(lang, runOverNode(c)));
    }

    // Targets: met or missed as the numbers say, and every miss explained.
    for (const x of targets) {
      const row = page.locator(`table[data-targets] tr[data-target="${x.id}"]`);
      await expect(row).toHaveAttribute("data-met", String(x.met));
      await expect(row).toContainText(formatTargetValue(lang, x.unit, x.value));
      await expect(page.locator(`[data-why="${x.id}"]`)).toHaveCount(x.met ? 0 : 1);
    }
    // A target this run has no numbers for says so instead of passing or failing.
    for (const id of unmeasuredTargets(results))
      await expect(page.locator(`table[data-targets] tr[data-target="${id}"]`)).toHaveAttribute(
        "data-met",
        "unmeasured",
      );
    await expect(page.locator("table[data-cold]")).toContainText(
      formatMs(lang, results.coldStart.engineMs.min),
    );
    await expect(page.locator("table[data-download]")).toContainText(
      formatRatio(lang, results.ffmpegWasmGzipBytes / results.engineGzipBytes),
    );
    // Retired as targets, kept as figures: the cold start and download ratios.
    await expect(page.locator("table[data-cold]")).toContainText(
      formatRatio(lang, results.coldStart.ffmpegWasmMs.min / results.coldStart.engineMs.min),
    );
    for (const id of ["coldStart", "download"])
      await expect(page.locator(`table[data-targets] tr[data-target="${id}"]`)).toHaveCount(0);
  });
}

test("the footer links to the performance page in both languages", async ({ page }) => {
  await page.goto("/");
  await page.locator("footer").getByRole("link", { name: "Performance" }).click();
  await expect(page).toHaveURL("/performance/");
  await page.goto("/zh-cn/");
  await page.locator("footer").getByRole("link", { name: "性能" }).click();
  await expect(page).toHaveURL("/zh-cn/performance/");
});

for (const theme of ["light", "dark"] as const) {
  for (const [name, path] of [
    ["performance", "/performance/"],
    ["performance-zh-cn", "/zh-cn/performance/"],
  ] as const) {
    test(`axe: no serious or critical violations on ${name} (${theme})`, async ({ page }) => {
      await useStoredTheme(page, theme);
      await page.goto(path);
      await expect(page.locator("html")).toHaveAttribute("data-theme", theme);
      await expectAxeClean(page);
      await shoot(page, `${name}-${theme}`);
    });
  }
}

test.describe("phone width (360 px)", () => {
  test.use({ viewport: { width: 360, height: 740 } });
  test("the page does not scroll sideways; chart and tables scroll inside their own boxes", async ({
    page,
  }) => {
    await page.goto("/performance/");
    expect(await horizontalOverflow(page)).toBe(0);
    await expectAxeClean(page);
    await shoot(page, "phone-performance");
  });
});
