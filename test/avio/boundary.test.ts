// The boundary (src/avio/boundary.ts): what learner callbacks receive holds nothing of the host, and
// whatever they hand back (odd values, throwing getters, Proxies) becomes a named diagnostic against
// them, never an exception through wasm or a step the safety net does not see. Each case here passed
// the engine's records or its heap to learner code, or escaped as an exception, before the boundary.
import { beforeAll, describe, expect, it } from "vitest";
import type { Engine } from "../../src/avio/engine.ts";
import {
  AVFormatContext,
  AVIOContext,
  av_free,
  av_malloc,
  avformat_alloc_context,
  avformat_close_input,
  avformat_new_stream,
  avformat_open_input,
  avio_alloc_context,
  avio_context_free,
  decode_audio,
  write_audio_samples,
} from "../../src/avio/index.ts";
import { memory_read_packet, type BufferData } from "../../src/avio/memory.ts";
import { loadEngine } from "../../src/avio/node.ts";
import { decodeBytes, fixture, references } from "./helpers.ts";

let engine: Engine;
beforeAll(async () => {
  engine = await loadEngine();
});

const codes = (o: { report: { diagnostics: { code: string }[] } }) => o.report.diagnostics.map((d) => d.code);
const WAV = "wav-s16-22k-mono.wav";
// TEXT_MAX plus the error's name.
const TEXT_BOUND = 1100;

function expectStillDecodes() {
  const { outcome, md5 } = decodeBytes(engine, fixture("flac-22k-mono.flac"));
  expect(outcome.ok).toBe(true);
  expect(md5).toBe(references["flac-22k-mono.flac"].md5);
}

describe("what a callback receives", () => {
  it("this is undefined, and buf is exactly buf_size bytes of its own memory", () => {
    const seen: { self: unknown; bufferBytes: number; size: number }[] = [];
    const { outcome, md5 } = decodeBytes(engine, fixture(WAV), {
      read_packet(this: unknown, o, buf, size) {
        seen.push({ self: this, bufferBytes: buf.buffer.byteLength, size });
        return memory_read_packet(o, buf, size);
      },
    });
    expect(outcome.ok).toBe(true);
    expect(md5).toBe(references[WAV].md5);
    expect(seen.length).toBeGreaterThan(1);
    for (const s of seen) {
      expect(s.self).toBeUndefined();
      expect(s.bufferBytes).toBe(s.size);
    }
  });

  it("seek and write_packet are called with this === undefined too", () => {
    const selves: unknown[] = [];
    decodeBytes(engine, fixture(WAV), {
      seek(this: unknown, o: BufferData, offset: number, whence: number) {
        selves.push(this);
        return whence === 0x10000 ? o.data.length : ((o.pos = offset), offset);
      },
    });
    expect(selves.length).toBeGreaterThan(0);
    expect(selves.every((s) => s === undefined)).toBe(true);
  });

  it("writing through buf.buffer reaches nothing but the learner's copy", () => {
    const { outcome, md5 } = decodeBytes(engine, fixture(WAV), {
      read_packet(o, buf, size) {
        const n = memory_read_packet(o, buf, size);
        // Before the boundary this was all of wasm memory: FFmpeg's strings and state.
        new Uint8Array(buf.buffer).fill(0x41, Math.max(n, 0));
        return n;
      },
    });
    expect(outcome.ok).toBe(true);
    expect(md5).toBe(references[WAV].md5);
    expect(engine.err2str(-541478725)).toBe("End of file");
  });

  it("a buf given away (its ArrayBuffer transferred) is a diagnostic, not a crash", () => {
    const { outcome } = decodeBytes(engine, fixture(WAV), {
      read_packet(o, buf, size) {
        const n = memory_read_packet(o, buf, size);
        (buf.buffer as ArrayBuffer & { transfer(): ArrayBuffer }).transfer();
        return n;
      },
    });
    expect(codes(outcome)).toContain("buffer_detached");
    expect(outcome.ok).toBe(false);
    expectStillDecodes();
  });
});

describe("odd values handed back", () => {
  const odd: [string, () => unknown][] = [
    ["BigInt", () => 10n],
    ["NaN", () => NaN],
    // biome-ignore lint/suspicious/noThenProperty: the point of the case is a thenable
    ["a thenable", () => ({ then() {} })],
    ["a Promise", () => Promise.resolve(1)],
    [
      "a Proxy that throws on every trap",
      () =>
        new Proxy(
          {},
          {
            get: () => {
              throw new Error("trap");
            },
            getPrototypeOf: () => {
              throw new Error("trap");
            },
          },
        ),
    ],
    [
      "an object with a throwing toPrimitive",
      () => ({
        [Symbol.toPrimitive]() {
          throw new Error("no");
        },
      }),
    ],
    [
      "a revoked Proxy",
      () => {
        const p = Proxy.revocable({}, {});
        p.revoke();
        return p.proxy;
      },
    ],
    ["a number far outside int", () => -(2 ** 40)],
  ];
  it.each(odd)("read_packet returning %s: callback_not_integer", (_label, ret) => {
    const { outcome } = decodeBytes(engine, fixture(WAV), { read_packet: ret as never });
    expect(codes(outcome)[0]).toBe("callback_not_integer");
    expect(outcome.report.diagnostics[0].message).toMatch(
      /^read_packet returned .* on call 1 — it must return an integer/,
    );
    expectStillDecodes();
  });

  const thrown: [string, () => unknown, RegExp][] = [
    [
      "an Error whose message getter throws",
      () => {
        const e = new Error();
        Object.defineProperty(e, "message", {
          get() {
            throw new Error("gotcha");
          },
        });
        return e;
      },
      /callback_threw/,
    ],
    [
      "a revoked Proxy",
      () => {
        const p = Proxy.revocable({}, {});
        p.revoke();
        return p.proxy;
      },
      /callback_threw_unshowable/,
    ],
    [
      "a Proxy whose traps throw",
      () =>
        new Proxy(
          {},
          {
            getOwnPropertyDescriptor() {
              throw new Error("trap");
            },
          },
        ),
      /callback_threw_unshowable/,
    ],
    [
      "an object with a throwing toString",
      () => ({
        toString() {
          throw new Error("no");
        },
      }),
      /callback_threw_unshowable/,
    ],
  ];
  it.each(thrown)("read_packet throwing %s: a diagnostic against it", (_label, value, code) => {
    const { outcome } = decodeBytes(engine, fixture(WAV), {
      read_packet: () => {
        throw value();
      },
    });
    expect(codes(outcome).join(" ")).toMatch(code);
    expect(outcome.ok).toBe(false);
    expectStillDecodes();
  });

  it("a 5 MB message is kept short", () => {
    const { outcome } = decodeBytes(engine, fixture(WAV), {
      read_packet: () => {
        throw new Error("A".repeat(5e6));
      },
    });
    const d = outcome.report.diagnostics.find((x) => x.code === "callback_threw")!;
    expect(d.message.length).toBeLessThan(TEXT_BOUND + 200);
  });

  it("seek may return a BigInt (int64_t); -0 reads as 0", () => {
    // Learners may return BigInt from seek (int64_t); the public type says number.
    const { outcome, md5 } = decodeBytes(engine, fixture(WAV), {
      seek: ((o: BufferData, offset: number, whence: number) =>
        whence === 0x10000
          ? BigInt(o.data.length)
          : offset === 0
            ? ((o.pos = 0), -0)
            : ((o.pos = offset), BigInt(offset))) as never,
    });
    expect(outcome.ok).toBe(true);
    expect(md5).toBe(references[WAV].md5);
  });
});

describe("handles learner code cannot forge", () => {
  it("AVIOContext and AVFormatContext cannot be constructed from outside", () => {
    const C = AVIOContext as unknown as new (...a: unknown[]) => unknown;
    const F = AVFormatContext as unknown as new (...a: unknown[]) => unknown;
    expect(() => new C(Symbol("avio host"), { handle: 1, ptr: 8 })).toThrow(/use avio_alloc_context/);
    expect(() => new F(Symbol("avio host"), 8)).toThrow(/use avformat_alloc_context/);
  });

  it("avio_context_free of an object that is not the engine's frees nothing", () => {
    engine.beginSession();
    const fake = Object.create(AVIOContext.prototype) as AVIOContext;
    expect(() => avio_context_free(fake)).toThrow(TypeError);
    engine.endSession();
  });

  it("API arguments are read as numbers only: a valueOf never runs", () => {
    engine.beginSession();
    let ran = false;
    const sneaky = { valueOf: () => ((ran = true), 4096) };
    expect(() => av_malloc(sneaky as never)).toThrow(/av_malloc: size must be an integer/);
    expect(() => avio_alloc_context(sneaky as never, 4096, 0, null, null, null, null)).toThrow(TypeError);
    expect(ran).toBe(false);
    engine.endSession();
  });

  it("an AVStream's fields are the engine's: changing channels does not change what wasm gets", () => {
    engine.beginSession();
    const fmt = avformat_alloc_context();
    expect(Object.isFrozen(fmt)).toBe(false);
    avformat_close_input(fmt);
    engine.endSession();
    expect(() =>
      avformat_new_stream(fmt, { encoder: "pcm_s16le", sample_rate: 8000, channels: 1 }),
    ).toThrow();
    expect(() =>
      write_audio_samples({ index: 0, encoder: "x", sample_rate: 1, channels: 1 }, new Int16Array(4)),
    ).toThrow(/not an AVStream/);
  });

  it("decode_audio's on_samples that throws: the error comes back to the caller, after FFmpeg returned", () => {
    engine.beginSession();
    const data = fixture(WAV);
    const buf = av_malloc(4096);
    const ctx = avio_alloc_context(buf, 4096, 0, { data, pos: 0 }, memory_read_packet, null, null)!;
    const fmt = avformat_alloc_context();
    fmt.pb = ctx;
    expect(avformat_open_input(fmt)).toBe(0);
    const boom = new Error("from on_samples");
    expect(() =>
      decode_audio(fmt, 0, {
        on_samples: () => {
          throw boom;
        },
      }),
    ).toThrow(boom);
    avformat_close_input(fmt);
    engine.endSession();
    expectStillDecodes();
  });
});

describe("bounded at the source", () => {
  it("20,000 bad frees are 20 findings and one 'and N more of the same'", () => {
    engine.beginSession();
    for (let i = 0; i < 20_000; i++) av_free(0x1234);
    const report = engine.endSession();
    const invalid = report.diagnostics.filter((d) => d.code === "invalid_free");
    expect(invalid).toHaveLength(20);
    const more = report.diagnostics.find((d) => d.code === "more_of_the_same")!;
    expect(more.params).toMatchObject({ code: "invalid_free", n: 19_980 });
    expect(more.severity).toBe("error");
    expect(more.message).toBe("…and 19980 more of the same (invalid_free), not listed.");
  });
});
