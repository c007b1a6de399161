// Lessons write-packet, streaming, lifecycle and avio-decode-audio (course order 10–13): each page loads, its first
// playground runs the starter code against the wasm FFmpeg, and the result matches
// what the lesson text says (the same facts src/lessons/_code/<slug>/claims.ts states).
import type { Locator, Page } from "@playwright/test";
import { expect, shoot, test } from "./fixtures.ts";

async function firstPlayground(page: Page, slug: string): Promise<Locator> {
  await page.goto(`/lessons/${slug}/`);
  await expect(page.locator("h1")).toBeVisible();
  const pg = page.locator("[data-playground]").first();
  await pg.scrollIntoViewIfNeeded();
  await expect(pg).toHaveAttribute("data-ready", "true");
  return pg;
}

async function run(pg: Locator): Promise<void> {
  await pg.getByRole("button", { name: /^▶?\s*Run/ }).click();
  await expect(pg.locator("[data-status]")).not.toHaveText(/Running|Downloading|Starting|^$/);
}

test("write-packet: the WAV muxes into memory and the trailer seeks back", async ({ page }) => {
  const pg = await firstPlayground(page, "write-packet");
  await expect(page.locator("#the-contract")).toBeAttached();
  await run(pg);
  await expect(pg.locator("[data-status]")).toHaveText(/Done in/);
  const trace = pg.getByRole("region", { name: "Callback trace" });
  await expect(trace.getByRole("row").filter({ hasText: "seek" }).first()).toBeVisible();
  await shoot(page, "lesson-write-packet");
});

test("seek: the moov-at-end M4A decodes with seek and fails without", async ({ page }) => {
  const pg = await firstPlayground(page, "seek");
  for (const id of ["return-value", "avseek-size", "avseek-force"])
    await expect(page.locator(`[id="${id}"]`)).toBeAttached();
  await run(pg);
  await expect(pg.locator("[data-status]")).toHaveText(/Done in/);
  await pg.locator('input[name="seek"]').uncheck();
  await run(pg);
  await expect(pg.locator("[data-status]")).toHaveText(
    /FFmpeg (then )?stopped at .*Invalid data found when processing input/,
  );
  await shoot(page, "lesson-seek");
});

test("lifecycle: the complete lifecycle leaves no diagnostics", async ({ page }) => {
  const pg = await firstPlayground(page, "lifecycle");
  for (const id of ["cleanup", "errors"]) await expect(page.locator(`[id="${id}"]`)).toBeAttached();
  await run(pg);
  await expect(pg.locator("[data-status]")).toHaveText(/Done in/);
  await expect(pg.getByRole("region", { name: "Diagnostics" })).not.toContainText(/leak|double free/);
  await shoot(page, "lesson-lifecycle");
});

test("avio-decode-audio: the classic port decodes, then the detector names its defects", async ({ page }) => {
  const pg = await firstPlayground(page, "avio-decode-audio");
  await run(pg);
  // It decodes, but breaks rules: one verdict, the error, not "Done".
  await expect(pg.locator("[data-status]")).toHaveText(/^Ran in .*, but \d+ rules were broken: double free/);
  await expect(pg.locator("[data-status]")).toHaveAttribute("data-kind", "error");
  const diag = pg.getByRole("region", { name: "Diagnostics" });
  await expect(diag).toContainText(/libavformat replaced this buffer/);
  await expect(diag).toContainText(/an AVIOContext was never freed/);
  await shoot(page, "lesson-avio-decode-audio");
});

test("streaming: an MP3 in 1,400-byte packets decodes without seek", async ({ page }) => {
  const pg = await firstPlayground(page, "streaming");
  await run(pg);
  await expect(pg.locator("[data-status]")).toHaveText(/Done in/);
  await expect(pg.getByRole("region", { name: "Stream info" })).toContainText("44,100 Hz");
  await shoot(page, "lesson-streaming");
});
