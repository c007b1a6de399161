// The views' pure parts: formatting, trace folding and byte-map geometry.
import { describe, expect, it } from "vitest";
import { AVERROR_EOF, AVERROR_EXTERNAL, SEEK_SET } from "../../src/avio/constants.ts";
import { byteMapSegments, byteMapSummary, byteTicks, seekArcs } from "../../src/playground/views/bytemap.ts";
import {
  formatInt,
  formatMs,
  formatPercent,
  formatPointer,
  formatSeconds,
  formatSize,
} from "../../src/playground/views/format.ts";
import { strings } from "../../src/i18n/index.ts";
import { returnKind, runKey, runLabel, totalsRows, traceRows } from "../../src/playground/views/trace.ts";
import { m4aMoovEndResult, mp3Result, read, zeroLoopResult } from "./views-fixture.ts";

const en = strings("en").views;
const zh = strings("zh-cn").views;

describe("format", () => {
  it("formats sizes in binary units", () => {
    expect(formatSize(294, "en")).toBe("294 B");
    expect(formatSize(4096, "en")).toBe("4 KiB");
    expect(formatSize(33062, "en")).toBe("32.3 KiB");
    expect(formatSize(1_310_720, "en")).toBe("1.25 MiB");
    expect(formatSize(52_428_800, "en")).toBe("50 MiB");
  });

  it("formats counts, seconds, milliseconds, percentages and pointers", () => {
    expect(formatInt(151552, "en")).toBe("151,552");
    expect(formatSeconds(2.0375, "en")).toBe("2.04");
    expect(formatSeconds(22.57, "en")).toBe("22.6");
    expect(formatMs(0.004, "en")).toBe("<0.01");
    expect(formatMs(0, "en")).toBe("<0.01");
    expect(formatMs(0.014, "en")).toBe("0.01");
    expect(formatMs(41.7, "en")).toBe("41.70");
    expect(formatMs(1234.5, "en")).toBe("1,235");
    expect(formatPercent(49928 / 25352, "en")).toBe("196.9%");
    expect(formatPercent(1, "en")).toBe("100%");
    expect(formatPointer(6679552)).toBe("0x65ec00");
  });
});

describe("trace rows", () => {
  it("names return kinds, the safety net first", () => {
    expect(returnKind(read(1, 4096))).toBe("ok");
    expect(returnKind(read(1, AVERROR_EOF))).toBe("eof");
    expect(returnKind(read(1, -5))).toBe("error");
    expect(returnKind(read(1, 0))).toBe("zero");
    expect(returnKind(read(1, "threw"))).toBe("changed");
    expect(returnKind(read(1, 5000, { returnedToFFmpeg: AVERROR_EXTERNAL }))).toBe("changed");
    expect(returnKind({ ...read(1, 0), callback: "seek", offset: 0, whence: SEEK_SET })).toBe("ok");
  });

  it("keys alike calls: positive reads of any size match, other returns only exactly", () => {
    expect(runKey(read(1, 4096))).toBe(runKey(read(2, 294)));
    expect(runKey(read(1, 4096))).not.toBe(runKey(read(2, 4096, { buf_size: 8192 })));
    expect(runKey(read(1, 0))).toBe(runKey(read(2, 0)));
    expect(runKey(read(1, 0))).not.toBe(runKey(read(2, 0, { returnedToFFmpeg: AVERROR_EXTERNAL })));
    expect(runKey(read(1, 4096))).not.toBe(runKey(read(2, 0)));
  });

  it("folds runs of at least minRun alike calls and leaves shorter runs alone", () => {
    const head = [
      read(1, 4096),
      read(2, 4096),
      read(3, 4096),
      read(4, 4096),
      read(5, 294),
      read(6, AVERROR_EOF),
      read(7, AVERROR_EOF),
    ];
    const rows = traceRows({ head, tail: [], omitted: 0 });
    expect(rows.map((r) => r.kind)).toEqual(["run", "call", "call"]);
    expect(rows[0]!.kind === "run" && rows[0]!.entries.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5]);
    expect(traceRows({ head: head.slice(0, 3), tail: [], omitted: 0 }).map((r) => r.kind)).toEqual([
      "call",
      "call",
      "call",
    ]);
  });

  it("puts the omitted count between head and tail and never folds across it", () => {
    const rows = traceRows(zeroLoopResult().trace);
    expect(rows.map((r) => (r.kind === "run" ? `run${r.entries.length}` : r.kind))).toEqual([
      "call", // read_packet #1
      "run7", // AVSEEK_SIZE queries
      "run21", // reads to the end
      "run471", // the first zeros, up to the head's 500th entry
      "omitted",
      "run199",
      "call", // the 1000th zero, which the safety net turned into AVERROR_EXIT
    ]);
    expect(rows[4]).toEqual({ kind: "omitted", count: 329 });
  });

  it("labels folded rows with bytes moved, or with the common return value", () => {
    const rows = traceRows(mp3Result().trace);
    const runs = rows.flatMap((r) => (r.kind === "run" ? [runLabel(r.entries, en)] : []));
    expect(runs).toEqual(["read_packet × 5, 163,840 bytes", "read_packet × 6, 165,045 bytes"]);
    const zero = traceRows(zeroLoopResult().trace).flatMap((r) =>
      r.kind === "run" ? [runLabel(r.entries, en)] : [],
    );
    expect(zero).toEqual([
      "seek × 7, returned 88278 each",
      "read_packet × 21, 84,182 bytes",
      "read_packet × 471, returned 0 each",
      "read_packet × 199, returned 0 each",
    ]);
    expect(runLabel([read(1, AVERROR_EOF), read(2, AVERROR_EOF)], zh)).toBe(
      "read_packet × 2，每次都返回 AVERROR_EOF",
    );
  });

  it("lists totals of the callbacks that ran, in a fixed order", () => {
    expect(totalsRows(m4aMoovEndResult().trace.totals).map(([name, t]) => [name, t.calls, t.bytes])).toEqual([
      ["read_packet", 13, 49928],
      ["seek", 6, 0],
    ]);
  });
});

describe("byte map geometry", () => {
  it("maps byte ranges to x and width", () => {
    const { segments, lanes } = byteMapSegments(
      1000,
      [
        { start: 0, end: 250, seq: 1 },
        { start: 500, end: 1000, seq: 9 },
      ],
      200,
    );
    expect(lanes).toBe(1);
    expect(segments.map(({ x, width, order }) => ({ x, width, order }))).toEqual([
      { x: 0, width: 50, order: 0 },
      { x: 100, width: 100, order: 1 },
    ]);
  });

  it("merges touching ranges narrower than a pixel, and widens a lone one to a pixel", () => {
    // 100 reads of 10 bytes in a 100 kB file on a 100 px bar: each is 0.01 px.
    const reads = Array.from({ length: 100 }, (_, i) => ({ start: i * 10, end: i * 10 + 10, seq: i + 1 }));
    reads.push({ start: 50_000, end: 50_010, seq: 200 });
    const { segments } = byteMapSegments(100_000, reads, 100);
    expect(segments).toHaveLength(2);
    expect(segments[0]).toMatchObject({ x: 0, width: 1, start: 0, end: 1000, ranges: 100, seq: 1 });
    expect(segments[1]).toMatchObject({ x: 50, width: 1, ranges: 1, seq: 200 });
  });

  it("keeps wide neighbours apart even when they touch", () => {
    const { segments } = byteMapSegments(
      100,
      [
        { start: 0, end: 50, seq: 1 },
        { start: 50, end: 100, seq: 5 },
      ],
      100,
    );
    expect(segments).toHaveLength(2);
  });

  it("puts re-read bytes on a second lane instead of hiding the first read", () => {
    const { byteMap } = m4aMoovEndResult();
    const { segments, lanes } = byteMapSegments(byteMap.size, byteMap.reads, 500);
    expect(lanes).toBe(2);
    expect(segments.map((s) => [s.lane, s.start, s.end])).toEqual([
      [0, 0, 25352],
      [1, 44, 24620],
    ]);
  });

  it("puts axis ticks on power-of-two byte steps at least minSpacing apart", () => {
    expect(byteTicks(33062, 600)).toEqual([0, 8192, 16384, 24576, 32768]);
    expect(byteTicks(352_878, 330)).toEqual([0, 131072, 262144]);
    expect(byteTicks(0, 600)).toEqual([0]);
  });

  it("draws arcs for real seeks only", () => {
    const { byteMap } = m4aMoovEndResult();
    expect(seekArcs(byteMap.size, byteMap.seeks, 1000)).toEqual([
      { x1: 1000, x2: (44 / 25352) * 1000, seq: 10 },
    ]);
  });

  it("summarises ranges in read order, marking reads after a seek", () => {
    expect(byteMapSummary(m4aMoovEndResult().byteMap, en)).toBe(
      "Read 2 ranges: 0–24.8 KiB, 44 B–24 KiB (after seek); 1 seek, 5 AVSEEK_SIZE queries.",
    );
    expect(byteMapSummary(mp3Result().byteMap, zh)).toBe(
      "读取了 1 段：0–353.2 KiB；0 次 seek，5 次 AVSEEK_SIZE 查询。",
    );
    const many = {
      size: 100_000,
      seeks: [],
      reads: Array.from({ length: 9 }, (_, i) => ({ start: i * 10_000, end: i * 10_000 + 1024, seq: i + 1 })),
    };
    expect(byteMapSummary(many, en, 2)).toBe(
      "Read 9 ranges: 0–1 KiB, 9.8 KiB–10.8 KiB, and 7 more; 0 seeks.",
    );
    expect(byteMapSummary({ size: 0, reads: [], seeks: [] }, en)).toBe("The input file is empty.");
    expect(byteMapSummary({ size: 10, reads: [], seeks: [{ from: 0, to: 0, seq: 1, size: true }] }, en)).toBe(
      "Nothing was read; 0 seeks.",
    );
  });
});
