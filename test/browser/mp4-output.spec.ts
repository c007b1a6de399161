// Lesson mp4-output (en and zh-cn): the M4A playground muxes into memory with the two seeks of the
// trailer and lists the boxes; without seek the header is refused; the fragmented playground runs
// without any seek. The same facts src/lessons/_code/mp4-output/claims.ts states.
import type { Locator, Page } from "@playwright/test";
import { expect, expectAxeClean, shoot, test } from "./fixtures.ts";

async function playground(page: Page, path: string, id: string): Promise<Locator> {
  await page.goto(path);
  await expect(page.locator("h1")).toBeVisible();
  const pg = page.locator(`section#pg-${id}[data-playground]`);
  await pg.scrollIntoViewIfNeeded();
  await expect(pg).toHaveAttribute("data-ready", "true");
  return pg;
}

async function run(pg: Locator): Promise<void> {
  await pg.getByRole("button", { name: /^▶?\s*(Run|运行)/ }).click();
  await expect(pg.locator("[data-status]")).not.toHaveText(/Running|Downloading|Starting|运行中|^$/);
}

const boxRows = (pg: Locator, type: string) =>
  pg.locator("table.pg-fields tbody tr").filter({ hasText: type });

test("mp4-output: M4A with seek, refused without, fragmented without any seek", async ({ page }) => {
  const pg = await playground(page, "/lessons/mp4-output/", "mp4-to-memory");
  await run(pg);
  await expect(pg.locator("[data-status]")).toHaveText(/Done in/);
  const output = pg.getByRole("region", { name: "Output file" });
  await expect(output).toContainText("output.m4a: 187,508 bytes written by write_packet.");
  for (const box of ["ftyp", "free", "mdat", "moov"]) await expect(boxRows(pg, box)).toHaveCount(1);
  await expect(output.getByRole("link", { name: "Download output.m4a" })).toBeVisible();
  const trace = pg.getByRole("region", { name: "Callback trace" });
  await expect(trace.getByRole("cell", { name: /^seek call \d+$/ })).toHaveCount(2);
  // The first seek goes back to the mdat size field at offset 36.
  await expect(
    trace.getByRole("row").filter({ has: page.getByRole("cell", { name: "seek call 1", exact: true }) }),
  ).toContainText("36");
  await expectAxeClean(page, "#pg-mp4-to-memory");
  await shoot(page, "lesson-mp4-output");

  await pg.locator('input[name="seek"]').uncheck();
  await run(pg);
  await expect(pg.locator("[data-status]")).toHaveText(/stopped at avformat_write_header.*Invalid argument/);

  const frag = await playground(page, "/lessons/mp4-output/", "fragmented");
  await expect(frag.locator('input[name="movflags"]')).toHaveValue("frag_keyframe+empty_moov");
  await run(frag);
  await expect(frag.locator("[data-status]")).toHaveText(/Done in/);
  for (const box of ["moof", "mfra"]) await expect(boxRows(frag, box)).toHaveCount(1);
  const fragTrace = frag.getByRole("region", { name: "Callback trace" });
  await expect(fragTrace.getByRole("cell", { name: /^write_packet call \d+$/ }).first()).toBeVisible();
  await expect(fragTrace.getByRole("cell", { name: /^seek call \d+$/ })).toHaveCount(0);
  await shoot(page, "lesson-mp4-output-fragmented");
});

test("mp4-output zh-cn: the M4A playground runs and lists the boxes", async ({ page }) => {
  const pg = await playground(page, "/zh-cn/lessons/mp4-output/", "mp4-to-memory");
  await run(pg);
  await expect(pg.locator("[data-status]")).toHaveText(/完成，用时/);
  await expect(pg.getByRole("region", { name: "输出文件" })).toContainText("output.m4a");
  await expect(boxRows(pg, "moov")).toHaveCount(1);
  await shoot(page, "lesson-mp4-output-zh-cn");
});
