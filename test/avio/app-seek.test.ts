// av_seek_frame() and avformat_seek_file() (src/avio/seek.ts): every argument is the learner's, and
// the seek runs the learner's own read_packet/seek inside wasm. Whatever they pass or do, the call
// returns a number or throws a TypeError/RangeError before wasm is entered; nothing unwinds through
// wasm frames, nothing the running FFmpeg call uses can be freed under it, and the engine decodes
// correctly afterwards.
import { beforeAll, describe, expect, it } from "vitest";
import type { Engine } from "../../src/avio/engine.ts";
import {
  AVERROR,
  AVSEEK_FLAG_ANY,
  AVSEEK_FLAG_BACKWARD,
  AVSEEK_FLAG_BYTE,
  AVSEEK_FLAG_FRAME,
  AVSEEK_SIZE,
  AV_TIME_BASE,
  AV_TIME_BASE_Q,
  EINVAL,
  EPIPE,
  av_free,
  av_freep,
  av_malloc,
  av_q2d,
  av_rescale_q,
  av_seek_frame,
  avformat_alloc_context,
  avformat_alloc_output_context2,
  avformat_close_input,
  avformat_free_context,
  avformat_find_stream_info,
  avformat_open_input,
  avformat_seek_file,
  avio_alloc_context,
  avio_context_free,
  decode_audio,
  type AVFormatContext,
  type AVIOContext,
} from "../../src/avio/index.ts";
import { memory_read_packet, memory_seek, type BufferData } from "../../src/avio/memory.ts";
import { loadEngine } from "../../src/avio/node.ts";
import { decodeBytes, fixture, references } from "./helpers.ts";

let engine: Engine;
beforeAll(async () => {
  engine = await loadEngine();
});

type Seek = (o: BufferData, offset: number, whence: number) => unknown;
interface Opened {
  fmt: AVFormatContext;
  ctx: AVIOContext;
  close(): void;
}

/** An opened input over `name` with the memory callbacks, or the given ones. */
function open(name: string, seek: Seek | null = memory_seek, read = memory_read_packet): Opened {
  const data = fixture(name);
  const buf = av_malloc(4096);
  const ctx = avio_alloc_context(buf, 4096, 0, { data, pos: 0 }, read, null, seek as never)!;
  const fmt = avformat_alloc_context();
  fmt.pb = ctx;
  expect(avformat_open_input(fmt)).toBe(0);
  // As every lesson program does before it seeks (it reads ahead: the MP3 case depends on it).
  expect(avformat_find_stream_info(fmt)).toBeGreaterThanOrEqual(0);
  return {
    fmt,
    ctx,
    close() {
      avformat_close_input(fmt);
      av_freep(ctx, "buffer");
      avio_context_free(ctx);
    },
  };
}

const codes = () => engine.run.toReport().diagnostics.map((d) => d.code);

function expectStillDecodes() {
  const { outcome, md5 } = decodeBytes(engine, fixture("flac-22k-mono.flac"));
  expect(outcome.ok).toBe(true);
  expect(md5).toBe(references["flac-22k-mono.flac"].md5);
}

const FORMATS = [
  "flac-44k-stereo.flac",
  "mp3-cbr-44k-stereo.mp3",
  "mp3-vbr-id3-48k-mono.mp3",
  "m4a-moov-end-48k-stereo.m4a",
  "m4a-faststart-44k-mono.m4a",
  "ogg-vorbis-44k-stereo.ogg",
  "opus-48k-stereo.opus",
  "wav-s16-44k-stereo.wav",
  "aac-adts-44k-stereo.aac",
  "mka-vorbis-22k-mono.mka",
];

describe("av_seek_frame and avformat_seek_file do what FFmpeg does", () => {
  it("seeking to 1 s on the FLAC sample: 0, then the 42,120 samples after frame 46,080 (native: the same)", () => {
    engine.beginSession();
    const o = open("flac-44k-stereo.flac");
    const { time_base } = o.fmt.stream(0);
    expect(time_base).toEqual({ num: 1, den: 44100 });
    expect(av_seek_frame(o.fmt, 0, av_rescale_q(1, { num: 1, den: 1 }, time_base), 0)).toBe(0);
    expect(decode_audio(o.fmt, 0).nb_samples).toBe(42120);
    o.close();
    expect(codes()).toEqual([]);
    engine.endSession();
  });

  it("stream_index -1 takes AV_TIME_BASE units; BACKWARD lands on the frame before", () => {
    engine.beginSession();
    const o = open("flac-44k-stereo.flac");
    expect(av_seek_frame(o.fmt, -1, 1 * AV_TIME_BASE, AVSEEK_FLAG_BACKWARD)).toBe(0);
    // Frame 41,472 is the last one starting at or before 1 s (44,100).
    expect(decode_audio(o.fmt, 0).nb_samples).toBe(88200 - 41472);
    o.close();
    engine.endSession();
  });

  it("avformat_seek_file: -1 when ts is outside [min_ts, max_ts], AVERROR(EINVAL) for a stream it lacks", () => {
    engine.beginSession();
    const o = open("wav-s16-44k-stereo.wav");
    expect(avformat_seek_file(o.fmt, 0, 10, 5, 20, 0)).toBe(-1);
    expect(avformat_seek_file(o.fmt, 3, 0, 5, 20, 0)).toBe(AVERROR(EINVAL));
    expect(avformat_seek_file(o.fmt, -2, 0, 5, 20, 0)).toBe(AVERROR(EINVAL));
    expect(avformat_seek_file(o.fmt, 0, Number.MIN_SAFE_INTEGER, 44100, Number.MAX_SAFE_INTEGER, 0)).toBe(0);
    expect(decode_audio(o.fmt, 0).nb_samples).toBe(44100);
    o.close();
    engine.endSession();
  });

  it("without a seek callback a backward move is AVERROR(EPIPE) (aviobuf.c avio_seek)", () => {
    engine.beginSession();
    const o = open("mp3-cbr-44k-stereo.mp3", null);
    expect(av_seek_frame(o.fmt, 0, 14112000, 0)).toBe(AVERROR(EPIPE));
    o.close();
    engine.endSession();
  });

  it("AVSEEK_FLAG_BYTE: one AVSEEK_SIZE and one SEEK_SET; without seek it returns 0 and does not move", () => {
    engine.beginSession();
    const calls: string[] = [];
    const o = open("mp3-cbr-44k-stereo.mp3", (op, off, wh) => {
      calls.push(wh & AVSEEK_SIZE ? "size" : `set ${off}`);
      return memory_seek(op, off, wh);
    });
    calls.length = 0;
    expect(av_seek_frame(o.fmt, 0, 16000, AVSEEK_FLAG_BYTE)).toBe(0);
    expect(calls).toEqual(["size", "set 16000"]);
    o.close();
    const n = open("mp3-cbr-44k-stereo.mp3", null);
    expect(av_seek_frame(n.fmt, 0, 16000, AVSEEK_FLAG_BYTE)).toBe(0);
    n.close();
    // MOV refuses byte seeks (AVFMT_NO_BYTE_SEEK).
    const m = open("m4a-faststart-44k-mono.m4a");
    expect(av_seek_frame(m.fmt, 0, 1000, AVSEEK_FLAG_BYTE)).toBe(-1);
    m.close();
    engine.endSession();
  });

  it("av_rescale_q rounds like FFmpeg; av_q2d and AV_TIME_BASE_Q", () => {
    expect(av_rescale_q(3, { num: 1, den: 3 }, { num: 1, den: 2 })).toBe(2); // 1.5 → 2 (NEAR_INF)
    expect(av_rescale_q(1, { num: 1, den: 1 }, { num: 1, den: 14112000 })).toBe(14112000);
    expect(av_rescale_q(2_500_000, AV_TIME_BASE_Q, { num: 1, den: 44100 })).toBe(110250);
    expect(av_q2d({ num: 1, den: 4 })).toBe(0.25);
    expect(Object.isFrozen(AV_TIME_BASE_Q)).toBe(true);
  });
});

describe("learner arguments", () => {
  const bad: [string, unknown][] = [
    ["a string", "44100"],
    ["undefined", undefined],
    ["null", null],
    ["a BigInt", 44100n],
    ["NaN", Number.NaN],
    ["Infinity", Number.POSITIVE_INFINITY],
    ["-Infinity", Number.NEGATIVE_INFINITY],
    ["a fraction", 1.5],
    ["2^53", 2 ** 53],
    ["-2^63", -(2 ** 63)],
    ["an array", [44100]],
  ];

  it.each(bad)("a timestamp that is %s is a TypeError, before wasm is entered", (_label, v) => {
    engine.beginSession();
    const o = open("wav-s16-44k-stereo.wav");
    const before = engine.lastTrace(1)[0]?.seq;
    expect(() => av_seek_frame(o.fmt, 0, v as never, 0)).toThrow(TypeError);
    for (const at of [2, 3, 4] as const) {
      const args: unknown[] = [o.fmt, 0, 0, 10, 20, 0];
      args[at] = v;
      expect(() => (avformat_seek_file as (...a: unknown[]) => number)(...args)).toThrow(TypeError);
    }
    expect(engine.lastTrace(1)[0]?.seq).toBe(before);
    o.close();
    engine.endSession();
  });

  it("an object with valueOf / toPrimitive / a getter never runs: TypeError", () => {
    engine.beginSession();
    const o = open("wav-s16-44k-stereo.wav");
    let ran = 0;
    const sneaky = {
      valueOf: () => (ran++, 44100),
      [Symbol.toPrimitive]: () => (ran++, 44100),
      get num() {
        return (ran++, 1);
      },
    };
    expect(() => av_seek_frame(o.fmt, sneaky as never, 0, 0)).toThrow(TypeError);
    expect(() => av_seek_frame(o.fmt, 0, sneaky as never, 0)).toThrow(TypeError);
    expect(() => av_seek_frame(o.fmt, 0, 0, sneaky as never)).toThrow(TypeError);
    expect(() => av_seek_frame(sneaky as never, 0, 0, 0)).toThrow(TypeError);
    expect(ran).toBe(0);
    o.close();
    engine.endSession();
  });

  it("stream_index and flags must be C ints; av_seek_frame's stream_index must be -1 or a stream", () => {
    engine.beginSession();
    const o = open("wav-s16-44k-stereo.wav");
    expect(() => av_seek_frame(o.fmt, 1, 0, 0)).toThrow(RangeError);
    expect(() => av_seek_frame(o.fmt, -2, 0, 0)).toThrow(RangeError);
    expect(() => av_seek_frame(o.fmt, 2 ** 31, 0, 0)).toThrow(RangeError);
    expect(() => av_seek_frame(o.fmt, 0, 0, 2 ** 32)).toThrow(RangeError);
    expect(() => avformat_seek_file(o.fmt, 2 ** 40, 0, 0, 0, 0)).toThrow(RangeError);
    o.close();
    engine.endSession();
  });

  it("an AVRational's fields are read once; a throwing getter or a Proxy is a TypeError, not a crash", () => {
    let reads = 0;
    const counted = {
      get num() {
        reads++;
        return 1;
      },
      den: 1,
    };
    expect(av_rescale_q(2, counted, { num: 1, den: 10 })).toBe(20);
    expect(reads).toBe(1);
    const throwing = {
      get den(): number {
        throw new Error("boom");
      },
      num: 1,
    };
    expect(() => av_rescale_q(1, throwing, { num: 1, den: 1 })).toThrow(TypeError);
    const proxy = new Proxy(
      {},
      {
        getOwnPropertyDescriptor() {
          throw new Error("trap");
        },
      },
    );
    expect(() => av_rescale_q(1, proxy as never, { num: 1, den: 1 })).toThrow(TypeError);
    for (const q of [
      null,
      5,
      { num: 0, den: 1 },
      { num: 1, den: 0 },
      { num: -1, den: 1 },
      { num: 1.5, den: 1 },
    ])
      expect(() => av_rescale_q(1, q as never, { num: 1, den: 1 })).toThrow();
    expect(() => av_rescale_q(Number.MAX_SAFE_INTEGER, { num: 1000, den: 1 }, { num: 1, den: 1 })).toThrow(
      RangeError,
    );
  });

  it.each(FORMATS)(
    "%s: the extreme timestamps and every flag return a number, and the engine stays whole",
    (name) => {
      engine.beginSession();
      const o = open(name);
      const flagsList = [
        0,
        AVSEEK_FLAG_BACKWARD,
        AVSEEK_FLAG_ANY,
        AVSEEK_FLAG_FRAME,
        AVSEEK_FLAG_BYTE,
        AVSEEK_FLAG_BYTE | AVSEEK_FLAG_BACKWARD,
        -1,
        2 ** 31 - 1,
      ];
      for (const ts of [Number.MAX_SAFE_INTEGER, Number.MIN_SAFE_INTEGER, 0, -1, 1e15])
        for (const flags of flagsList)
          for (const index of [-1, 0]) {
            expect(typeof av_seek_frame(o.fmt, index, ts, flags)).toBe("number");
            const lo = Number.MIN_SAFE_INTEGER;
            const hi = Number.MAX_SAFE_INTEGER;
            expect(typeof avformat_seek_file(o.fmt, index, lo, ts, hi, flags)).toBe("number");
          }
      // After all that, a seek to 0 and a decode still work.
      expect(av_seek_frame(o.fmt, 0, 0, AVSEEK_FLAG_BACKWARD)).toBeGreaterThanOrEqual(0);
      expect(decode_audio(o.fmt, 0).nb_samples).toBeGreaterThan(0);
      o.close();
      engine.endSession();
      expect(engine.poisoned).toBe(false);
      expectStillDecodes();
    },
  );
});

describe("the learner's callbacks during the seek", () => {
  it("a seek callback that throws: the seek fails with a number, callback_threw names it", () => {
    engine.beginSession();
    let armed = false;
    const o = open("flac-44k-stereo.flac", (op, off, wh) => {
      if (armed && !(wh & AVSEEK_SIZE)) throw new Error("seek exploded");
      return memory_seek(op, off, wh);
    });
    armed = true;
    const r = av_seek_frame(o.fmt, 0, 44100, 0);
    expect(r).toBeLessThan(0);
    expect(codes()).toContain("callback_threw");
    armed = false;
    o.close();
    engine.endSession();
    expectStillDecodes();
  });

  it.each([
    ["a string", "8288"],
    ["NaN", Number.NaN],
    ["an object", { valueOf: (): number => 0 }],
    ["a Promise", Promise.resolve(0)],
    ["2^60", 2 ** 60],
    ["a wrong position", 7],
  ])("a seek callback that returns %s during the seek is reported, the seek returns a number", (_l, v) => {
    engine.beginSession();
    let armed = false;
    const o = open("flac-44k-stereo.flac", (op, off, wh) =>
      armed && !(wh & AVSEEK_SIZE) ? v : memory_seek(op, off, wh),
    );
    armed = true;
    expect(typeof av_seek_frame(o.fmt, 0, 44100, 0)).toBe("number");
    expect(codes().some((c) => c === "callback_not_integer" || c === "seek_wrong_position")).toBe(true);
    armed = false;
    o.close();
    engine.endSession();
    expectStillDecodes();
  });

  it("a read_packet that throws in the middle of the FLAC binary search", () => {
    engine.beginSession();
    let armed = false;
    let n = 0;
    const o = open("flac-44k-stereo.flac", memory_seek, (op, buf, size) => {
      if (armed && ++n > 3) throw new TypeError("read exploded");
      return memory_read_packet(op, buf, size);
    });
    armed = true;
    expect(typeof av_seek_frame(o.fmt, 0, 44100, 0)).toBe("number");
    expect(codes()).toContain("callback_threw");
    armed = false;
    o.close();
    engine.endSession();
    expectStillDecodes();
  });

  it("a callback cannot close, free or seek the context under the running seek: refused, then it still closes", () => {
    engine.beginSession();
    let o: Opened | null = null;
    const attempts: [string, () => unknown][] = [];
    const refused: string[] = [];
    let armed = false;
    o = open("flac-44k-stereo.flac", (op, off, wh) => {
      if (armed && !(wh & AVSEEK_SIZE) && o) {
        const [name, act] = attempts.shift() ?? ["", () => 0];
        if (name)
          try {
            act();
          } catch (e) {
            refused.push(`${name}: ${(e as Error).message.slice(0, 60)}`);
          }
      }
      return memory_seek(op, off, wh);
    });
    const opened = o;
    attempts.push(
      ["close", () => avformat_close_input(opened.fmt)],
      ["free_context", () => avformat_free_context(opened.fmt)],
      ["freep buffer", () => av_freep(opened.ctx, "buffer")],
      ["free buffer", () => av_free(opened.ctx.buffer)],
      ["context_free", () => avio_context_free(opened.ctx)],
      ["seek again", () => av_seek_frame(opened.fmt, 0, 0, 0)],
      ["seek_file", () => avformat_seek_file(opened.fmt, 0, 0, 0, 0, 0)],
      ["decode", () => decode_audio(opened.fmt, 0)],
      ["open another", () => avformat_open_input(avformat_alloc_context())],
    );
    armed = true;
    expect(av_seek_frame(o.fmt, 0, 44100, 0)).toBe(0);
    armed = false;
    expect(refused.map((r) => r.split(":")[0])).toEqual([
      "close",
      "free_context",
      "freep buffer",
      "free buffer",
      "context_free",
      "seek again",
      "seek_file",
      "decode",
      "open another",
    ]);
    expect(refused.every((r) => r.includes("called from inside a callback"))).toBe(true);
    expect(decode_audio(o.fmt, 0).nb_samples).toBe(42120);
    o.close();
    const report = engine.endSession();
    // The context made by "open another" was never opened: a leak the run reports, nothing worse.
    expect(report.diagnostics.map((d) => d.code)).toEqual(["leak_format_context"]);
    expectStillDecodes();
  });
});

describe("contexts that cannot seek", () => {
  it("closed, failed to open, never opened, output: each an Error before wasm", () => {
    engine.beginSession();
    const o = open("wav-s16-44k-stereo.wav");
    o.close();
    expect(() => av_seek_frame(o.fmt, 0, 0, 0)).toThrow(/already freed/);
    expect(() => avformat_seek_file(o.fmt, 0, 0, 0, 0, 0)).toThrow(/already freed/);

    const garbage = fixture("garbage.bin");
    const buf = av_malloc(4096);
    const ctx = avio_alloc_context(buf, 4096, 0, { data: garbage, pos: 0 }, memory_read_packet, null, null)!;
    const failed = avformat_alloc_context();
    failed.pb = ctx;
    expect(avformat_open_input(failed)).toBeLessThan(0);
    expect(() => av_seek_frame(failed, 0, 0, 0)).toThrow(/already freed/);

    const unopened = avformat_alloc_context();
    expect(() => av_seek_frame(unopened, -1, 0, 0)).toThrow(/not an opened input/);
    avformat_free_context(unopened);

    const out = avformat_alloc_output_context2(null, "wav")!;
    expect(() => av_seek_frame(out, -1, 0, 0)).toThrow(/not an opened input/);
    avformat_free_context(out);
    expect(() => av_seek_frame({} as never, 0, 0, 0)).toThrow(TypeError);
    av_freep(ctx, "buffer");
    avio_context_free(ctx);
    engine.endSession();
  });

  it("1,000 seeks leave the heap where it was", () => {
    engine.beginSession();
    const o = open("mp3-cbr-44k-stereo.mp3");
    av_seek_frame(o.fmt, 0, 0, AVSEEK_FLAG_BACKWARD);
    const before = engine.heapInUse();
    for (let i = 0; i < 1000; i++)
      av_seek_frame(o.fmt, 0, (i % 20) * 1_411_200, i % 2 ? AVSEEK_FLAG_BACKWARD : 0);
    av_seek_frame(o.fmt, 0, 0, AVSEEK_FLAG_BACKWARD);
    expect(engine.heapInUse()).toBeLessThanOrEqual(before + 4096);
    o.close();
    engine.endSession();
  });
});
