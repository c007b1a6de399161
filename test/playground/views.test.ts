// The views' pure parts: formatting, trace folding, byte-map geometry, header
// parsing, waveform columns, and the strings' parity across languages.
import { describe, expect, it } from "vitest";
import { AVERROR_EOF, AVERROR_EXTERNAL, SEEK_SET } from "../../src/avio/constants.ts";
import { diagnose, type DiagnosticCode } from "../../src/avio/diagnostics.ts";
import type { TraceEntry } from "../../src/avio/trace.ts";
import { byteMapSegments, byteMapSummary, byteTicks, seekArcs } from "../../src/playground/views/bytemap.ts";
import { isLogProblem, lessonHref, logLevelName } from "../../src/playground/views/diagnostics.ts";
import {
  formatInt,
  formatMs,
  formatPercent,
  formatPointer,
  formatSeconds,
  formatSize,
} from "../../src/playground/views/format.ts";
import { infoRows } from "../../src/playground/views/info.ts";
import { hexRows, parseFlac, parseWav } from "../../src/playground/views/output.ts";
import { cursorFraction, deinterleave } from "../../src/playground/views/player.ts";
import { strings } from "../../src/i18n/index.ts";
import {
  hasErrnoReturn,
  returnKind,
  runKey,
  runLabel,
  totalsRows,
  traceRows,
} from "../../src/playground/views/trace.ts";
import { waveformColumns } from "../../src/playground/views/waveform.ts";
import { flacBytes, m4aMoovEndResult, mp3Result, wavBytes, zeroLoopResult } from "./views-fixture.ts";

const en = strings("en").views;
const zh = strings("zh-cn").views;

const read = (seq: number, ret: number | string, extra: Partial<TraceEntry> = {}): TraceEntry => ({
  seq,
  callback: "read_packet",
  call: seq,
  buf_size: 4096,
  ret,
  returnedToFFmpeg: typeof ret === "number" ? ret : AVERROR_EXTERNAL,
  bytes: typeof ret === "number" && ret > 0 ? ret : 0,
  posBefore: 0,
  posAfter: 0,
  ms: 0.01,
  ...extra,
});

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

describe("WAV and FLAC headers", () => {
  it("reads the sizes a seekable WAV muxer filled in", () => {
    const wav = parseWav(wavBytes(true))!;
    expect(wav.riffSize).toBe(352_870);
    expect(wav.format).toEqual({ audioFormat: 1, channels: 2, sampleRate: 44100, bitsPerSample: 16 });
    expect(wav.data).toEqual({ offset: 78, size: 352_800 });
    expect(wav.fields.map((f) => f.key)).toEqual([
      "riff",
      "riffSize",
      "wave",
      "chunkId",
      "chunkSize",
      "audioFormat",
      "channels",
      "sampleRate",
      "byteRate",
      "blockAlign",
      "bitsPerSample",
      "chunkId",
      "chunkSize", // LIST, skipped
      "chunkId",
      "dataSize",
    ]);
    expect(wav.fields.find((f) => f.key === "audioFormat")!.value).toBe("1 (PCM)");
  });

  it("reports 0xFFFFFFFF sizes as unknown when the muxer could not seek back", () => {
    const wav = parseWav(wavBytes(false))!;
    expect(wav.riffSize).toBeNull();
    expect(wav.data).toEqual({ offset: 78, size: null });
    expect(wav.fields.filter((f) => f.unknown).map((f) => [f.key, f.start, f.end])).toEqual([
      ["riffSize", 4, 8],
      ["dataSize", 74, 78],
    ]);
  });

  it("parses only the bytes it has and rejects non-WAV data", () => {
    expect(parseWav(wavBytes(true).subarray(0, 40))!.format).toBeDefined();
    expect(parseWav(wavBytes(true).subarray(0, 40))!.data).toBeUndefined();
    expect(parseWav(new TextEncoder().encode("RIFF\0\0\0\0AVI LIST"))).toBeNull();
    expect(parseWav(new Uint8Array(4))).toBeNull();
  });

  it("reads FLAC STREAMINFO bit fields", () => {
    const flac = parseFlac(flacBytes(true))!;
    expect(flac).toMatchObject({ sampleRate: 44100, channels: 2, bitsPerSample: 16, totalSamples: 88200 });
    const value = (key: string) => flac.fields.find((f) => f.key === key)!;
    expect(value("minBlockSize").value).toBe(4608);
    expect(value("minFrameSize")).toMatchObject({ value: 308, unknown: false });
    expect(value("md5")).toMatchObject({ value: "1ef58618925f5d318c11d7fdf5e4ccd8", unknown: false });
    expect(value("blockType").value).toBe("STREAMINFO");
  });

  it("reports FLAC's zero placeholders as unknown without seek", () => {
    const flac = parseFlac(flacBytes(false))!;
    expect(flac.totalSamples).toBeNull();
    expect(flac.fields.filter((f) => f.unknown).map((f) => f.key)).toEqual([
      "minFrameSize",
      "totalSamples",
      "md5",
    ]);
    expect(parseFlac(wavBytes(true))).toBeNull();
  });

  it("dumps 16 bytes a row with printable ASCII and the field of each byte", () => {
    const bytes = wavBytes(false);
    const rows = hexRows(bytes, 40, parseWav(bytes)!.fields);
    expect(rows.map((r) => r.offset)).toEqual([0, 16, 32]);
    expect(rows[0]!.ascii).toBe("RIFF....WAVEfmt ");
    expect(rows[2]!.cells).toHaveLength(8);
    expect(rows[0]!.cells.slice(0, 9).map((c) => c.field)).toEqual([0, 0, 0, 0, 1, 1, 1, 1, 2]);
    expect(hexRows(new Uint8Array(3), 96)[0]!.cells.map((c) => c.field)).toEqual([-1, -1, -1]);
  });
});

describe("diagnostics helpers", () => {
  it("links lesson sections in the site's URL shape, under a locale prefix", () => {
    expect(lessonHref("read-packet#never-return-0")).toBe("/lessons/read-packet/#never-return-0");
    expect(lessonHref("read-packet#never-return-0", "/zh-cn")).toBe(
      "/zh-cn/lessons/read-packet/#never-return-0",
    );
    expect(lessonHref("lifecycle", "/zh-cn/")).toBe("/zh-cn/lessons/lifecycle/");
  });

  it("names FFmpeg log levels", () => {
    expect([0, 8, 16, 24, 32, 40, 48, 56].map(logLevelName)).toEqual([
      "panic",
      "fatal",
      "error",
      "warning",
      "info",
      "verbose",
      "debug",
      "trace",
    ]);
    expect(isLogProblem({ level: 24, text: "" })).toBe(true);
    expect(isLogProblem({ level: 32, text: "" })).toBe(false);
  });
});

describe("waveform and player helpers", () => {
  it("takes the extremes of the peaks in each pixel column", () => {
    const peaks = new Float32Array([-1, 1, -0.5, 0.5, 0, 0, -0.25, 0.75]);
    expect(waveformColumns(peaks, 4, 2, 100)).toEqual([
      { top: 0, bottom: 100 },
      { top: 12.5, bottom: 62.5 },
    ]);
  });

  it("stretches fewer points over more pixels and draws silence as a 1 px line", () => {
    const columns = waveformColumns(new Float32Array([0, 0, -1, 1]), 2, 4, 10);
    expect(columns).toEqual([
      { top: 4.5, bottom: 5.5 },
      { top: 4.5, bottom: 5.5 },
      { top: 0, bottom: 10 },
      { top: 0, bottom: 10 },
    ]);
    expect(waveformColumns(new Float32Array(0), 0, 100, 10)).toEqual([]);
  });

  it("splits interleaved PCM into channels", () => {
    const [left, right] = deinterleave(new Float32Array([1, -1, 2, -2, 3, -3]), 2);
    expect([...left!]).toEqual([1, 2, 3]);
    expect([...right!]).toEqual([-1, -2, -3]);
  });

  it("places the cursor by elapsed time, clamped to the waveform", () => {
    expect(cursorFraction(1, 4)).toBe(0.25);
    expect(cursorFraction(9, 4)).toBe(1);
    expect(cursorFraction(1, 0)).toBe(0);
  });
});

describe("stream info", () => {
  it("lists what FFmpeg found, bytes read and the replaced buffer", () => {
    const rows = infoRows(mp3Result(), en);
    expect(rows.map((r) => [r.term, r.value])).toEqual([
      ["Container", "mp3"],
      ["Codec", "mp3"],
      ["Sample rate", "44,100 Hz"],
      ["Channels", "2 (stereo)"],
      ["Duration", "22.6 s"],
      ["Bytes read", "361,653 of 361,653 bytes (100%)"],
      ["Decoded samples", "995,328 per channel (22.6 s)"],
      ["AVIO buffer", "0x65ec00 → 0x6607f0"],
      ["Run time", "41.70 ms"],
    ]);
    expect(rows.find((r) => r.term === "AVIO buffer")!.note).toMatch(/^libavformat replaced the buffer/);
  });

  it("explains reading more than the file and an unchanged buffer", () => {
    expect(infoRows(m4aMoovEndResult(), en).find((r) => r.term === "Bytes read")).toMatchObject({
      value: "49,928 of 25,352 bytes (196.9%)",
      note: en.info.reread,
    });
    expect(infoRows(zeroLoopResult(), zh).find((r) => r.term === "AVIO 缓冲区")).toMatchObject({
      value: "0x65ec00",
      detail: "（avformat_open_input 没有替换它）",
      note: undefined,
    });
  });
});

describe("strings", () => {
  const shape = (o: object): string[] =>
    Object.entries(o).flatMap(([k, v]) =>
      v && typeof v === "object" ? shape(v).map((s) => `${k}.${s}`) : [`${k}:${typeof v}`],
    );

  it("has the same keys in every language", () => {
    expect(shape(zh)).toEqual(shape(en));
  });

  it("translates every diagnostic to Chinese from its params", () => {
    const codes: [DiagnosticCode, Record<string, string | number>][] = [
      ["read_packet_returned_zero", { callback: "read_packet", call: 23, value: 0 }],
      ["seek_wrong_position", { callback: "seek", call: 2, value: 0, offset: 44, whence: "SEEK_SET" }],
      ["leak_avio_buffer", { ptr: "0x65ec00", size: 4096 }],
    ];
    for (const [code, params] of codes) {
      const text = zh.diagnostic(diagnose(code, params));
      expect(text).toMatch(/[\u4e00-\u9fff]/);
      expect(text).not.toContain("undefined");
      for (const v of Object.values(params)) expect(text).toContain(String(v));
    }
    expect(en.diagnostic(diagnose("leak_avio_context"))).toBe(diagnose("leak_avio_context").message);
  });
});

describe("errno values are explained where they appear", () => {
  it("a trace with AVERROR(EIO) or AVERROR(EINVAL) gets the note; AVERROR_EOF and byte counts do not", () => {
    expect(hasErrnoReturn({ head: [read(1, 4096), read(2, AVERROR_EOF)], tail: [] })).toBe(false);
    expect(hasErrnoReturn({ head: [read(1, 4096)], tail: [read(9, -29)] })).toBe(true); // AVERROR(EIO): EIO is 29 in this build
    expect(hasErrnoReturn({ head: [read(1, 4096, { returnedToFFmpeg: -28 })], tail: [] })).toBe(true);
  });
});

describe("FFmpeg's error codes in diagnostics are named", () => {
  it("ffmpeg_error shows AVERROR_EXTERNAL, not -542398533, in both languages", async () => {
    const d = diagnose("ffmpeg_error", {
      fn: "avformat_open_input",
      error: "Generic error in an external library",
      code: AVERROR_EXTERNAL,
    });
    expect(en.diagnostic(d)).toBe(
      "avformat_open_input failed: Generic error in an external library (AVERROR_EXTERNAL).",
    );
    expect(zh.diagnostic(d)).toContain("（AVERROR_EXTERNAL）");
  });
});
