// The Console panel: what the learner's code printed, under every playground and exercise, each
// line tagged with the callback call that printed it, capped with "N more lines".
import { readFileSync } from "node:fs";
import { expect, test } from "./fixtures.ts";
import { READ_PACKET } from "../learner-code.ts";
import { open, run, setCode, shootEl, status } from "./learner-page.ts";

/** READ_PACKET that prints on its first two calls. */
const PRINTS_TWICE = READ_PACKET.replace(
  "export function read_packet(",
  "let calls = 0;\nexport function read_packet(",
).replace(
  "const n =",
  'calls++;\n  if (calls <= 2) console.log("asked for", buf_size, "bytes");\n  const n =',
);

const PRINT_LOOP = `for (let i = 0; i < 10000; i++) console.log("line", i);\n${READ_PACKET}`;

test("prints from read_packet's first two calls show in the Console, tagged with their call", async ({
  page,
}) => {
  const pg = await open(page, "/lessons/memory-io/");
  await setCode(page, pg, PRINTS_TWICE);
  await run(pg);
  await expect(status(pg)).toHaveText(/Done in/);
  const panel = pg.getByRole("region", { name: "Console", exact: true });
  await expect(panel).toBeVisible();
  const lines = panel.locator(".pg-console__line");
  await expect(lines).toHaveCount(2);
  await expect(lines.nth(0)).toHaveText(/^read_packet #1 asked for \d+ bytes$/);
  await expect(lines.nth(1)).toHaveText(/^read_packet #2 asked for \d+ bytes$/);
  await expect(panel).not.toContainText("more line");
  await panel.scrollIntoViewIfNeeded();
  await shootEl(panel, "console-read-packet");
});

test("a print loop is capped with how many lines were left out", async ({ page }) => {
  const pg = await open(page, "/lessons/memory-io/");
  await setCode(page, pg, PRINT_LOOP);
  await run(pg);
  await expect(status(pg)).toHaveText(/Done in/);
  const panel = pg.getByRole("region", { name: "Console", exact: true });
  await expect(panel.locator(".pg-console__line")).toHaveCount(200);
  await expect(panel.locator(".pg-console__line").first()).toHaveText("line 0");
  await expect(panel.locator(".pg-console__more")).toHaveText("9,800 more lines");
  await shootEl(pg, "console-capped");
});

test("nothing printed says so", async ({ page }) => {
  const pg = await open(page, "/lessons/memory-io/");
  await setCode(page, pg, READ_PACKET);
  await run(pg);
  await expect(pg.getByRole("region", { name: "Console", exact: true })).toContainText("Nothing printed.");
});

test("a zh-cn playground's panel is 控制台", async ({ page }) => {
  const pg = await open(page, "/zh-cn/lessons/memory-io/");
  await setCode(page, pg, PRINTS_TWICE);
  await run(pg);
  const panel = pg.getByRole("region", { name: "控制台", exact: true });
  await expect(panel.locator(".pg-console__line").first()).toHaveText(/^read_packet #1 asked for/);
  await setCode(page, pg, READ_PACKET);
  await run(pg);
  await expect(panel).toContainText("没有输出。");
  await shootEl(panel, "console-zh-cn");
});

test("a Check shows what the code printed while it was tested", async ({ page }) => {
  const solution = readFileSync(
    new URL("../../src/exercises/read-packet/solution.ts", import.meta.url),
    "utf8",
  );
  const code = solution.replace(
    /(export function read_packet\([^)]*\)[^{]*\{)/,
    '$1\n  console.log("checking", buf_size);',
  );
  const pg = await open(page, "/exercises/read-packet/");
  await setCode(page, pg, code);
  await pg.getByRole("button", { name: "Check", exact: true }).click();
  await expect(status(pg)).toHaveText(/tests pass/);
  const panel = pg.getByRole("region", { name: "Console", exact: true });
  await expect(panel.locator(".pg-console__line").first()).toHaveText(/^checking \d+$/);
  // The decodes' calls come through FFmpeg: those lines name the call.
  await expect(panel.getByText(/^read_packet #1 checking \d+$/).first()).toBeVisible();
  await expect(panel.locator(".pg-console__more")).toHaveText(/^[\d,]+ more lines$/);
  await shootEl(pg, "console-check");
});
