// The runner compiles learner TypeScript and runs it against the real engine.
import { beforeAll, describe, expect, it } from "vitest";
import type { Engine } from "../../src/avio/engine.ts";
import { loadEngine } from "../../src/avio/node.ts";
import { compileLearnerModule } from "../../src/runtime/compile.ts";
import { runRequest } from "../../src/runtime/run-request.ts";
import { references } from "../avio/helpers.ts";
import { READ_PACKET, SEEK, runRequestFor } from "../learner-code.ts";

let engine: Engine;
beforeAll(async () => {
  engine = await loadEngine();
});

const READ = READ_PACKET;

const req = runRequestFor;

describe("compileLearnerModule", () => {
  it("strips types and resolves imports from avio", () => {
    const c = compileLearnerModule(READ);
    expect(c.ok && typeof c.exports.read_packet).toBe("function");
  });
  it("reports syntax errors with a line", () => {
    const c = compileLearnerModule("export const x = ;\nexport const y = 1;\n");
    expect(c.ok).toBe(false);
    if (!c.ok) expect(c.line).toBe(1);
  });
  it("refuses imports other than avio", () => {
    const c = compileLearnerModule('import fs from "node:fs"; export const x = fs;');
    expect(c.ok).toBe(false);
    if (!c.ok) expect(c.message).toMatch(/only "avio"/);
  });
});

describe("runRequest", () => {
  it("decode: info, trace, byte map, waveform and playback for a correct read_packet", () => {
    const r = runRequest(engine, req(READ + SEEK, "mp3-cbr-44k-stereo.mp3"));
    expect(r.status).toBe("ok");
    expect(r.info).toMatchObject({
      format: "mp3",
      codec: "mp3",
      sampleRate: 44100,
      channels: 2,
      decodedSamples: references["mp3-cbr-44k-stereo.mp3"].samples,
    });
    expect(r.info!.bytesRead).toBeGreaterThanOrEqual(r.info!.fileSize);
    expect(r.trace.totals.read_packet.calls).toBeGreaterThan(2);
    expect(r.byteMap.reads[0]).toMatchObject({ start: 0 });
    expect(r.byteMap.size).toBe(references["mp3-cbr-44k-stereo.mp3"].bytes);
    expect(r.waveform!.totalSamples).toBe(references["mp3-cbr-44k-stereo.mp3"].samples);
    expect(r.playback!.pcm.length).toBe(references["mp3-cbr-44k-stereo.mp3"].samples * 2);
    expect(r.diagnostics).toEqual([]);
  });

  it("decode: the playback PCM goes where pcmBuffer says, reused from Run to Run (the worker's shared memory)", () => {
    const fresh = runRequest(engine, req(READ + SEEK, "flac-44k-stereo.flac"));
    // A dirty buffer larger than the file needs: what a previous, longer Run leaves behind.
    const pool = new ArrayBuffer(fresh.playback!.pcm.byteLength * 2);
    new Float32Array(pool).fill(7);
    const asked: number[] = [];
    const pcmBuffer = (floats: number) => {
      asked.push(floats);
      return new Float32Array(pool, 0, floats);
    };
    const reused = runRequest(engine, req(READ + SEEK, "flac-44k-stereo.flac"), { pcmBuffer });
    const again = runRequest(engine, req(READ + SEEK, "flac-44k-stereo.flac"), { pcmBuffer });
    expect(asked.length).toBeGreaterThanOrEqual(2);
    expect(reused.playback!.pcm.buffer).toBe(pool);
    expect(again.playback!.pcm.buffer).toBe(pool);
    expect(again.playback!.pcm).toEqual(fresh.playback!.pcm);
    expect(reused.waveform!.peaks).toEqual(fresh.waveform!.peaks);
  });

  it("decode: returning 0 at the end gives the named diagnostic", () => {
    const r = runRequest(engine, req(READ.replace("return AVERROR_EOF", "return 0"), "flac-22k-mono.flac"));
    expect(r.diagnostics.map((d) => d.code)).toContain("read_packet_returned_zero");
  });

  it("decode without seek on moov-at-end m4a: FFmpeg's error, explained", () => {
    const r = runRequest(engine, req(READ + SEEK, "m4a-moov-end-48k-stereo.m4a", { useSeek: false }));
    expect(r.status).toBe("ffmpeg-error");
    expect(r.error).toMatchObject({ stage: "decode", message: "Invalid data found when processing input" });
    expect(r.log.map((l) => l.text).join("\n")).toMatch(/partial file/);
  });

  it("missing export and compile errors are learner errors, not crashes", () => {
    expect(runRequest(engine, req("export const x = 1;", "empty.bin")).status).toBe("missing-export");
    expect(runRequest(engine, req("export function read_packet(", "empty.bin")).status).toBe("compile-error");
  });

  it("mux: write_packet output becomes a downloadable WAV", () => {
    const code = `
import { AVSEEK_SIZE } from "avio";
interface Out { data: Uint8Array; pos: number; size: number }
export function write_packet(o: Out, buf: Uint8Array, n: number): number {
  if (o.pos + n > o.data.length) { const g = new Uint8Array(Math.max(o.pos + n, o.data.length * 2)); g.set(o.data); o.data = g; }
  o.data.set(buf, o.pos); o.pos += n; o.size = Math.max(o.size, o.pos); return n;
}
export function seek(o: Out, offset: number, whence: number): number {
  if (whence & AVSEEK_SIZE) return o.size;
  return (o.pos = offset);
}`;
    const r = runRequest(engine, req(code, "wav-s16-22k-mono.wav", { mode: "mux", outputFormat: "wav" }));
    expect(r.status).toBe("ok");
    expect(new TextDecoder().decode(r.output!.bytes.subarray(0, 4))).toBe("RIFF");
    expect(r.output!.bytes.length).toBe(references["wav-s16-22k-mono.wav"].samples * 2 + 78);
    expect(r.trace.totals.write_packet.calls).toBeGreaterThan(0);
  });

  it("script: the learner's whole lifecycle, with the leak detector as judge", () => {
    const code = `
import { av_malloc, avio_alloc_context, avformat_alloc_context, avformat_open_input, avformat_find_stream_info, av_find_best_stream, decode_audio, avformat_close_input, av_freep, avio_context_free, AVMEDIA_TYPE_AUDIO } from "avio";
${READ.replace('import { AVERROR_EOF } from "avio";', 'import { AVERROR_EOF } from "avio";')}
export function main(input: Uint8Array) {
  const buffer = av_malloc(4096);
  const avio_ctx = avio_alloc_context(buffer, 4096, 0, { data: input, pos: 0 }, read_packet, null, null)!;
  const fmt_ctx = avformat_alloc_context();
  fmt_ctx.pb = avio_ctx;
  if (avformat_open_input(fmt_ctx, null, null, null) < 0) return;
  avformat_find_stream_info(fmt_ctx, null);
  const idx = av_find_best_stream(fmt_ctx, AVMEDIA_TYPE_AUDIO, -1, -1, null, 0);
  decode_audio(fmt_ctx, idx, { sample_fmt: "f32" });
  avformat_close_input(fmt_ctx);
  av_freep(avio_ctx, "buffer");
  // forgot avio_context_free(avio_ctx)
}`;
    const r = runRequest(engine, req(code, "wav-s16-22k-mono.wav", { mode: "script" }));
    expect(r.status).toBe("ok");
    expect(r.diagnostics.map((d) => d.code)).toEqual(["leak_avio_context"]);
    expect(r.waveform!.totalSamples).toBe(references["wav-s16-22k-mono.wav"].samples);
  });
});

describe("the sandbox", () => {
  it("refuses import() by name before running the module", () => {
    const c = compileLearnerModule('export const m = () => import("node:fs");');
    expect(c).toMatchObject({
      ok: false,
      stage: "import",
      module: "import()",
      message: expect.stringMatching(/import\(\) is not available here/),
    });
  });

  it("names a disallowed import", () => {
    expect(compileLearnerModule('import fs from "node:fs";\nexport const x = fs;')).toMatchObject({
      ok: false,
      stage: "import",
      module: "node:fs",
    });
  });

  it("a top-level throw is a load error, not a compile error", () => {
    expect(compileLearnerModule('throw new Error("boom");')).toMatchObject({
      ok: false,
      stage: "load",
      message: "Error: boom",
    });
  });

  it("learner code sees frozen intrinsics and no host globals", () => {
    const c = compileLearnerModule(`
      const probe = (f: () => unknown) => { try { f(); return "open"; } catch { return "blocked"; } };
      export const results = {
        push: probe(() => { Array.prototype.push = () => 0; }),
        json: probe(() => { (JSON as any).parse = () => 0; }),
        process: probe(() => (globalThis as any).process.env),
        fnCtor: probe(() => (function () {}).constructor("return this")()),
        avio: probe(() => { (require as any)("avio").AVERROR_EOF = 0; }),
        random: typeof Math.random(),
        now: typeof Date.now(),
      };
      declare const require: unknown;
    `);
    expect(c.ok).toBe(true);
    if (!c.ok) return;
    expect(c.exports.results).toEqual({
      push: "blocked",
      json: "blocked",
      process: "blocked",
      fnCtor: "blocked",
      avio: "blocked",
      random: "number",
      now: "number",
    });
    expect(Object.isFrozen(Array.prototype)).toBe(true);
  });

  it("captures console output within limits", () => {
    const c = compileLearnerModule('for (let i = 0; i < 10_000; i++) console.log("line", i, { i });');
    expect(c.ok).toBe(true);
    if (!c.ok) return;
    expect(c.console.lines.length).toBeLessThanOrEqual(200);
    expect(c.console.lines[0]).toBe('line 0 {"i":0}');
    expect(c.console.truncated).toBe(true);
  });
});

describe("a Run on a file this build cannot read", () => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await loadEngine();
  });

  it("names the missing decoder, in the page's language", () => {
    const en = runRequest(engine, req(READ, "unsupported-adpcm-ima-22k-mono.wav"));
    expect(en.status).toBe("ffmpeg-error");
    expect(en.error?.missing).toMatch(/adpcm_ima_wav/);
    const zh = runRequest(engine, req(READ, "unsupported-adpcm-ima-22k-mono.wav", { lang: "zh-cn" }));
    expect(zh.error?.missing).toMatch(/adpcm_ima_wav/);
    expect(zh.error?.missing).toMatch(/[\u4e00-\u9fff]/);
  });

  it("a container with no demuxer here is unreadable whatever the callbacks do, and says what is missing", () => {
    const r = runRequest(engine, req(READ, "unsupported-caf-22k-mono.caf"));
    expect(r.error?.stage).toBe("avformat_open_input");
    expect(r.inputUnreadable).toBe(true);
    expect(r.error?.missing).toMatch(/caf/i);
  });

  it("a file that opens with FFmpeg's own callbacks is never called unreadable", () => {
    const broken = `export function read_packet(): number { return -5; }`;
    const r = runRequest(engine, req(broken, "mp3-cbr-44k-stereo.mp3"));
    expect(r.status).toBe("ffmpeg-error");
    expect(r.inputUnreadable).toBe(false);
  });

  it("owns the media it is given: the caller's buffer is moved, not copied (the worker's 30 MB per Run)", () => {
    const request = req(READ + SEEK, "flac-44k-stereo.flac");
    const bytes = request.media.bytes;
    expect(runRequest(engine, request).status).toBe("ok");
    expect(bytes.byteLength).toBe(0);
  });

  it("what the host decides from the media uses bytes learner code never held", () => {
    // The learner wipes the bytes it was given and fails: the file itself still opens.
    const wipe = `export function read_packet(opaque: BufferData): number { opaque.data.fill(0); return -5; }`;
    const r = runRequest(engine, req(wipe, "mp3-cbr-44k-stereo.mp3"));
    expect(r.status).toBe("ffmpeg-error");
    expect(r.inputUnreadable).toBe(false);
  });
});
