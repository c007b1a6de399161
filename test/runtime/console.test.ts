// What learner code prints: kept in order, tagged with the callback call that printed it, and
// capped with a count of the lines left out — on a Run and on a Check.
import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import type { Engine } from "../../src/avio/engine.ts";
import { loadEngine } from "../../src/avio/node.ts";
import { loadExercise } from "../../src/exercises/catalog.ts";
import { gradeSubmission } from "../../src/exercises/grade.ts";
import { nodeMedia } from "../../src/exercises/media-node.ts";
import { runRequest } from "../../src/runtime/run-request.ts";
import { ConsoleCapture, ensureLockdown, followCallbacks } from "../../src/runtime/sandbox.ts";
import { READ_PACKET, SEEK, runRequestFor } from "../learner-code.ts";

let engine: Engine;
beforeAll(async () => {
  engine = await loadEngine();
  ensureLockdown();
});

/** READ_PACKET that prints on its first two calls, after a print at the module's top level. */
const PRINTING = READ_PACKET.replace(
  "export function read_packet(opaque: BufferData, buf: Uint8Array, buf_size: number): number {",
  `let calls = 0;
console.log("loaded");
export function read_packet(opaque: BufferData, buf: Uint8Array, buf_size: number): number {
  calls++;
  if (calls <= 2) console.log("call", calls, "wants", buf_size);
  if (calls === 2) console.warn("second");`,
);

describe("ConsoleCapture", () => {
  it("tags each line with what the where-provider says, and counts the lines past the cap", () => {
    let at: { callback: "read_packet"; call: number } | null = null;
    const c = new ConsoleCapture(3, 1000, undefined, () => at);
    const log = c.console();
    log.log("top");
    at = { callback: "read_packet", call: 1 };
    log.log("a", 1);
    at = { callback: "read_packet", call: 2 };
    log.error("b");
    at = null;
    for (let i = 0; i < 10; i++) log.log("x", i);
    expect(c.output()).toEqual({
      lines: [
        { text: "top" },
        { text: "a 1", at: { callback: "read_packet", call: 1 } },
        { text: "error: b", at: { callback: "read_packet", call: 2 } },
      ],
      more: 10,
    });
    expect(c.truncated).toBe(true);
  });

  it("counts lines left out by the character cap too, and is empty when nothing printed", () => {
    const c = new ConsoleCapture(100, 10);
    expect(c.output()).toBeUndefined();
    c.console().log("12345678");
    c.console().log("12345678");
    c.console().log("1");
    expect(c.output()).toEqual({ lines: [{ text: "12345678" }], more: 2 });
  });

  it("a where-provider that throws tags nothing", () => {
    const c = new ConsoleCapture(10, 100, undefined, () => {
      throw new Error("no");
    });
    c.console().log("still kept");
    expect(c.output()).toEqual({ lines: [{ text: "still kept" }], more: 0 });
  });

  it("followCallbacks keeps the hooks already set and puts them back", () => {
    const seen: string[] = [];
    const hooks = {
      onEnter: (cb: "read_packet" | "write_packet" | "seek", n: number) => void seen.push(`${cb}${n}`),
      onExit: () => void seen.push("exit"),
    };
    const { onEnter, onExit } = hooks;
    const f = followCallbacks(hooks);
    hooks.onEnter?.("seek", 4);
    expect(f.where()).toEqual({ callback: "seek", call: 4 });
    hooks.onExit?.();
    expect(f.where()).toBeNull();
    expect(seen).toEqual(["seek4", "exit"]);
    f.restore();
    expect(hooks.onEnter).toBe(onEnter);
    expect(hooks.onExit).toBe(onExit);
  });
});

describe("a Run's console", () => {
  it("holds the prints in order, each from a callback tagged with its call number", () => {
    const before = engine.onEnter;
    const r = runRequest(engine, runRequestFor(PRINTING + SEEK, "flac-44k-stereo.flac"));
    expect(r.status).toBe("ok");
    expect(r.console).toEqual({
      lines: [
        { text: "loaded" },
        { text: "call 1 wants 4096", at: { callback: "read_packet", call: 1 } },
        { text: "call 2 wants 4096", at: { callback: "read_packet", call: 2 } },
        { text: "warn: second", at: { callback: "read_packet", call: 2 } },
      ],
      more: 0,
    });
    // The engine's own hooks are as the Run found them.
    expect(engine.onEnter).toBe(before);
  });

  it("a print loop is capped, and says how many lines it left out", () => {
    const r = runRequest(
      engine,
      runRequestFor(
        `for (let i = 0; i < 10_000; i++) console.log("line", i);\n${READ_PACKET}`,
        "flac-44k-stereo.flac",
      ),
    );
    expect(r.console!.lines).toHaveLength(200);
    expect(r.console!.lines[0]).toEqual({ text: "line 0" });
    expect(r.console!.more).toBe(10_000 - 200);
  });

  it("no prints: no console", () => {
    const r = runRequest(engine, runRequestFor(READ_PACKET + SEEK, "flac-44k-stereo.flac"));
    expect(r.console).toBeUndefined();
  });

  it("code that fails to load still shows what it printed first", () => {
    const r = runRequest(
      engine,
      runRequestFor('console.log("before");\nthrow new Error("boom");', "flac-44k-stereo.flac"),
    );
    expect(r.status).toBe("compile-error");
    expect(r.console).toEqual({ lines: [{ text: "before" }], more: 0 });
  });
});

describe("a Check's console", () => {
  it("the grade result carries the prints, tagged", async () => {
    const solution = readFileSync(
      new URL("../../src/exercises/read-packet/solution.ts", import.meta.url),
      "utf8",
    );
    const code = solution.replace(
      /export function read_packet\(([^)]*)\)[^{]*\{/,
      (m) => `${m}\n  console.log("in read_packet");`,
    );
    expect(code).toContain('console.log("in read_packet")');
    const r = await gradeSubmission({
      engine,
      exercise: await loadExercise("read-packet"),
      code,
      media: nodeMedia,
    });
    expect(r.status).toBe("pass");
    // The unit tests call read_packet directly (no callback of FFmpeg's); the decodes through the engine.
    expect(r.console!.lines[0]).toEqual({ text: "in read_packet" });
    expect(r.console!.lines).toContainEqual({
      text: "in read_packet",
      at: { callback: "read_packet", call: 1 },
    });
    // Capped at 200 kept lines; a hidden test's prints are counted in `more`, never kept.
    expect(r.console!.lines.length).toBeLessThanOrEqual(200);
    expect(r.console!.lines.length).toBeGreaterThan(100);
    expect(r.console!.more).toBeGreaterThan(0);
  });

  it("a submission that does not load still returns what it printed", async () => {
    const r = await gradeSubmission({
      engine,
      exercise: await loadExercise("read-packet"),
      code: 'console.log("hello");',
      media: nodeMedia,
    });
    expect(r.status).toBe("error");
    expect(r.console).toEqual({ lines: [{ text: "hello" }], more: 0 });
  });
});
