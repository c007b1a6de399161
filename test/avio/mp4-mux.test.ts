// MP4/M4A output (libavformat/movenc.c, alac): what write_packet collects is a valid file — native
// ffprobe 5.1.9 reads it, the engine decodes the same samples back (alac is lossless) — with seek
// (moov at the end, mdat size patched) and without it when fragmented; and it is refused without
// seek when not fragmented (mov_init()).
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { Engine } from "../../src/avio/engine.ts";
import { memory_output_seek, memory_write_packet, type OutputData } from "../../src/avio/memory.ts";
import { loadEngine } from "../../src/avio/node.ts";
import { muxWithCallbacks, type MuxFormat } from "../../src/avio/lifecycle.ts";
import { useEngine } from "../../src/avio/host.ts";
import {
  av_freep,
  av_malloc,
  av_write_trailer,
  avformat_alloc_output_context2,
  avformat_free_context,
  avformat_new_stream,
  avformat_write_header,
  avio_alloc_context,
  avio_context_free,
  write_audio_samples,
} from "../../src/avio/index.ts";
import { decodeBytes, fixture } from "./helpers.ts";

let engine: Engine;
let pcm: Int16Array;
const rate = 22050;
const channels = 1;
const md5 = (b: ArrayBufferView) =>
  createHash("md5")
    .update(new Uint8Array(b.buffer, b.byteOffset, b.byteLength))
    .digest("hex");

beforeAll(async () => {
  engine = await loadEngine();
  pcm = decodeBytes(engine, fixture("wav-s16-22k-mono.wav"), { keep_samples: Infinity }).outcome
    .pcm as Int16Array;
});

function mux(format: MuxFormat, seek: boolean, movflags?: string) {
  const out: OutputData = { data: new Uint8Array(0), pos: 0, size: 0 };
  const outcome = muxWithCallbacks(engine, {
    format,
    options: movflags ? { movflags } : null,
    pcm,
    sample_rate: rate,
    channels,
    opaque: out,
    write_packet: memory_write_packet,
    seek: seek ? memory_output_seek : null,
  });
  return { outcome, bytes: out.data.slice(0, out.size) };
}

function boxes(b: Uint8Array): string[] {
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const out: string[] = [];
  for (let at = 0; at + 8 <= b.length; ) {
    out.push(String.fromCharCode(...b.subarray(at + 4, at + 8)));
    const size = view.getUint32(at);
    if (size < 8) break;
    at += size;
  }
  return out;
}

/** Native ffprobe on the bytes: format, codec and samples, and nothing on stderr. */
function probe(bytes: Uint8Array) {
  const dir = mkdtempSync(join(tmpdir(), "avio-mp4-"));
  const file = join(dir, "out.mp4");
  try {
    writeFileSync(file, bytes);
    const r = spawnSync(
      "ffprobe",
      [
        "-v",
        "error",
        "-show_entries",
        "format=format_name:stream=codec_name,sample_rate,channels,duration_ts",
        "-of",
        "json",
        file,
      ],
      { encoding: "utf8" },
    );
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toBe("");
    const j = JSON.parse(r.stdout);
    return { format: j.format.format_name, ...j.streams[0] };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Native ffmpeg muxing the same PCM into a (seekable) file with the same encoder. */
function nativeMux(muxer: string): Uint8Array {
  const dir = mkdtempSync(join(tmpdir(), "avio-mp4-"));
  const file = join(dir, "out");
  const r = spawnSync(
    "ffmpeg",
    [
      "-v",
      "error",
      "-f",
      "s16le",
      "-ar",
      String(rate),
      "-ac",
      String(channels),
      "-i",
      "-",
      "-c:a",
      "alac",
      "-f",
      muxer,
      file,
    ],
    { input: Buffer.from(pcm.buffer, pcm.byteOffset, pcm.byteLength) },
  );
  try {
    if (r.status !== 0) throw new Error(String(r.stderr));
    return new Uint8Array(readFileSync(file));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const expected = {
  format: "mov,mp4,m4a,3gp,3g2,mj2",
  codec_name: "alac",
  sample_rate: String(rate),
  channels,
  duration_ts: 44100,
};

describe.each(["mp4", "m4a"] as const)("%s output (alac)", (format) => {
  it("with seek: moov at the end, the mdat size patched by a seek back; ffprobe reads it; same samples back", () => {
    const { outcome, bytes } = mux(format, true);
    expect(outcome.ok, outcome.error).toBe(true);
    expect(outcome.report.diagnostics).toEqual([]);
    expect(outcome.report.trace.totals.seek.calls).toBeGreaterThan(0);
    expect(boxes(bytes)).toEqual(["ftyp", "free", "mdat", "moov"]);
    expect(probe(bytes)).toEqual(expected);
    expect(md5(decodeBytes(engine, bytes, { keep_samples: Infinity }).outcome.pcm!)).toBe(md5(pcm));
  });

  it("with seek it is byte-identical to native ffmpeg writing a file", () => {
    const native = nativeMux(format === "m4a" ? "ipod" : "mp4");
    expect(md5(mux(format, true).bytes)).toBe(md5(native));
  });

  it("without seek: refused in avformat_write_header (mov_init), nothing usable written", () => {
    const { outcome } = mux(format, false);
    expect(outcome).toMatchObject({ ok: false, stage: "avformat_write_header", error: "Invalid argument" });
    expect(outcome.report.log.map((l) => l.text).join("\n")).toContain(
      "muxer does not support non seekable output",
    );
  });

  it("without seek, movflags=frag_keyframe+empty_moov: fragmented, no seek, ffprobe reads it", () => {
    const { outcome, bytes } = mux(format, false, "frag_keyframe+empty_moov");
    expect(outcome.ok, outcome.error).toBe(true);
    expect(outcome.report.trace.totals.seek.calls).toBe(0);
    expect(boxes(bytes)).toEqual(["ftyp", "moov", "moof", "mdat", "mfra"]);
    expect(probe(bytes)).toEqual(expected);
    expect(md5(decodeBytes(engine, bytes, { keep_samples: Infinity }).outcome.pcm!)).toBe(md5(pcm));
  });

  it("+faststart with a custom pb: av_write_trailer cannot re-open the output (ff_format_shift_data)", () => {
    const { outcome } = mux(format, true, "faststart");
    expect(outcome).toMatchObject({ ok: false, stage: "av_write_trailer" });
    expect(outcome.report.log.map((l) => l.text).join("\n")).toContain("for shifting data");
  });
});

describe("when the bytes arrive (m4a, 44.1 kHz stereo sample's length of PCM)", () => {
  /** Bytes write_packet received during each step. */
  function phases(movflags: string | null, seek: boolean) {
    useEngine(engine);
    engine.beginSession();
    const out: OutputData = { data: new Uint8Array(0), pos: 0, size: 0 };
    let bytes = 0;
    const avio = avio_alloc_context(
      av_malloc(4096),
      4096,
      1,
      out,
      null,
      (o: OutputData, buf: Uint8Array, n: number) => ((bytes += n), memory_write_packet(o, buf, n)),
      seek ? memory_output_seek : null,
    )!;
    const oc = avformat_alloc_output_context2(null, "ipod", "output.m4a")!;
    oc.pb = avio;
    const st = avformat_new_stream(oc, { encoder: "alac", sample_rate: 44100, channels: 2 })!;
    const seen: number[] = [];
    const mark = () => seen.push(bytes - seen.reduce((a, b) => a + b, 0));
    expect(avformat_write_header(oc, movflags ? { movflags } : null)).toBe(0);
    mark();
    expect(
      write_audio_samples(
        st,
        new Int16Array(88200 * 2).map((_, i) => (i * 37) & 0x7fff),
      ),
    ).toBe(0);
    mark();
    expect(av_write_trailer(oc)).toBeGreaterThanOrEqual(0);
    mark();
    avformat_free_context(oc);
    av_freep(avio, "buffer");
    avio_context_free(avio);
    engine.endSession();
    return { header: seen[0], samples: seen[1], trailer: seen[2] };
  }

  it("not fragmented, with seek: the samples stream out as they are encoded; the moov comes at the trailer", () => {
    const p = phases(null, true);
    expect(p.header).toBe(44); // ftyp 28, free 8, mdat header 8
    expect(p.samples).toBeGreaterThan(0);
    expect(p.trailer).toBeGreaterThan(4);
  });

  it("frag_keyframe+empty_moov, audio only: ftyp + empty moov at the header, then nothing until the trailer", () => {
    const p = phases("frag_keyframe+empty_moov", false);
    expect(p.header).toBe(32 + 663);
    expect(p.samples).toBe(0); // frag_keyframe cuts at video keyframes only (mov_write_single_packet())
    expect(p.trailer).toBeGreaterThan(0);
  });

  it("frag_every_frame+empty_moov: a fragment per packet while the samples are written", () => {
    const p = phases("frag_every_frame+empty_moov", false);
    expect(p.samples).toBeGreaterThan(0);
  });
});
