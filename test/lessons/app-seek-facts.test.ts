// Figures the app-seek lesson states about the calls *during* av_seek_frame() (the playground claims
// cover whole runs): measured here with the same callbacks as its playground, 4,096-byte buffer,
// after avformat_find_stream_info(). Native libavformat 5.1.9 made the same calls, offset for offset.
import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import type { Engine } from "../../src/avio/engine.ts";
import {
  AVERROR_EOF,
  AVSEEK_FLAG_BACKWARD,
  AVSEEK_FLAG_BYTE,
  AVSEEK_SIZE,
  av_freep,
  av_malloc,
  av_seek_frame,
  avformat_alloc_context,
  avformat_close_input,
  avformat_find_stream_info,
  avformat_open_input,
  avio_alloc_context,
  avio_context_free,
  decode_audio,
} from "../../src/avio/index.ts";
import { loadEngine } from "../../src/avio/node.ts";
import { mediaUrl } from "../media.ts";

let engine: Engine;
beforeAll(async () => {
  engine = await loadEngine();
});

interface Src {
  data: Uint8Array;
  pos: number;
  calls: string[];
}

/** Opens `media`, then seeks: the callback calls made by av_seek_frame() alone, and what it returned. */
function seekCalls(media: string, ts: number, flags = 0, withSeek = true) {
  engine.beginSession();
  const src: Src = { data: new Uint8Array(readFileSync(mediaUrl(media))), pos: 0, calls: [] };
  const read = (o: Src, buf: Uint8Array, size: number) => {
    const n = Math.min(size, o.data.length - o.pos);
    if (n <= 0) {
      o.calls.push("eof");
      return AVERROR_EOF;
    }
    buf.set(o.data.subarray(o.pos, o.pos + n));
    o.calls.push(`read ${n}`);
    o.pos += n;
    return n;
  };
  const seek = (o: Src, offset: number, whence: number) => {
    if (whence & AVSEEK_SIZE) {
      o.calls.push("size");
      return o.data.length;
    }
    o.calls.push(`set ${offset}`);
    o.pos = offset;
    return offset;
  };
  const ctx = avio_alloc_context(av_malloc(4096), 4096, 0, src, read, null, withSeek ? seek : null)!;
  const fmt = avformat_alloc_context();
  fmt.pb = ctx;
  expect(avformat_open_input(fmt)).toBe(0);
  expect(avformat_find_stream_info(fmt)).toBeGreaterThanOrEqual(0);
  src.calls = [];
  const ret = av_seek_frame(fmt, 0, ts, flags);
  const calls = src.calls.slice();
  const after = ret >= 0 ? decode_audio(fmt, 0).nb_samples : 0;
  avformat_close_input(fmt);
  av_freep(ctx, "buffer");
  avio_context_free(ctx);
  engine.endSession();
  const sets = calls.filter((c) => c.startsWith("set ")).map((c) => Number(c.slice(4)));
  const reads = calls.filter((c) => c.startsWith("read ")).map((c) => Number(c.slice(5)));
  return { ret, calls, sets, reads, eofs: calls.filter((c) => c === "eof").length, after };
}

describe("app-seek lesson: the calls during av_seek_frame()", () => {
  it("WAV: one SEEK_SET to 78 + 44,100 × 4 = 176,478, no read; 44,100 samples after", () => {
    const r = seekCalls("wav-s16-44k-stereo.wav", 44100);
    expect(r.calls).toEqual(["set 176478"]);
    expect(r.after).toBe(44100);
  });

  it("M4A, moov at the end: no call at all during the seek", () => {
    const r = seekCalls("m4a-moov-end-48k-stereo.m4a", 48000);
    expect(r.ret).toBe(0);
    expect(r.calls).toEqual([]);
    expect(r.after).toBe(48128);
  });

  it("MP3: SEEK_SET 462, 5 reads, SEEK_SET 14,798 (half a buffer before 16,762), 1 read", () => {
    const r = seekCalls("mp3-cbr-44k-stereo.mp3", 14112000);
    expect(r.calls).toEqual(["set 462", ...Array(5).fill("read 4096"), "set 14798", "read 4096"]);
    expect(r.after).toBe(44377);
  });

  it("FLAC: 13 SEEK_SETs (one AVSEEK_SIZE), 249 reads of 1,006,183 bytes, 21 EOFs: 3.2 × the file", () => {
    const r = seekCalls("flac-44k-stereo.flac", 44100);
    expect(r.sets).toEqual([
      8288, 313702, 311654, 307558, 299366, 282982, 296350, 161445, 154532, 81409, 147545, 152976, 169141,
    ]);
    expect(r.calls.filter((c) => c === "size")).toHaveLength(1);
    expect(r.reads).toHaveLength(249);
    const bytes = r.reads.reduce((a, b) => a + b, 0);
    expect(bytes).toBe(1006183);
    expect(r.eofs).toBe(21);
    expect((bytes / 314727).toFixed(1)).toBe("3.2");
    // Each probe reads up to about 150 KB (the first: 8,288 until FLAC_MIN_HEADERS headers are found).
    const firstProbe = r.calls.slice(1, r.calls.indexOf("size"));
    expect(firstProbe.length * 4096).toBeGreaterThan(145_000);
    expect(r.after).toBe(42120);
  });

  it("FLAC with AVSEEK_FLAG_BACKWARD: the frame at 41,472, so 46,728 samples follow", () => {
    expect(seekCalls("flac-44k-stereo.flac", 44100, AVSEEK_FLAG_BACKWARD).after).toBe(46728);
  });

  it("Opus in Ogg: 5 SEEK_SETs, the first to 18,663; 48,000 samples after", () => {
    const r = seekCalls("opus-48k-stereo.opus", 48000);
    expect(r.sets).toHaveLength(5);
    expect(r.sets[0]).toBe(18663);
    expect(r.after).toBe(48000);
  });

  it("AVSEEK_FLAG_BYTE to 16,000 on the MP3: one AVSEEK_SIZE, one SEEK_SET; without seek 0, no move", () => {
    expect(seekCalls("mp3-cbr-44k-stereo.mp3", 16000, AVSEEK_FLAG_BYTE).calls).toEqual(["size", "set 16000"]);
    const without = seekCalls("mp3-cbr-44k-stereo.mp3", 16000, AVSEEK_FLAG_BYTE, false);
    expect(without.ret).toBe(0);
    expect(without.calls).toEqual([]);
    expect(seekCalls("m4a-faststart-44k-mono.m4a", 16000, AVSEEK_FLAG_BYTE).ret).toBe(-1);
  });
});
