// Lessons 1–7 in the browser: each page renders without console errors, its first playground
// runs to the result the lesson describes, the self-check answers, and axe finds nothing serious.
import type { Page } from "@playwright/test";
import { expect, expectAxeClean, shoot, test, useStoredTheme } from "./fixtures.ts";

const lessons = [
  { slug: "memory-io", status: /Done in/ },
  { slug: "buffer", status: /Done in/ },
  { slug: "buffer-size", status: /Done in/ },
  { slug: "write-flag", status: /Done in/ },
  { slug: "opaque", status: /Done in/ },
  { slug: "read-packet", status: /Done in/ },
] as const;

async function runFirstPlayground(page: Page, status: RegExp, index = 0) {
  const pg = page.locator("[data-playground]").nth(index);
  await pg.scrollIntoViewIfNeeded();
  await expect(pg).toHaveAttribute("data-ready", "true");
  await pg.getByRole("button", { name: /^▶?\s*Run/ }).click();
  await expect(pg.locator("[data-status]")).toHaveText(status);
  return pg;
}

for (const { slug, status } of lessons) {
  test(`${slug}: the first playground runs and the self-check answers`, async ({ page }) => {
    await page.goto(`/lessons/${slug}/`);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expect(page.getByText("What you will learn", { exact: false }).first()).toBeVisible();
    await runFirstPlayground(page, status);

    const check = page.locator("[data-self-check]");
    await expect(check.getByRole("heading", { name: "Check yourself" })).toBeVisible();
    const q = check.getByRole("group").first();
    const feedback = q.locator("[data-sc-feedback]");
    await expect(feedback).toHaveAttribute("aria-live", "polite");
    await q.locator('input[data-correct="false"]').first().check();
    await expect(feedback).toContainText("Not quite.");
    await q.locator('input[data-correct="true"]').check();
    await expect(feedback).toContainText("Correct.");
    // The axe scan of this lesson in the light theme, on the page already loaded and used.
    await expectAxeClean(page);
    await shoot(page, `lesson-${slug}`);
  });
}

test("self-check works with the keyboard", async ({ page }) => {
  await page.goto("/lessons/read-packet/");
  const q = page.locator("[data-self-check]").getByRole("group").first();
  const radios = q.getByRole("radio");
  await radios.first().focus();
  await page.keyboard.press("Space");
  await expect(radios.first()).toBeChecked();
  await expect(q.locator("[data-sc-feedback]")).not.toBeEmpty();
  await page.keyboard.press("ArrowDown");
  await expect(radios.nth(1)).toBeChecked();
  await expect(q.locator("[data-sc-feedback]")).toContainText(/Correct\.|Not quite\./);
});

test("read-packet: the return-0 playground is stopped by the safety net with its diagnostic", async ({
  page,
}) => {
  await page.goto("/lessons/read-packet/");
  const pg = await runFirstPlayground(page, /FFmpeg then stopped at/, 1);
  const diag = pg.getByRole("region", { name: "Diagnostics" });
  await expect(diag).toContainText(/returned 0 1000 times in a row/);
  await expect(diag.getByRole("link").first()).toHaveAttribute(
    "href",
    /\/lessons\/read-packet\/?#never-return-0/,
  );
});

test("buffer: Stream info shows the AVIO buffer replaced during probing", async ({ page }) => {
  await page.goto("/lessons/buffer/");
  const pg = await runFirstPlayground(page, /Done in/);
  await expect(pg.getByRole("region", { name: "Stream info" })).toContainText(/0x[0-9a-f]+ → 0x[0-9a-f]+/);
  await expect(page.locator("#replaced")).toHaveCount(1);
  await expect(page.locator("#av-malloc")).toHaveCount(1);
});

// Lessons render from the same components in either theme: every lesson is scanned in the light
// theme (the lessons above in their own test, after a run), read-packet in the dark one too.
const axeScans = [
  ...["write-packet", "seek", "lifecycle", "avio-decode-audio", "streaming"].map((slug) => ({
    slug,
    theme: "light" as const,
  })),
  { slug: "read-packet", theme: "dark" as const },
];

for (const { slug, theme } of axeScans) {
  test(`axe: no serious or critical violations on ${slug} (${theme}), self-check answered`, async ({
    page,
  }) => {
    await useStoredTheme(page, theme);
    await page.goto(`/lessons/${slug}/`);
    await expect(page.locator("html")).toHaveAttribute("data-theme", theme);
    const q = page.locator("[data-self-check]").getByRole("group").first();
    await q.locator('input[data-correct="false"]').first().check();
    await expectAxeClean(page);
    if (slug === "read-packet") await shoot(page, `lesson-${slug}-${theme}-axe`);
  });
}
