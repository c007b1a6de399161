// avformat_write_header(oc, options): the options object is learner data. It is read once, by host
// code (src/avio/dictionary.ts), into bounded strings the glue turns into an AVDictionary; getters,
// Proxies, prototype tricks, non-strings and huge strings are refused with a TypeError or ignored,
// never run twice, never reach wasm. The output here cannot seek (seek = NULL), so the mp4 muxer's
// header succeeds only when movflags asking for fragments reached FFmpeg (movenc.c mov_init()).
import { beforeAll, describe, expect, it } from "vitest";
import type { Engine } from "../../src/avio/engine.ts";
import { useEngine } from "../../src/avio/host.ts";
import {
  AVERROR,
  EINVAL,
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
import { memory_write_packet, type OutputData } from "../../src/avio/memory.ts";
import { loadEngine } from "../../src/avio/node.ts";
import { OPTION_KEY_MAX, OPTION_VALUE_MAX, OPTIONS_MAX } from "../../src/avio/dictionary.ts";

let engine: Engine;
beforeAll(async () => {
  engine = await loadEngine();
});

const FRAG = "frag_keyframe+empty_moov";

/** A non-seekable mp4 output; header(options) → what avformat_write_header returned, the log, and the bytes. */
function withHeader(options: unknown) {
  useEngine(engine);
  engine.beginSession();
  const out: OutputData = { data: new Uint8Array(0), pos: 0, size: 0 };
  const avio = avio_alloc_context(av_malloc(4096), 4096, 1, out, null, memory_write_packet, null)!;
  const oc = avformat_alloc_output_context2(null, "mp4", null)!;
  oc.pb = avio;
  let ret: number | Error = 0;
  let trailer = 0;
  try {
    const st = avformat_new_stream(oc, { encoder: "alac", sample_rate: 8000, channels: 1 })!;
    ret = avformat_write_header(oc, options as Record<string, string>);
    if (ret >= 0) {
      write_audio_samples(st, new Int16Array(8000));
      // >= 0, not 0: for fragmented output mov_write_trailer() returns the mfra box's size.
      trailer = av_write_trailer(oc);
    }
  } catch (e) {
    ret = e as Error;
  } finally {
    avformat_free_context(oc);
    av_freep(avio, "buffer");
    avio_context_free(avio);
  }
  const report = engine.endSession();
  return { ret, trailer, log: report.log.map((l) => l.text).join("\n"), size: out.size, report };
}

describe("avformat_write_header's options reach FFmpeg", () => {
  it("null: a non-seekable mp4 output is refused (mov_init)", () => {
    const r = withHeader(null);
    expect(r.ret).toBe(AVERROR(EINVAL));
    expect(r.log).toContain("muxer does not support non seekable output");
  });

  it("{ movflags: frag_keyframe+empty_moov }: accepted, a fragmented file comes out", () => {
    const r = withHeader({ movflags: FRAG });
    expect(r.ret).toBe(0);
    expect(r.trailer).toBeGreaterThanOrEqual(0);
    expect(r.size).toBeGreaterThan(0);
    expect(r.report.diagnostics).toEqual([]);
  });

  it("a key no part of the muxer takes is logged, not silently dropped", () => {
    const r = withHeader({ movflag: FRAG });
    expect(r.ret).toBe(AVERROR(EINVAL));
    expect(r.log).toContain("option 'movflag' not found");
  });

  it("a movflags value FFmpeg cannot parse fails the header", () => {
    const r = withHeader({ movflags: "frag_keyfram" });
    expect(typeof r.ret === "number" && r.ret < 0).toBe(true);
  });
});

describe("the options object is read once, by host code", () => {
  it("a getter runs once; a second answer never counts", () => {
    let calls = 0;
    const r = withHeader({
      get movflags() {
        calls++;
        return calls === 1 ? FRAG : "x".repeat(5000);
      },
    });
    expect(calls).toBe(1);
    expect(r.ret).toBe(0);
  });

  it("a throwing getter is a TypeError from avformat_write_header, not an exception through wasm", () => {
    const r = withHeader({
      get movflags(): string {
        throw new Error("boom");
      },
    });
    expect(r.ret).toBeInstanceOf(TypeError);
    expect(String(r.ret)).toContain('reading "movflags" threw');
  });

  it("a Proxy whose ownKeys throws, or lists a symbol, is refused", () => {
    const throwing = new Proxy(
      {},
      {
        ownKeys: () => {
          throw new Error("no keys");
        },
      },
    );
    expect(withHeader(throwing).ret).toBeInstanceOf(TypeError);
    const symbol = new Proxy({}, { ownKeys: () => [Symbol("k")] });
    expect(withHeader(symbol).ret).toBeInstanceOf(TypeError);
  });

  it("a Proxy's get trap runs once per key", () => {
    let gets = 0;
    const p = new Proxy(
      { movflags: FRAG },
      {
        get: (t, k) => {
          gets++;
          return Reflect.get(t, k);
        },
      },
    );
    expect(withHeader(p).ret).toBe(0);
    expect(gets).toBeLessThanOrEqual(1);
  });

  it("inherited keys are not options: Object.create({ movflags }) and Object.prototype.movflags", () => {
    expect(withHeader(Object.create({ movflags: FRAG })).ret).toBe(AVERROR(EINVAL));
    const proto = Object.prototype as Record<string, unknown>;
    proto.movflags = FRAG;
    try {
      expect(withHeader({}).ret).toBe(AVERROR(EINVAL));
    } finally {
      delete proto.movflags;
    }
  });

  it("non-string values are refused, and their toString never runs", () => {
    let ran = false;
    const sneaky = { toString: () => ((ran = true), FRAG) };
    for (const v of [1, true, null, undefined, sneaky, [FRAG], Symbol("x"), 10n]) {
      const r = withHeader({ movflags: v });
      expect(r.ret, String(typeof v)).toBeInstanceOf(TypeError);
    }
    expect(ran).toBe(false);
  });

  it("not a plain object: a string, a number, an array", () => {
    for (const o of [FRAG, 42, [["movflags", FRAG]]]) expect(withHeader(o).ret).toBeInstanceOf(TypeError);
  });
});

describe("bounded", () => {
  it(`a value over ${OPTION_VALUE_MAX} characters, a key over ${OPTION_KEY_MAX}, more than ${OPTIONS_MAX} keys`, () => {
    expect(withHeader({ movflags: `${FRAG}+${"x".repeat(OPTION_VALUE_MAX)}` }).ret).toBeInstanceOf(TypeError);
    expect(withHeader({ movflags: "x".repeat(10_000_000) }).ret).toBeInstanceOf(TypeError);
    expect(withHeader({ ["k".repeat(OPTION_KEY_MAX + 1)]: "1" }).ret).toBeInstanceOf(TypeError);
    const many = Object.fromEntries(Array.from({ length: OPTIONS_MAX + 1 }, (_, i) => [`k${i}`, "1"]));
    expect(withHeader(many).ret).toBeInstanceOf(TypeError);
  });

  it("empty strings and NUL inside a string are refused (C would cut the string there)", () => {
    expect(withHeader({ movflags: "" }).ret).toBeInstanceOf(TypeError);
    expect(withHeader({ movflags: `${FRAG}\0+faststart` }).ret).toBeInstanceOf(TypeError);
    expect(withHeader({ "": FRAG }).ret).toBeInstanceOf(TypeError);
  });

  it(`${OPTIONS_MAX} options are taken; the unused ones are each logged`, () => {
    const opts: Record<string, string> = { movflags: FRAG };
    for (let i = 1; i < OPTIONS_MAX; i++) opts[`unused${i}`] = "1";
    const r = withHeader(opts);
    expect(r.ret).toBe(0);
    expect(r.log).toContain(`option 'unused${OPTIONS_MAX - 1}' not found`);
  });

  it("no heap is left behind by a refused or an accepted options object", () => {
    withHeader({ movflags: FRAG });
    const before = engine.heapInUse();
    withHeader({ movflags: FRAG, other: "1" });
    withHeader({ movflags: 1 });
    withHeader(null);
    expect(engine.heapInUse()).toBe(before);
  });
});
