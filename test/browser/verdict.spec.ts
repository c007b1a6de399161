// One verdict per Run and per Check: the status line, its colour and the diagnostics agree, and the
// first diagnostic sits right under Run; a Check stops an endless loop as fast as Run, keeps the
// tests that finished and spends no hint; "All exercises done" only when they are.
import { readFileSync } from "node:fs";
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures.ts";
import { ready, run, runButton, setCode, shootView, status } from "./learner-page.ts";

const playground = (page: Page, title: string) =>
  ready(page.getByRole("region", { name: `Playground: ${title}`, exact: true }));

test("returning 0: the status is the diagnostic's error, in red, and the diagnostic is next to Run", async ({
  page,
}) => {
  await page.goto("/lessons/read-packet/");
  const pg = await playground(page, "Mistake: returning 0 at the end");
  await runButton(pg).scrollIntoViewIfNeeded();
  await run(pg);
  const first = pg.locator(".pg-diag").first();
  await expect(first).toBeVisible();
  const message = (await first.locator(".pg-diag__message").textContent()) ?? "";
  expect(message).toMatch(/read_packet returned 0/);
  await expect(status(pg)).toHaveAttribute("data-kind", "error");
  await expect(status(pg)).not.toHaveText(/^Done in/);
  await expect(status(pg)).toContainText(message);
  // Without scrolling: Run and the first diagnostic share the window.
  await expect(runButton(pg)).toBeInViewport();
  await expect(first).toBeInViewport();
  await shootView(page, "verdict-return-zero");
});

test("a throwing read_packet: the status names what the engine gave FFmpeg, as the diagnostic does", async ({
  page,
}) => {
  await page.goto("/lessons/read-packet/");
  const pg = await playground(page, "Mistake: throwing instead of returning an error");
  await runButton(pg).scrollIntoViewIfNeeded();
  await run(pg);
  const first = pg.locator(".pg-diag").first();
  await expect(first).toContainText("the engine gave FFmpeg AVERROR_EXTERNAL");
  await expect(status(pg)).toHaveAttribute("data-kind", "error");
  await expect(status(pg)).toHaveText(
    /^(line \d+: )?read_packet threw on call \d+: .*AVERROR_EXTERNAL.*FFmpeg then stopped at/,
  );
  await expect(first).toBeInViewport();
  await shootView(page, "verdict-throws");
});

test("zh-cn: the same verdict in Chinese", async ({ page }) => {
  await page.goto("/zh-cn/lessons/read-packet/");
  const pg = await ready(page.locator("[data-playground]").filter({ hasText: "read_packet" }).nth(3));
  await runButton(pg).scrollIntoViewIfNeeded();
  await run(pg);
  const kind = await status(pg).getAttribute("data-kind");
  if ((await pg.locator(".pg-diag--error").count()) > 0) {
    expect(kind).toBe("error");
    await expect(status(pg)).not.toHaveText(/^完成，用时/);
  }
});

const LOOPS_AT_END = readFileSync(
  new URL("../../src/exercises/read-packet/solution.ts", import.meta.url),
  "utf8",
).replace("if (left <= 0) return AVERROR_EOF;", "if (left <= 0) while (true) {}");

test("Check: an endless loop stops after Run's 5 s, the finished tests stay, no hint is used", async ({
  page,
}) => {
  await page.goto("/exercises/read-packet/");
  const pg = await ready(page.locator("[data-playground]").first());
  await setCode(page, pg, LOOPS_AT_END);
  await pg.getByRole("button", { name: "Check", exact: true }).click();
  const results = pg.getByRole("region", { name: "Test results" });
  await expect(status(pg)).toHaveText(
    /^Stopped: the test “returns AVERROR_EOF at the end, never 0” did not finish within 5 s \(endless loop\?\)\. 3 tests passed before it\. No hint was used\.$/,
  );
  await expect(status(pg)).toHaveAttribute("data-kind", "error");
  await expect(results).not.toContainText("could not run");
  await expect(results.locator('li[data-status="pass"]')).toHaveCount(3);
  await expect(results.locator("details[open]")).toContainText("Did not finish within 5 s");
  // No hint spent: none shown, the waiting note still there, nothing stored.
  await expect(page.locator("[data-hint]:not([hidden])")).toHaveCount(0);
  expect(await page.evaluate(() => localStorage.getItem("avio-workbook:hints:v1"))).toBeNull();
  await shootView(page, "verdict-check-timeout");
});

const CLEANUP = readFileSync(new URL("../../src/exercises/cleanup/solution.ts", import.meta.url), "utf8");

test("passing only cleanup in a fresh browser leads back to the list, not 'All exercises done'", async ({
  page,
}) => {
  await page.goto("/exercises/cleanup/");
  const pg = await ready(page.locator("[data-playground]").first());
  await setCode(page, pg, CLEANUP);
  await pg.getByRole("button", { name: "Check", exact: true }).click();
  const link = pg.locator("a.pg-next");
  await expect(link).toHaveText("Back to the exercise list →");
  await shootView(page, "verdict-cleanup-alone");
});

test("with every other exercise done, passing cleanup says All exercises done", async ({ page }) => {
  await page.goto("/exercises/cleanup/");
  const ids: string[] = JSON.parse((await page.locator("main").getAttribute("data-all-exercises")) ?? "[]");
  expect(ids).toContain("cleanup");
  await page.evaluate(
    (others) =>
      localStorage.setItem(
        "avio-workbook:exercises:v1",
        JSON.stringify(Object.fromEntries(others.map((id) => [id, "2026-01-01T00:00:00.000Z"]))),
      ),
    ids.filter((id) => id !== "cleanup"),
  );
  await page.reload();
  const pg = await ready(page.locator("[data-playground]").first());
  await setCode(page, pg, CLEANUP);
  await pg.getByRole("button", { name: "Check", exact: true }).click();
  await expect(pg.locator("a.pg-next")).toHaveText("All exercises done: back to the list →");
});
