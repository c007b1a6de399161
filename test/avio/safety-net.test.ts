// Each way a learner's callback can break FFmpeg's rules yields its named
// diagnostic, and the same module instance decodes correctly afterwards.
import { beforeAll, describe, expect, it } from "vitest";
import {
  AVERROR_EOF,
  AVSEEK_FORCE,
  AVSEEK_SIZE,
  ENOSYS,
  SEEK_END,
  SEEK_SET,
} from "../../src/avio/constants.ts";
import { ioRecordOf } from "../../src/avio/host.ts";
import {
  AVERROR,
  av_free,
  av_malloc,
  avio_alloc_context,
  avio_context_free,
  avformat_alloc_context,
  avformat_open_input,
  av_freep,
  avformat_close_input,
} from "../../src/avio/index.ts";
import type { Engine } from "../../src/avio/engine.ts";
import { memory_read_packet, memory_seek, type BufferData } from "../../src/avio/memory.ts";
import { loadEngine } from "../../src/avio/node.ts";
import { decodeBytes, fixture, references } from "./helpers.ts";

let engine: Engine;
beforeAll(async () => {
  engine = await loadEngine();
});

const codes = (o: { report: { diagnostics: { code: string }[] } }) => o.report.diagnostics.map((d) => d.code);

function expectStillDecodes() {
  const { outcome, md5 } = decodeBytes(engine, fixture("flac-22k-mono.flac"));
  expect(outcome.ok).toBe(true);
  expect(md5).toBe(references["flac-22k-mono.flac"].md5);
}

const returnsZeroAtEnd = (o: BufferData, buf: Uint8Array, size: number) => {
  const n = Math.min(size, o.data.length - o.pos);
  buf.set(o.data.subarray(o.pos, o.pos + n));
  o.pos += n;
  return n; // 0 at the end: the classic mistake
};

describe("read_packet returning 0", () => {
  it("flac: FFmpeg would spin forever; the engine stops it and names the rule", () => {
    const { outcome } = decodeBytes(engine, fixture("flac-44k-stereo.flac"), {
      read_packet: returnsZeroAtEnd,
      seek: null,
    });
    expect(codes(outcome)).toEqual(["read_packet_returned_zero", "read_packet_zero_loop"]);
    const d = outcome.report.diagnostics[0];
    expect(d.message).toMatch(/read_packet returned 0 on call \d+ — FFmpeg requires AVERROR_EOF/);
    expect(d.call).toBeGreaterThan(1);
    expectStillDecodes();
  });

  it("mp3: FFmpeg finishes anyway, the diagnostic still names the rule", () => {
    const { outcome } = decodeBytes(engine, fixture("mp3-cbr-44k-stereo.mp3"), {
      read_packet: returnsZeroAtEnd,
      seek: null,
    });
    expect(outcome.ok).toBe(true);
    expect(outcome.samples).toBeGreaterThan(0);
    expect(codes(outcome)).toEqual(["read_packet_returned_zero"]);
  });
});

describe("read_packet returning bad values", () => {
  it("more than buf_size: stopped before FFmpeg reads past its buffer", () => {
    const { outcome } = decodeBytes(engine, fixture("wav-s16-22k-mono.wav"), {
      read_packet: (o, buf, size) => memory_read_packet(o, buf, size) + (o.pos > 8000 ? size : 0),
    });
    expect(codes(outcome)).toContain("read_packet_overflow");
    expect(outcome.report.diagnostics[0].message).toMatch(/more than buf_size \(4096\)/);
    expect(outcome.ok).toBe(false);
    expectStillDecodes();
  });

  it.each([
    ["undefined", () => undefined],
    ["NaN", () => NaN],
    ["a fraction", () => 1.5],
    ["a string", () => "4096"],
  ])("returns %s: callback_not_integer", (_label, ret) => {
    const { outcome } = decodeBytes(engine, fixture("mp3-cbr-44k-stereo.mp3"), { read_packet: ret as never });
    expect(codes(outcome)[0]).toBe("callback_not_integer");
    expect(outcome.report.diagnostics[0].callback).toBe("read_packet");
    expect(outcome.report.diagnostics[0].call).toBe(1);
    expectStillDecodes();
  });

  it("throws: the error is kept, FFmpeg gets AVERROR_EXTERNAL, no exception crosses wasm", () => {
    const heapBefore = engine.heapInUse();
    const { outcome } = decodeBytes(engine, fixture("mp3-cbr-44k-stereo.mp3"), {
      read_packet: (o, buf, size) => {
        if (o.pos > 10000) throw new RangeError("offset out of range");
        return memory_read_packet(o, buf, size);
      },
    });
    expect(codes(outcome)).toContain("callback_threw");
    expect(outcome.report.diagnostics.find((d) => d.code === "callback_threw")!.message).toMatch(
      /RangeError: offset out of range/,
    );
    expect(engine.heapInUse()).toBe(heapBefore);
    expectStillDecodes();
  });

  it("never reaches EOF: the call budget stops it", () => {
    // A source that loops forever (forgets to stop at the end).
    const { outcome } = decodeBytes(engine, fixture("wav-s16-22k-mono.wav"), {
      read_packet: (o, buf, size) => {
        if (o.pos >= o.data.length) o.pos = 44;
        return memory_read_packet(o, buf, size);
      },
      seek: null,
      budget: { maxReadCalls: 500 },
    });
    expect(codes(outcome)).toEqual(["read_budget_exceeded"]);
    expect(outcome.report.diagnostics[0].message).toMatch(/Stopped after 500 read_packet calls/);
    expectStillDecodes();
  });
});

describe("seek returning bad values", () => {
  it("a position other than the SEEK_SET offset", () => {
    const { outcome } = decodeBytes(engine, fixture("m4a-moov-end-48k-stereo.m4a"), {
      seek: (o, offset, whence) =>
        whence & AVSEEK_SIZE ? o.data.length : (memory_seek(o, offset, whence), 0),
    });
    expect(codes(outcome)).toContain("seek_wrong_position");
    const d = outcome.report.diagnostics.find((x) => x.code === "seek_wrong_position")!;
    expect(d.message).toMatch(/must return the new absolute position/);
  });

  it("a wrong AVSEEK_SIZE answer", () => {
    const { outcome } = decodeBytes(engine, fixture("mp3-cbr-44k-stereo.mp3"), {
      seek: (o, offset, whence) => (whence & AVSEEK_SIZE ? 0 : memory_seek(o, offset, whence)),
    });
    expect(codes(outcome)).toContain("seek_size_wrong");
  });

  it("no AVSEEK_SIZE answer though the size is known: one warning that FFmpeg fell back to SEEK_END, and the file still decodes", () => {
    const calls: number[] = [];
    const { outcome, md5 } = decodeBytes(engine, fixture("m4a-moov-end-48k-stereo.m4a"), {
      seek: (o, offset, whence) => {
        calls.push(whence);
        return whence & AVSEEK_SIZE ? AVERROR(ENOSYS) : memory_seek(o, offset, whence);
      },
    });
    expect(md5).toBe(references["m4a-moov-end-48k-stereo.m4a"].md5);
    const notes = outcome.report.diagnostics.filter((d) => d.code === "seek_size_fallback");
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({ severity: "warning", callback: "seek", lesson: "seek#avseek-size" });
    expect(notes[0]!.message).toMatch(/fell back: avio_size\(\) .* seek\(-1, SEEK_END\)/);
    // What libavformat/aviobuf.c:avio_size() does after a negative AVSEEK_SIZE answer.
    const afterFirst = calls.slice(calls.indexOf(AVSEEK_SIZE) + 1, calls.indexOf(AVSEEK_SIZE) + 3);
    expect(afterFirst).toEqual([SEEK_END, SEEK_SET]);
    expect(codes(outcome)).not.toContain("seek_size_wrong");
  });

  it("failing a seek whose whence carries AVSEEK_FORCE hints to mask the flag", () => {
    engine.beginSession();
    const avio = avio_alloc_context(
      av_malloc(1024),
      1024,
      0,
      {},
      () => AVERROR_EOF,
      null,
      (_o: object, _offset: number, whence: number) => (whence === SEEK_SET ? 0 : AVERROR(22)),
    )!;
    // What avio_seek(pb, 0, SEEK_SET | AVSEEK_FORCE) hands the callback.
    expect(engine.module.avioCallbacks.seek(ioRecordOf(avio).handle, 0, SEEK_SET | AVSEEK_FORCE)).toBe(-22);
    av_freep(avio, "buffer");
    avio_context_free(avio);
    const report = engine.endSession();
    expect(report.diagnostics.map((d) => d.code)).toEqual(["seek_force_not_masked"]);
    expect(report.diagnostics[0].message).toMatch(/SEEK_SET \| AVSEEK_FORCE/);
  });

  it("throwing in seek is caught like read_packet", () => {
    const { outcome } = decodeBytes(engine, fixture("mp3-cbr-44k-stereo.mp3"), {
      seek: () => {
        throw new Error("no seeking here");
      },
    });
    expect(codes(outcome)).toContain("callback_threw");
    expectStillDecodes();
  });
});

describe("memory ownership", () => {
  it("freeing the original buffer after libavformat replaced it is reported, not a crash", () => {
    engine.beginSession();
    const data = fixture("mp3-cbr-44k-stereo.mp3");
    const buffer = av_malloc(4096);
    const avio = avio_alloc_context(
      buffer,
      4096,
      0,
      { data, pos: 0 },
      memory_read_packet,
      null,
      memory_seek,
    )!;
    const fmt = avformat_alloc_context();
    fmt.pb = avio;
    expect(avformat_open_input(fmt, null, null, null)).toBe(0);
    expect(avio.buffer).not.toBe(buffer);
    avformat_close_input(fmt);
    av_free(buffer); // the classic example's bug
    av_freep(avio, "buffer");
    avio_context_free(avio);
    const report = engine.endSession();
    expect(report.diagnostics.map((d) => d.code)).toEqual(["double_free_replaced_buffer"]);
    expect(report.diagnostics[0].message).toMatch(/^double free: libavformat replaced this buffer/);
    expectStillDecodes();
  });

  it("a context never freed is reported as a leak and cleaned up", () => {
    const before = engine.heapInUse();
    engine.beginSession();
    const buffer = av_malloc(4096);
    avio_alloc_context(buffer, 4096, 0, {}, () => AVERROR_EOF, null, null);
    const report = engine.endSession();
    expect(report.diagnostics.map((d) => d.code)).toEqual(["leak_avio_buffer", "leak_avio_context"]);
    expect(engine.heapInUse()).toBe(before);
  });

  it("avio_context_free without freeing the buffer first reports the buffer leak", () => {
    engine.beginSession();
    const avio = avio_alloc_context(av_malloc(1024), 1024, 0, {}, () => AVERROR_EOF, null, null);
    avio_context_free(avio);
    expect(engine.endSession().diagnostics.map((d) => d.code)).toEqual(["leak_avio_buffer"]);
  });

  it("a buffer not from av_malloc is refused", () => {
    engine.beginSession();
    expect(avio_alloc_context(12345, 1024, 0, {}, () => AVERROR_EOF, null, null)).toBeNull();
    expect(engine.endSession().diagnostics.map((d) => d.code)).toEqual(["buffer_not_av_malloc"]);
  });

  it("double av_free is reported and ignored", () => {
    engine.beginSession();
    const p = av_malloc(100);
    av_free(p);
    av_free(p);
    expect(engine.endSession().diagnostics.map((d) => d.code)).toEqual(["double_free"]);
    expectStillDecodes();
  });
});
