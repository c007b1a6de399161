// The Chinese course in the browser: every lesson renders in Chinese with the English section ids,
// its first playground runs with Chinese status lines, the self-check answers in Chinese, and axe
// finds nothing serious. The read_packet lesson shows a diagnostic in Chinese that links back.
import { readdirSync, readFileSync } from "node:fs";
import type { Page } from "@playwright/test";
import { expect, expectAxeClean, shoot, test, useStoredTheme } from "./fixtures.ts";

const slugs = readdirSync(new URL("../../src/lessons/zh-cn/", import.meta.url))
  .filter((f) => f.endsWith(".mdx"))
  .map((f) => f.replace(/\.mdx$/, ""));
const CJK = /[\u4e00-\u9fff]/;

// The lesson's own sections; components (self-check, playgrounds) name their headings themselves.
const SECTIONS = ".lesson-content :is(h2, h3):not([data-self-check] *, [data-playground] *)";
// Playgrounds, status lines, axe and screenshots are the same components on every lesson: these stand
// for all (read-packet and write-packet and transcode: the decode, mux and script playgrounds).
const FULL = new Set(["read-packet", "write-packet", "transcode"]);

async function headingIds(page: Page, html?: string): Promise<string[]> {
  // The English ids come from the built page in dist/, parsed by the browser without loading it.
  return page.evaluate(
    ([sel, source]) =>
      [
        ...(source ? new DOMParser().parseFromString(source, "text/html") : document).querySelectorAll(sel),
      ].map((el) => el.id),
    [SECTIONS, html] as const,
  );
}

async function run(page: Page, index: number) {
  const pg = page.locator("[data-playground]").nth(index);
  await pg.scrollIntoViewIfNeeded();
  await expect(pg).toHaveAttribute("data-ready", "true");
  await pg.getByRole("button", { name: /运行/ }).click();
  await expect(pg.locator("[data-status]")).toHaveText(/完成，用时|FFmpeg 在 .+ 处停止/);
  return pg;
}

test("there is a Chinese lesson for every English one", () => {
  const english = readdirSync(new URL("../../src/lessons/en/", import.meta.url)).filter((f) =>
    f.endsWith(".mdx"),
  );
  expect(slugs.length).toBe(english.length);
});

for (const slug of slugs) {
  test(`zh-cn ${slug}: Chinese page, English section ids, playground and self-check in Chinese`, async ({
    page,
  }) => {
    await page.goto(`/zh-cn/lessons/${slug}/`);
    const built = readFileSync(new URL(`../../dist/lessons/${slug}/index.html`, import.meta.url), "utf8");
    const english = await headingIds(page, built);
    expect(english.length).toBeGreaterThan(0);
    expect(await headingIds(page)).toEqual(english);
    await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(CJK);
    // CommonMark does not close ** after full-width punctuation followed by a letter: no stray markers.
    const prose = await page.locator(".lesson-content").evaluate((el) => {
      const copy = el.cloneNode(true) as HTMLElement;
      copy.querySelectorAll("pre, code, [data-playground]").forEach((c) => c.remove());
      return copy.textContent ?? "";
    });
    expect(prose).not.toContain("**");
    if (slug !== "parameters")
      await expect(page.getByText("你将学到", { exact: false }).first()).toBeVisible();

    if (FULL.has(slug)) {
      const pg = await run(page, 0);
      await expect(pg.locator("[data-status]")).not.toHaveText(/Done in|stopped at/);
    }
    const check = page.locator("[data-self-check]");
    if ((await check.count()) > 0) {
      await expect(check.getByRole("heading", { name: "自测" })).toBeVisible();
      const q = check.getByRole("group").first();
      await q.locator('input[data-correct="false"]').first().check();
      await expect(q.locator("[data-sc-feedback]")).toContainText("不太对。");
      await q.locator('input[data-correct="true"]').check();
      await expect(q.locator("[data-sc-feedback]")).toContainText("正确。");
    }
    if (!FULL.has(slug)) return;
    // The light theme's axe scan of the representative Chinese lessons, on the page already used.
    await expectAxeClean(page);
    await shoot(page, `lesson-zh-cn-${slug}`);
  });
}

test("zh-cn read_packet: returning 0 gets the diagnostic in Chinese, linked to the Chinese section", async ({
  page,
}) => {
  await page.goto("/zh-cn/lessons/read-packet/");
  const pg = await run(page, 1);
  const diag = pg.getByRole("region", { name: "诊断" });
  await expect(diag).toContainText(/连续 1000 次返回 0/);
  const link = diag.getByRole("link").first();
  await expect(link).toHaveAttribute("href", /^\/zh-cn\/lessons\/read-packet\/?#never-return-0$/);
  await expect(page.locator("#never-return-0")).toHaveText(CJK);
  await shoot(page, "lesson-zh-cn-read-packet-diagnostic");
  await link.click();
  await expect(page.locator("#never-return-0")).toBeInViewport();
});

// The dark theme renders the same components: one Chinese lesson stands for all of them.
test("axe: zh-cn read-packet (dark) has no serious or critical violations", async ({ page }) => {
  await useStoredTheme(page, "dark");
  await page.goto("/zh-cn/lessons/read-packet/");
  await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
  const q = page.locator("[data-self-check]").getByRole("group").first();
  await q.locator('input[data-correct="false"]').first().check();
  await expectAxeClean(page);
});
