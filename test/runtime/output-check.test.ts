// Output is checked like input (issue #24, point 4): after a mux run, the bytes the learner kept are
// compared with the file FFmpeg wrote (replayed by the host from every buf write_packet accepted, at
// the position FFmpeg wrote it to); "No rule broken" only when they are the same.
import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import type { Engine } from "../../src/avio/engine.ts";
import { loadEngine } from "../../src/avio/node.ts";
import { runRequest } from "../../src/runtime/run-request.ts";
import { references } from "../avio/helpers.ts";
import { runRequestFor } from "../learner-code.ts";

let engine: Engine;
beforeAll(async () => {
  engine = await loadEngine();
});

const MUX = readFileSync(
  new URL("../../src/lessons/_code/write-packet/mux-to-memory.ts", import.meta.url),
  "utf8",
);
const SIZE = references["wav-s16-22k-mono.wav"].samples * 2 + 78;

function mux(code: string, format: "wav" | "flac" = "wav") {
  return runRequest(
    engine,
    runRequestFor(code, "wav-s16-22k-mono.wav", { mode: "mux", outputFormat: format }),
  );
}
const differs = (r: ReturnType<typeof mux>) => r.diagnostics.filter((d) => d.code === "output_differs");

describe("the learner's bytes against the file FFmpeg wrote", () => {
  it("a correct write_packet keeps exactly FFmpeg's file: no finding, in WAV and FLAC", () => {
    for (const format of ["wav", "flac"] as const) {
      const r = mux(MUX, format);
      expect(r.status).toBe("ok");
      expect(differs(r), format).toEqual([]);
    }
    expect(mux(MUX).output!.bytes.length).toBe(SIZE);
  });

  it("size = end after every write: the file shrinks to 8 bytes when the muxer seeks back; the finding says so", () => {
    const r = mux(MUX.replace("opaque.size = Math.max(opaque.size, end);", "opaque.size = end;"));
    expect(r.status).toBe("ok");
    const [d] = differs(r);
    expect(d).toMatchObject({
      severity: "error",
      callback: "write_packet",
      params: { expected: SIZE, got: 8, at: 8 },
    });
    expect(d!.message).toMatch(/^line \d+: The bytes you kept are not the file FFmpeg wrote: FFmpeg wrote/);
    expect(d!.line).toBe(MUX.split("\n").findIndex((l) => l.startsWith("export function write_packet")) + 1);
  });

  it("not copying buf at all: the zeros differ at byte 0", () => {
    const r = mux(MUX.replace("opaque.data.set(buf.subarray(0, buf_size), opaque.pos);", ""));
    expect(differs(r)[0]!.params).toMatchObject({ expected: SIZE, got: SIZE, at: 0 });
  });

  it("an opaque that keeps no bytes: got 0", () => {
    const code = `${MUX.replace(/export function create_opaque[\s\S]*?\n}\n/, "export function create_opaque() { return { pos: 0, size: 0 }; }\n").replace(/export function write_packet[\s\S]*?\n}\n/, "export function write_packet(o: { pos: number; size: number }, _buf: Uint8Array, n: number): number { o.pos += n; o.size = Math.max(o.size, o.pos); return n; }\n")}`;
    const r = mux(code);
    expect(differs(r)[0]!.params).toMatchObject({ expected: SIZE, got: 0, at: 0 });
  });

  it("hostile: a write_packet that rewrites buf after returning, or keeps a getter as size, changes only what it kept", () => {
    const sneaky = MUX.replace("  return buf_size;\n}", "  buf.fill(0x41);\n  return buf_size;\n}").replace(
      "export function create_opaque(): OutputBuffer {\n  return { data: new Uint8Array(64 * 1024), pos: 0, size: 0 };",
      "export function create_opaque(): OutputBuffer {\n  const o = { data: new Uint8Array(64 * 1024), pos: 0, size: 0 };\n  return o;",
    );
    const r = mux(sneaky);
    // The learner's copy of buf is theirs to scribble on; FFmpeg's bytes (the replay) are untouched.
    expect(differs(r)).toEqual([]);
  });
});
