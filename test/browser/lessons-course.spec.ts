// The lessons added by issue 14 (opening, beyond, versions, transcode) and the read_packet
// playground whose correct outcome is an error: each first playground runs against the wasm
// FFmpeg and shows what the lesson text (and its claims.ts) says.
import type { Locator, Page } from "@playwright/test";
import { expect, shoot, test } from "./fixtures.ts";

async function playground(page: Page, slug: string, id?: string): Promise<Locator> {
  await page.goto(`/lessons/${slug}/`);
  await expect(page.locator("h1")).toBeVisible();
  const pg = id ? page.locator(`#pg-${id}`) : page.locator("[data-playground]").first();
  await pg.scrollIntoViewIfNeeded();
  await expect(pg).toHaveAttribute("data-ready", "true");
  return pg;
}

async function run(pg: Locator): Promise<void> {
  await pg.getByRole("button", { name: /^▶?\s*Run/ }).click();
  await expect(pg.locator("[data-status]")).not.toHaveText(/Running|Downloading|Starting|^$/);
}

test("opening: the probe asks for 4,096 bytes first at 4 KiB, and random bytes fail after the probe doubles", async ({
  page,
}) => {
  const pg = await playground(page, "opening");
  for (const id of ["probing", "the-file-name-as-a-hint"])
    await expect(page.locator(`[id="${id}"]`)).toBeAttached();
  await run(pg);
  await expect(pg.locator("[data-status]")).toHaveText(/Done in/);
  const trace = pg.getByRole("region", { name: "Callback trace" });
  await expect(trace.getByRole("row").filter({ hasText: "read_packet" }).first()).toContainText("4096");
  await pg.locator('select[name="media"]').selectOption("garbage.bin");
  await pg.locator('select[name="buffer_size"]').selectOption("512");
  await run(pg);
  await expect(pg.locator("[data-status]")).toHaveText(/Invalid data found when processing input/);
  // Even a failed probe leaves its own block as the buffer: Stream info shows the pointer change.
  await expect(pg.getByRole("region", { name: "Stream info" })).toContainText(/0x[0-9a-f]+ → 0x[0-9a-f]+/);
  await shoot(page, "lesson-opening");
});

test('read-packet: Show solution on "throwing" loads the fixed code, and its I/O error is marked as the expected outcome', async ({
  page,
}) => {
  const pg = await playground(page, "read-packet", "throws");
  await run(pg);
  await expect(pg.locator("[data-status]")).toHaveText(
    /FFmpeg (then )?stopped at .*Generic error in an external library/,
  );
  await expect(pg.locator("[data-status]")).toHaveAttribute("data-kind", "error");
  await pg.getByRole("button", { name: "Show solution" }).click();
  await pg.getByRole("button", { name: "Use the solution" }).click();
  await expect(pg.locator(".cm-content")).toContainText('return AVERROR(EIO); // "connection lost"');
  await run(pg);
  await expect(pg.locator("[data-status]")).toHaveText(/I\/O error.*the expected, correct outcome/);
  await expect(pg.locator("[data-status]")).toHaveAttribute("data-kind", "expected");
  await shoot(page, "lesson-read-packet-expected-error");
});

test('read-packet: Show solution on "returning 0" is the same program with AVERROR_EOF', async ({ page }) => {
  const pg = await playground(page, "read-packet", "return-zero");
  await pg.getByRole("button", { name: "Show solution" }).click();
  await pg.getByRole("button", { name: "Use the solution" }).click();
  await expect(pg.locator(".cm-content")).toContainText(
    "if (n <= 0) return AVERROR_EOF; // the end: never 0",
  );
  await expect(pg.locator(".cm-content")).not.toContainText("CHUNK");
  await run(pg);
  await expect(pg.locator("[data-status]")).toHaveText(/Done in/);
});

test("Show solution asks in the page, not with the browser's confirm(): Escape and Keep my code leave the code as it was", async ({
  page,
}) => {
  const dialogs: string[] = [];
  page.on("dialog", (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  const pg = await playground(page, "read-packet", "return-zero");
  const ask = pg.getByRole("group", { name: /Replace the editor's code with the solution/ });
  await expect(ask).toBeHidden();
  await pg.getByRole("button", { name: "Show solution" }).click();
  await expect(ask).toBeVisible();
  await expect(ask.getByRole("button", { name: "Use the solution" })).toBeFocused();
  await shoot(page, "solution-ask");
  await page.keyboard.press("Escape");
  await expect(ask).toBeHidden();
  await expect(pg.getByRole("button", { name: "Show solution" })).toBeFocused();
  await pg.getByRole("button", { name: "Show solution" }).click();
  await ask.getByRole("button", { name: "Keep my code" }).click();
  await expect(ask).toBeHidden();
  // The starter's code is still what is shown (static or in the editor).
  await expect(pg.locator("[data-static-code], .cm-content").first()).toContainText(
    "// <- should be: return AVERROR_EOF;",
  );
  expect(dialogs).toEqual([]);
});

test("beyond: a size-only seek trims the MP3 padding", async ({ page }) => {
  const pg = await playground(page, "beyond");
  await expect(page.locator('[id="io-open"]')).toBeAttached();
  await run(pg);
  await expect(pg.locator("[data-status]")).toHaveText(/Done in/);
  await expect(pg.getByRole("region", { name: "Stream info" })).toContainText(/88,?200/);
  await shoot(page, "lesson-beyond");
});

test("versions: the portable callbacks decode the MP3", async ({ page }) => {
  const pg = await playground(page, "versions");
  await run(pg);
  await expect(pg.locator("[data-status]")).toHaveText(/Done in/);
  await shoot(page, "lesson-versions");
});

test("transcode: MP3 to FLAC in memory round-trips exactly", async ({ page }) => {
  const pg = await playground(page, "transcode");
  await run(pg);
  await expect(pg.locator("[data-status]")).toHaveText(/Done in/);
  await expect(pg.getByRole("region", { name: "Diagnostics" })).not.toContainText(/leak|double free/);
  await shoot(page, "lesson-transcode");
});
