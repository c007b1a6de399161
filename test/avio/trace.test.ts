import { describe, expect, it } from "vitest";
import { AVERROR_EOF, EIO } from "../../src/avio/constants.ts";
import { TraceRecorder, type TraceEntry } from "../../src/avio/trace.ts";
import { returnName } from "../../src/avio/trace-text.ts";

const entry = (seq: number, ret = 10): TraceEntry => ({
  seq,
  callback: "read_packet",
  call: seq,
  buf_size: 10,
  ret,
  returnedToFFmpeg: ret,
  bytes: Math.max(ret, 0),
  posBefore: 0,
  posAfter: 0,
  ms: 0,
});

describe("TraceRecorder", () => {
  it("keeps the first and last entries, counts the rest, totals everything", () => {
    const t = new TraceRecorder(3, 2);
    for (let i = 1; i <= 100; i++) t.add(entry(i, i === 100 ? AVERROR_EOF : 10));
    const s = t.snapshot();
    expect(s.head.map((e) => e.seq)).toEqual([1, 2, 3]);
    expect(s.tail.map((e) => e.seq)).toEqual([99, 100]);
    expect(s.omitted).toBe(95);
    expect(s.totals.read_packet).toMatchObject({ calls: 100, bytes: 990, errors: 1 });
    expect(t.last(3).map((e) => e.seq)).toEqual([3, 99, 100]);
  });

  it("is exact when short", () => {
    const t = new TraceRecorder(3, 2);
    t.add(entry(1));
    expect(t.snapshot()).toMatchObject({ head: [{ seq: 1 }], tail: [], omitted: 0 });
  });
});

describe("returnName", () => {
  it("names AVERROR codes as FFmpeg does", () => {
    expect(returnName(AVERROR_EOF)).toBe("AVERROR_EOF");
    expect(returnName(-EIO)).toBe("AVERROR(EIO)");
    expect(returnName(4096)).toBe("4096");
    expect(returnName(-123456)).toBe("-123456");
  });
});
