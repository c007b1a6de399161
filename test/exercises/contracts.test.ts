// Issue 26 point 7: each stated contract has a test, and each failure's message says the fix.
import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import type { Engine } from "../../src/avio/engine.ts";
import { loadEngine } from "../../src/avio/node.ts";
import { loadExercise } from "../../src/exercises/catalog.ts";
import { gradeSubmission } from "../../src/exercises/grade.ts";
import { nodeMedia } from "../../src/exercises/media-node.ts";
import type { Lang } from "../../src/exercises/messages.ts";

let engine: Engine;
beforeAll(async () => {
  engine = await loadEngine();
});

const grade = async (id: "read-packet" | "write-packet", code: string, lang: Lang = "en") =>
  gradeSubmission({ engine, exercise: await loadExercise(id), code, media: nodeMedia, lang });

const solution = readFileSync(
  new URL("../../src/exercises/read-packet/solution.ts", import.meta.url),
  "utf8",
);

describe("a required function that is not there: each reason has its own message", () => {
  it.each([
    ["an empty file", "", /exports nothing \(is the file empty, or not saved\?\)/, /什么也没有导出/],
    ["only comments", "// TODO\n", /exports nothing/, /什么也没有导出/],
    [
      "a default export",
      solution.replace("export function read_packet", "export default function read_packet"),
      /has a default export but no export named read_packet.*instead of export default/,
      /有默认导出（export default），但没有名为 read_packet 的导出/,
    ],
    [
      "another name",
      solution.replace("export function read_packet", "export function readPacket"),
      /^Your module does not export read_packet\. Export it/,
      /^你的模块没有导出 read_packet/,
    ],
  ])("%s", async (_, code, en, zh) => {
    const r = await grade("read-packet", code);
    expect(r.status).toBe("error");
    expect(r.message).toMatch(en);
    expect((await grade("read-packet", code, "zh-cn")).message).toMatch(zh);
  });
});

it("read_packet copying more than buf_size: the RangeError is explained, with the fix", async () => {
  const code =
    "export function read_packet(o: { data: Uint8Array; pos: number }, buf: Uint8Array): number {\n" +
    "  const c = o.data.subarray(o.pos); buf.set(c); o.pos += c.length; return c.length;\n}\n";
  const r = await grade("read-packet", code);
  const first = r.tests.find((t) => t.status !== "pass")!;
  expect(first.message).toMatch(
    /threw RangeError: offset is out of bounds: it copied more than buf_size bytes into buf\. Copy at most buf_size: const n = Math\.min\(buf_size/,
  );
  expect(first.message).not.toMatch(/A C callback cannot throw/);
});

it("write_packet returning 0 fails, naming the contract", async () => {
  const code = readFileSync(new URL("../../src/exercises/write-packet/solution.ts", import.meta.url), "utf8");
  const r = await grade("write-packet", code.replace("  return buf_size;", "  return 0;"));
  expect(r.status).toBe("fail");
  expect(r.tests[0]!.message).toMatch(
    /returned 0; expected 10\. write_packet returns the number of bytes it took: all of them, buf_size/,
  );
});
