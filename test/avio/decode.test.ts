// Every fixture decodes through TS callbacks to what native FFmpeg 5.1.9 decodes.
import { spawnSync } from "node:child_process";
import { beforeAll, describe, expect, it } from "vitest";
import { AVERROR_INVALIDDATA } from "../../src/avio/constants.ts";
import type { Engine } from "../../src/avio/engine.ts";
import { loadEngine } from "../../src/avio/node.ts";
import { mediaPath } from "../media.ts";
import { decodeBytes, fixture, isUnsupported, references } from "./helpers.ts";

let engine: Engine;
beforeAll(async () => {
  engine = await loadEngine();
});

const good = Object.entries(references).filter(([name, r]) => r.nativeExit === 0 && !isUnsupported(name));
// Opus differs from native by ≤1 LSB in s16 (float rounding in the decoder),
// so it is compared by SNR; every other codec must be bit-exact.
const bitExact = good.filter(([, r]) => r.codec !== "opus");
const bySnr = good.filter(([, r]) => r.codec === "opus");

function nativePcm(name: string): Int16Array {
  const r = spawnSync(
    "ffmpeg",
    ["-v", "error", "-cpuflags", "0", "-threads", "1", "-i", mediaPath(name), "-f", "s16le", "-"],
    {
      maxBuffer: 1 << 28,
    },
  );
  if (r.status !== 0) throw new Error(`native ffmpeg failed: ${r.stderr}`);
  return new Int16Array(r.stdout.buffer, r.stdout.byteOffset, r.stdout.length / 2);
}

describe("decoding matches native FFmpeg", () => {
  it.each(bitExact)("%s: same samples, rate, channels, s16le MD5", (name, ref) => {
    const { outcome, md5 } = decodeBytes(engine, fixture(name));
    expect(outcome.info).toMatchObject({
      format: ref.format,
      codec: ref.codec,
      sampleRate: ref.sampleRate,
      channels: ref.channels,
    });
    expect(outcome.samples).toBe(ref.samples);
    expect(md5).toBe(ref.md5);
  });

  it.each(bySnr)("%s: same sample count, SNR ≥ 90 dB against native", (name, ref) => {
    const { outcome } = decodeBytes(engine, fixture(name), { keep_samples: Infinity });
    expect(outcome.samples).toBe(ref.samples);
    const ours = outcome.pcm as Int16Array;
    const theirs = nativePcm(name);
    expect(ours.length).toBe(theirs.length);
    let signal = 0;
    let noise = 0;
    for (let i = 0; i < ours.length; i++) {
      signal += theirs[i] * theirs[i];
      noise += (ours[i] - theirs[i]) ** 2;
    }
    const snr = noise === 0 ? Infinity : 10 * Math.log10(signal / noise);
    expect(snr).toBeGreaterThanOrEqual(90);
  });

  // Lossless codecs must also match in f32, where 24- and 32-bit sources keep their low bits
  // (s16 output would hide a wrong low byte). Lossy decoders' float output may differ from
  // native's by rounding (aac, opus), so they are checked in s16 above.
  const lossless = good.filter(([, r]) => /^(pcm_|flac$|alac$)/.test(r.codec!));
  it.each(lossless)("%s: f32le MD5 matches native too", (name, ref) => {
    const { outcome, md5 } = decodeBytes(engine, fixture(name), { sample_fmt: "f32" });
    expect(outcome.samples).toBe(ref.samples);
    expect(md5).toBe(ref.md5f32);
  });

  it("the new formats are among the fixtures: 24/32-bit, 8-bit, float and G.711 WAV, AIFF, AIFF-C, ALAC", () => {
    const codecs = new Set(good.map(([, r]) => r.codec));
    for (const c of [
      "pcm_s24le",
      "pcm_s32le",
      "pcm_u8",
      "pcm_s16be",
      "pcm_s24be",
      "pcm_f64le",
      "pcm_alaw",
      "pcm_mulaw",
      "alac",
    ])
      expect(codecs).toContain(c);
    expect(good.filter(([, r]) => r.format === "aiff").length).toBeGreaterThanOrEqual(4);
  });

  it("names the channel layout as FFmpeg (and ffprobe) do: 5.1, stereo, mono", () => {
    for (const [name, layout] of [
      ["wav-s16-8k-5.1.wav", "5.1"],
      ["flac-44k-stereo.flac", "stereo"],
      ["flac-22k-mono.flac", "mono"],
    ] as const) {
      const probe = spawnSync(
        "ffprobe",
        ["-v", "error", "-show_entries", "stream=channel_layout", "-of", "csv=p=0", mediaPath(name)],
        {
          encoding: "utf8",
        },
      );
      expect(probe.stdout.trim(), `native ffprobe on ${name}`).toBe(layout);
      expect(decodeBytes(engine, fixture(name)).outcome.info?.channelLayout, name).toBe(layout);
    }
    // A plain WAV has no channel mask: FFmpeg knows the count, not the order (ffprobe: "unknown").
    expect(decodeBytes(engine, fixture("wav-s16-44k-stereo.wav")).outcome.info?.channelLayout).toBe(
      "2 channels",
    );
  });

  it("an MP3's cover art is an attached picture: the log's Video line says so, and the audio decodes", () => {
    const { outcome, md5 } = decodeBytes(engine, fixture("mp3-cover-22k-mono.mp3"));
    expect(md5).toBe(references["mp3-cover-22k-mono.mp3"].md5);
    // av_dump_format's stream line; the engine has no PNG decoder, so a warning also names the stream.
    const video = outcome.report.log.filter((l) => /^\s*Stream #\d+:\d+.*: Video: /.test(l.text));
    expect(video).toHaveLength(1);
    expect(video[0]!.text).toContain("(attached pic)");
  });

  it("f32 output has the same sample count as s16", () => {
    const { outcome } = decodeBytes(engine, fixture("flac-22k-mono.flac"), {
      sample_fmt: "f32",
      keep_samples: Infinity,
    });
    expect(outcome.pcm).toBeInstanceOf(Float32Array);
    expect(outcome.samples).toBe(references["flac-22k-mono.flac"].samples);
  });
});

describe("what FFmpeg does without a seek callback", () => {
  it("m4a with moov at the end opens but yields no audio: 'partial file', AVERROR_INVALIDDATA", () => {
    const { outcome } = decodeBytes(engine, fixture("m4a-moov-end-48k-stereo.m4a"), { seek: null });
    expect(outcome.samples).toBe(0);
    expect(outcome.stage).toBe("decode");
    expect(outcome.ret).toBe(AVERROR_INVALIDDATA);
    expect(outcome.report.log.map((l) => l.text).join("\n")).toMatch(/partial file/);
  });

  it("the same m4a decodes fully with seek", () => {
    const { outcome } = decodeBytes(engine, fixture("m4a-moov-end-48k-stereo.m4a"));
    expect(outcome.samples).toBe(references["m4a-moov-end-48k-stereo.m4a"].samples);
    expect(outcome.report.trace.totals.seek.calls).toBeGreaterThan(0);
  });

  it("mp3 end padding is not trimmed: more samples than native's seekable decode", () => {
    const ref = references["mp3-cbr-44k-stereo.mp3"];
    const { outcome } = decodeBytes(engine, fixture("mp3-cbr-44k-stereo.mp3"), { seek: null });
    expect(outcome.ok).toBe(true);
    expect(outcome.samples).toBeGreaterThan(ref.samples);
    expect(outcome.report.trace.totals.seek.calls).toBe(0);
  });
});

describe("libavformat replaces the AVIO buffer", () => {
  it("avio_ctx.buffer after avformat_open_input is not the pointer passed in", () => {
    const { outcome } = decodeBytes(engine, fixture("mp3-cbr-44k-stereo.mp3"));
    expect(outcome.buffer.afterOpen).not.toBe(outcome.buffer.original);
    expect(outcome.report.diagnostics).toEqual([]);
  });
});

describe("broken inputs give FFmpeg's error, never an abort", () => {
  const broken = Object.entries(references).filter(([, r]) => r.nativeExit !== 0);
  it.each(broken)("%s fails like native ffmpeg", (name, ref) => {
    const { outcome } = decodeBytes(engine, fixture(name));
    expect(outcome.ok).toBe(false);
    expect(outcome.stage).not.toBe("engine");
    expect(ref.nativeError).toContain(outcome.error);
  });

  it.each(
    Object.keys(references).filter((n) => n.startsWith("truncated-") && references[n].nativeExit === 0),
  )("%s decodes the part that is there, like native", (name) => {
    const { outcome, md5 } = decodeBytes(engine, fixture(name));
    expect(outcome.samples).toBe(references[name].samples);
    expect(md5).toBe(references[name].md5);
  });
});

describe("decode_audio without avformat_find_stream_info", () => {
  it("reports the channels and rate of the decoded frames, not the stream's unset 0", async () => {
    const {
      av_malloc,
      avio_alloc_context,
      avformat_alloc_context,
      avformat_open_input,
      decode_audio,
      avformat_close_input,
      av_freep,
      avio_context_free,
    } = await import("../../src/avio/index.ts");
    const { memory_read_packet } = await import("../../src/avio/memory.ts");
    engine.beginSession();
    const avio = avio_alloc_context(
      av_malloc(4096),
      4096,
      0,
      { data: fixture("flac-44k-stereo.flac"), pos: 0 },
      memory_read_packet,
      null,
      null,
    )!;
    const fmt = avformat_alloc_context();
    fmt.pb = avio;
    expect(avformat_open_input(fmt, null, null, null)).toBe(0);
    expect(fmt.stream(0).channels).toBe(0); // FFmpeg has not looked at the frames yet
    const seen: number[] = [];
    const r = decode_audio(fmt, 0, { on_samples: (s, n) => void seen.push(s.length / n) });
    expect(r).toMatchObject({
      ret: 0,
      channels: 2,
      sample_rate: 44100,
      nb_samples: references["flac-44k-stereo.flac"].samples,
    });
    expect(new Set(seen)).toEqual(new Set([2]));
    avformat_close_input(fmt);
    av_freep(avio, "buffer");
    avio_context_free(avio);
    expect(engine.endSession().diagnostics).toEqual([]);
  });
});
