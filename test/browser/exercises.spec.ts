// Exercises in the browser: Check runs the graded tests in the worker; passing
// marks the exercise done; progress exports and imports; solutions download.
import { readFileSync } from "node:fs";
import type { Page } from "@playwright/test";
import { expect, expectAxeClean, shoot, test } from "./fixtures.ts";
import { focusEditor } from "./editor.ts";
import { setCode } from "./learner-page.ts";
import { touchedStarter } from "../learner-code.ts";

async function openExercise(page: Page, id: string) {
  await page.goto(`/exercises/${id}/`);
  const pg = page.locator("[data-playground]").first();
  await pg.scrollIntoViewIfNeeded();
  await expect(pg).toHaveAttribute("data-ready", "true");
  return pg;
}

test("the list shows every exercise, not done yet", async ({ page }) => {
  await page.goto("/exercises/");
  const items = page.locator("[data-exercise-id]");
  await expect(items).toHaveCount(8);
  await expect(items.first()).toContainText("Not done yet");
});

test("Check: the starter as it was is unchanged; an edit fails with the first failure open; the solution passes and marks the exercise done", async ({
  page,
}) => {
  // Every hint already given (a returning learner): the next failed Check offers the solution.
  await page.addInitScript(() =>
    localStorage.setItem("avio-workbook:hints:v1", JSON.stringify({ "read-packet": 3 })),
  );
  const pg = await openExercise(page, "read-packet");
  await expect(pg.getByRole("button", { name: "Show solution" })).toBeHidden();
  // The starter as it was: the grader's verdict (unchanged, score 0), no test run, no solution offered.
  await pg.getByRole("button", { name: "Check", exact: true }).click();
  const results = pg.getByRole("region", { name: "Test results" });
  await expect(results.locator(".pg-check-summary")).toHaveText(
    "Unchanged: the starter as it was (ignoring spaces and comments): nothing to grade, score 0. You have not changed anything yet: edit the code, then Check again. No hint was used.",
  );
  await expect(results.locator(".pg-check-summary")).toHaveAttribute("data-status", "unchanged");
  await expect(pg.locator("p.pg-status")).toHaveAttribute("data-kind", "");
  await expect(results.locator("li")).toHaveCount(0);
  // Nothing ran, so nothing is said about what it printed.
  await expect(pg.locator('[data-panel="console"]')).toBeEmpty();
  await expect(pg.getByRole("button", { name: "Show solution" })).toBeHidden();
  await expect(page.locator("[data-done-badge]")).toBeHidden();
  await shoot(page, "exercise-unchanged-check");

  await setCode(page, pg, touchedStarter("read-packet"));
  await pg.getByRole("button", { name: "Check", exact: true }).click();
  await expect(results).toContainText(/of 12 tests pass/);
  const firstFailure = results.locator("details[open]").first();
  await expect(firstFailure).toContainText("copies the first buf_size bytes and returns how many");
  await expect(firstFailure).toContainText(/returned AVERROR_EOF; expected 16/);
  await expect(results.locator("details[open]")).toHaveCount(1);
  await shoot(page, "exercise-failed-check");

  // Revealed only after a failed Check, and only with confirmation; the learner's code stays one Undo away.
  await pg.getByRole("button", { name: "Show solution" }).click();
  await pg.getByRole("button", { name: "Use the solution" }).click();
  await expect(pg.locator(".cm-content")).toContainText('0 would mean "try again"');
  await pg.getByRole("button", { name: "Check", exact: true }).click();
  await expect(results).toContainText("All 12 tests pass");
  await expect(page.locator("[data-done-badge]")).toBeVisible();
  await shoot(page, "exercise-passed");
  await pg.getByRole("button", { name: "Undo" }).click();
  await expect(pg.locator(".cm-content")).toContainText("TODO: copy up to buf_size bytes");

  await page.goto("/exercises/");
  await expect(page.locator('[data-exercise-id="read-packet"]')).toContainText("Done");
  await page.goto("/progress/");
  await expect(page.locator('[data-count="exercises"]')).toHaveText("1/8");
});

test("hints: one more after each failed Check, each linking to its lesson section; the solution only after the last", async ({
  page,
}) => {
  test.setTimeout(120_000);
  const pg = await openExercise(page, "forward-only");
  const hints = page.getByRole("region", { name: "Hints" });
  const shown = hints.locator("li:visible");
  const solution = pg.getByRole("button", { name: "Show solution" });
  const results = pg.getByRole("region", { name: "Test results" });
  const waiting = hints.getByText("After each Check that does not pass, a hint appears here");
  await expect(waiting).toBeVisible();
  await expect(shown).toHaveCount(0);
  // The starter as it was is not graded, so it spends no hint.
  await pg.getByRole("button", { name: "Check", exact: true }).click();
  await expect(results).toContainText("Unchanged:");
  await expect(shown).toHaveCount(0);
  await setCode(page, pg, touchedStarter("forward-only"));
  for (let n = 1; n <= 3; n++) {
    await pg.getByRole("button", { name: "Check", exact: true }).click();
    await expect(shown).toHaveCount(n);
    await expect(shown.last()).toContainText(`Hint ${n} of 3`);
    await expect(solution).toBeHidden();
  }
  await expect(results).toContainText(/of 13 tests pass/);
  await expect(waiting).toBeHidden();
  await expect(shown.nth(1)).toContainText("AVIO_SEEKABLE_NORMAL");
  const link = shown.nth(1).getByRole("link");
  await expect(link).toHaveAttribute("href", "/lessons/seek/#seek-decides-whether-the-stream-is-seekable");
  await expect(link).toHaveText(/^Read: .+ › seek decides whether the stream is seekable$/);
  await hints.scrollIntoViewIfNeeded();
  await shoot(page, "exercise-hints");
  await expectAxeClean(page, "[data-hints]");

  // The hints given stay given; the next failed Check offers the solution.
  await page.reload();
  await expect(pg).toHaveAttribute("data-ready", "true");
  await expect(shown).toHaveCount(3);
  await pg.getByRole("button", { name: "Check", exact: true }).click();
  await expect(solution).toBeVisible();
  await expect(shown).toHaveCount(3);

  // The lesson section the hint names is where the link lands.
  await link.click();
  await expect(page).toHaveURL("/lessons/seek/#seek-decides-whether-the-stream-is-seekable");
  await expect(page.locator("#seek-decides-whether-the-stream-is-seekable")).toBeInViewport();
});

test("Check: an exercise whose tests carry points says the points beside the tests", async ({ page }) => {
  const pg = await openExercise(page, "propagate-errors");
  // Every end reported as the transfer's error: right when it broke (4 tests worth 2, and the bytes
  // before it), wrong when the download completed.
  await setCode(
    page,
    pg,
    touchedStarter("propagate-errors").replace("return AVERROR_EOF;", "return AVERROR(opaque.errno);"),
  );
  await pg.getByRole("button", { name: "Check", exact: true }).click();
  const results = pg.getByRole("region", { name: "Test results" });
  const summary = "5 of 8 tests pass (9 of 12 points). The first failure is open below.";
  await expect(results.locator(".pg-check-summary")).toHaveText(summary);
  await expect(pg.locator("p.pg-status")).toHaveText(summary);
  await expect(results.locator("details[open]")).toContainText("a completed transfer ends with AVERROR_EOF");
  // Each test says what it is worth: the broken-transfer tests 2, the others 1.
  await expect(results.locator("li", { hasText: "a broken transfer ends with" })).toContainText("· 2 points");
  await expect(results.locator("li", { hasText: "hands over the bytes" })).toContainText("· 1 point");
  await results.scrollIntoViewIfNeeded();
  await shoot(page, "exercise-points-check");
});

test("an endless loop in a Check is stopped and blamed on the test that was running", async ({ page }) => {
  const pg = await openExercise(page, "fix-the-bug");
  await focusEditor(pg);
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.press("Delete");
  await page.keyboard.insertText(
    "export function read_packet(o: unknown, b: Uint8Array, n: number): number {\n  while (true) {}\n}\n",
  );
  await pg.getByRole("button", { name: "Check", exact: true }).click();
  const results = pg.getByRole("region", { name: "Test results" });
  await expect(results).toContainText(/Did not finish within 5 s/);
  await expect(results.locator("details[open]")).toContainText("fills a small buf");
});

test("Download my solution saves the code as a .ts file", async ({ page }) => {
  const pg = await openExercise(page, "seek");
  const download = page.waitForEvent("download");
  await pg.getByRole("button", { name: "Download my solution" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe("seek.ts");
  expect(readFileSync(await file.path(), "utf8")).toContain("export function seek(");
});

test("progress exports to a file and imports on another machine", async ({ page, browser }) => {
  await page.goto("/progress/");
  await page.evaluate(() => {
    localStorage.setItem("avio-workbook:exercises:v1", JSON.stringify({ seek: "2026-01-01T00:00:00.000Z" }));
    localStorage.setItem("avio-workbook:playground:/exercises/seek/exercise:code", "// my seek work");
  });
  await page.reload();
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Export progress" }).click();
  const path = await (await download).path();
  const exported = JSON.parse(readFileSync(path, "utf8"));
  expect(exported).toMatchObject({
    format: "avio-workbook-progress",
    exercisesDone: { seek: "2026-01-01T00:00:00.000Z" },
  });

  const other = await browser.newPage(); // a fresh profile: nothing stored
  await other.goto(page.url());
  await expect(other.locator('[data-count="exercises"]')).toHaveText("0/8");
  await other.locator("[data-import]").setInputFiles(path);
  await expect(other.locator("[data-import-status]")).toContainText("Imported");
  await expect(other.locator('[data-count="exercises"]')).toHaveText("1/8");
  expect(
    await other.evaluate(() =>
      localStorage.getItem("avio-workbook:playground:/exercises/seek/exercise:code"),
    ),
  ).toBe("// my seek work");
  await shoot(other, "progress-imported");
  await other.close();
});
