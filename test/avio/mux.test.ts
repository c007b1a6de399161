// Output mode (write_flag = 1): PCM muxed to WAV and FLAC through TS
// write_packet + seek, checked by decoding the result again and against the
// bytes native ffmpeg writes for the same PCM.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { Engine } from "../../src/avio/engine.ts";
import { memory_output_seek, memory_write_packet, type OutputData } from "../../src/avio/memory.ts";
import { loadEngine } from "../../src/avio/node.ts";
import { muxWithCallbacks } from "../../src/avio/lifecycle.ts";
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

function mux(format: "wav" | "flac", seek: boolean) {
  const out: OutputData = { data: new Uint8Array(0), pos: 0, size: 0 };
  const outcome = muxWithCallbacks(engine, {
    format,
    pcm,
    sample_rate: rate,
    channels,
    opaque: out,
    write_packet: memory_write_packet,
    seek: seek ? memory_output_seek : null,
  });
  return { outcome, bytes: out.data.slice(0, out.size) };
}

/** Native ffmpeg muxing the same PCM into a (seekable) file. */
function nativeMux(format: "wav" | "flac"): Uint8Array {
  const dir = mkdtempSync(join(tmpdir(), "avio-mux-"));
  const file = join(dir, `out.${format}`);
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
      format === "wav" ? "pcm_s16le" : "flac",
      file,
    ],
    {
      input: Buffer.from(pcm.buffer, pcm.byteOffset, pcm.byteLength),
    },
  );
  try {
    if (r.status !== 0) throw new Error(String(r.stderr));
    return new Uint8Array(readFileSync(file));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe.each(["wav", "flac"] as const)("%s output", (format) => {
  it("round-trips: decoding what write_packet collected gives the same samples", () => {
    const { outcome, bytes } = mux(format, true);
    expect(outcome.ok).toBe(true);
    expect(outcome.report.diagnostics).toEqual([]);
    expect(outcome.report.trace.totals.write_packet.calls).toBeGreaterThan(0);
    expect(outcome.report.trace.totals.seek.calls).toBeGreaterThan(0); // the trailer patches the header
    const back = decodeBytes(engine, bytes, { keep_samples: Infinity }).outcome;
    expect(back.info).toMatchObject({ format, sampleRate: rate, channels });
    expect(md5(back.pcm!)).toBe(md5(pcm));
  });

  it("without seek the file still decodes, but the header was never patched", () => {
    const { outcome, bytes } = mux(format, false);
    expect(outcome.ok).toBe(true);
    expect(outcome.report.trace.totals.seek.calls).toBe(0);
    const view = new DataView(bytes.buffer, bytes.byteOffset);
    if (format === "wav")
      expect(view.getUint32(4, true)).toBe(0xffffffff); // RIFF size left as "unknown"
    else expect(view.getUint32(18) & 0xf).toBe(0); // STREAMINFO: total samples not filled in
    expect(md5(decodeBytes(engine, bytes, { keep_samples: Infinity }).outcome.pcm!)).toBe(md5(pcm));
  });
});

describe("compared with native ffmpeg 5.1.9", () => {
  it.each(["wav", "flac"] as const)(
    "%s through write_packet + seek is byte-identical to native ffmpeg writing a file",
    (format) => {
      const { bytes } = mux(format, true);
      const native = nativeMux(format);
      expect(bytes.length).toBe(native.length);
      expect(md5(bytes)).toBe(md5(native));
    },
  );
});

describe("mux failures carry this build's error codes", () => {
  it("an encoder that cannot open (0 channels): stage avformat_new_stream, AVERROR(EINVAL) = 'Invalid argument'", async () => {
    const { AVERROR } = await import("../../src/avio/index.ts");
    const { EINVAL } = await import("../../src/avio/constants.ts");
    const out: OutputData = { data: new Uint8Array(0), pos: 0, size: 0 };
    const outcome = muxWithCallbacks(engine, {
      format: "wav",
      pcm,
      sample_rate: rate,
      channels: 0,
      opaque: out,
      write_packet: memory_write_packet,
    });
    expect(outcome).toMatchObject({
      ok: false,
      stage: "avformat_new_stream",
      ret: AVERROR(EINVAL),
      error: "Invalid argument",
    });
  });
});
