// Output is checked like input (issue #24, point 4): a mux run whose kept bytes are not the file
// FFmpeg wrote is not "No rule broken" — the status and the diagnostics say so, on write_packet's line.
import { readFileSync } from "node:fs";
import { expect, test } from "./fixtures.ts";
import { open, run, setCode, shootEl, status } from "./learner-page.ts";

const MUX = readFileSync(
  new URL("../../src/lessons/_code/write-packet/mux-to-memory.ts", import.meta.url),
  "utf8",
);

test("mux-to-memory with size = end: the 8 bytes kept are not FFmpeg's file, and the verdict says so", async ({
  page,
}) => {
  const pg = await open(page, "/lessons/write-packet/");
  await run(pg);
  await expect(status(pg)).toHaveText(/^Done in/);
  await setCode(page, pg, MUX.replace("opaque.size = Math.max(opaque.size, end);", "opaque.size = end;"));
  await run(pg);
  await expect(status(pg)).toHaveAttribute("data-kind", "error");
  await expect(status(pg)).toContainText("but a rule was broken");
  const diag = pg.getByRole("region", { name: "Diagnostics" });
  await expect(diag).toContainText("The bytes you kept are not the file FFmpeg wrote");
  await expect(diag).toContainText("you kept 8");
  await expect(diag).not.toContainText("No rule broken");
  await expect(pg.locator(".cm-avio-run-line")).toContainText("export function write_packet");
  // The 8 bytes do start with RIFF: the output panel says they stop short, not that they are not WAV.
  await expect(pg).toContainText("These 8 bytes start like a WAV file but end before its header does.");
  await shootEl(pg, "output-check-size-end");

  const zh = await open(page, "/zh-cn/lessons/write-packet/");
  await setCode(page, zh, MUX.replace("opaque.size = Math.max(opaque.size, end);", "opaque.size = end;"));
  await run(zh);
  await expect(zh.getByRole("region", { name: "诊断" })).toContainText("你保存的字节不是 FFmpeg 写出的文件");
});
