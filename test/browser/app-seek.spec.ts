// The app-seek lesson (seeking from the application), in English and Chinese: its playground runs
// av_seek_frame() to 1 s on the FLAC sample, and the trace shows the burst the lesson describes (the
// binary search's SEEK_SETs, ending at 169,141) between the console lines that bracket the seek.
import type { Page } from "@playwright/test";
import { expect, shoot, test } from "./fixtures.ts";
import { shootEl } from "./learner-page.ts";

async function runFirst(page: Page, path: string) {
  await page.goto(path);
  await expect(page.locator("h1")).toBeVisible();
  const pg = page.locator("[data-playground]").first();
  await pg.scrollIntoViewIfNeeded();
  await expect(pg).toHaveAttribute("data-ready", "true");
  await pg.getByRole("button", { name: /^▶?\s*(Run|运行)/ }).click();
  await expect(pg.locator("[data-status]")).not.toHaveText(
    /Running|Downloading|Starting|运行中|下载|启动|^$/,
  );
  return pg;
}

for (const [locale, path] of [
  ["en", "/lessons/app-seek/"],
  ["zh-cn", "/zh-cn/lessons/app-seek/"],
] as const) {
  test(`${locale} app-seek: av_seek_frame() on the FLAC sample shows the SEEK_SET burst in the trace`, async ({
    page,
  }) => {
    const pg = await runFirst(page, path);
    const lines = pg.locator(".pg-console__line");
    await expect(lines.filter({ hasText: "av_seek_frame returned 0" })).toHaveCount(1);
    await expect(lines.filter({ hasText: "samples per channel after the seek: 42120" })).toHaveCount(1);
    const seekRows = pg.getByRole("row").filter({ hasText: "whence=SEEK_SET" });
    // 13 SEEK_SETs, the first to the first frame, the last to the frame found.
    await expect(seekRows).toHaveCount(13);
    await expect(seekRows.first()).toContainText("offset=8288");
    await expect(seekRows.last()).toContainText("offset=169141");
    // Stream info describes what the program opened and decoded (issue #24, point 3).
    const info = pg.getByRole("region", { name: locale === "en" ? "Stream info" : "流信息" });
    await expect(info).toContainText("flac");
    await expect(info).toContainText(locale === "en" ? "42,120 per channel" : "每声道 42,120 个");
    await seekRows.last().scrollIntoViewIfNeeded();
    await shoot(page, `lesson-${locale}-app-seek`);
    await shootEl(pg, `lesson-${locale}-app-seek-playground`);
    await shootEl(page.locator(".lesson-content table").first(), `lesson-${locale}-app-seek-formats`);
  });
}

test("app-seek: without a seek callback the MP3 seek is AVERROR(EPIPE), printed as Broken pipe", async ({
  page,
}) => {
  await page.goto("/lessons/app-seek/");
  const pg = page.locator("[data-playground]").nth(1);
  await pg.scrollIntoViewIfNeeded();
  await expect(pg).toHaveAttribute("data-ready", "true");
  await pg.getByRole("button", { name: /^▶?\s*Run/ }).click();
  const lines = pg.locator(".pg-console__line");
  await expect(lines.filter({ hasText: "av_seek_frame returned -64 (Broken pipe)" })).toHaveCount(1);
  await expect(pg.getByRole("row").filter({ hasText: "whence=SEEK_SET" })).toHaveCount(0);
  await pg.scrollIntoViewIfNeeded();
  await shoot(page, "lesson-app-seek-no-seek");
  await shootEl(pg, "lesson-app-seek-no-seek-playground");
});
