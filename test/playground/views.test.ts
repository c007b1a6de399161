// The views' pure parts: header parsing, diagnostics, waveform columns, stream info, and the strings'
// parity across languages. Formatting, trace rows and byte-map geometry: views-trace.test.ts.
import { describe, expect, it } from "vitest";
import { AVERROR_EOF, AVERROR_EXTERNAL } from "../../src/avio/constants.ts";
import { diagnose, type DiagnosticCode } from "../../src/avio/diagnostics.ts";
import { isLogProblem, lessonHref, logLevelName } from "../../src/playground/views/diagnostics.ts";
import { infoRows } from "../../src/playground/views/info.ts";
import { hexRows, parseFlac, parseWav, startsLike } from "../../src/playground/views/output.ts";
import { cursorFraction, deinterleave } from "../../src/playground/views/player.ts";
import { strings } from "../../src/i18n/index.ts";
import { hasErrnoReturn } from "../../src/playground/views/trace.ts";
import { waveformColumns } from "../../src/playground/views/waveform.ts";
import { flacBytes, m4aMoovEndResult, mp3Result, read, wavBytes, zeroLoopResult } from "./views-fixture.ts";

const en = strings("en").views;
const zh = strings("zh-cn").views;

describe("WAV and FLAC headers", () => {
  it("tells a file cut short inside its header from bytes of another kind", () => {
    const riff8 = new Uint8Array([0x52, 0x49, 0x46, 0x46, 0x66, 0x62, 0x05, 0x00]);
    expect(parseWav(riff8)).toBe(null);
    expect(startsLike({ bytes: riff8, format: "wav" })).toBe(true);
    expect(startsLike({ bytes: new Uint8Array(8), format: "wav" })).toBe(false);
    expect(startsLike({ bytes: new TextEncoder().encode("fLaC"), format: "flac" })).toBe(true);
    expect(startsLike({ bytes: new TextEncoder().encode("\0\0\0\x18ftyp"), format: "mp4" })).toBe(true);
  });

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

  it("names the channel layout FFmpeg reported, in the page's language; an unordered layout is just the count", () => {
    const withLayout = (channels: number, channelLayout: string) => {
      const r = mp3Result();
      r.info = { ...r.info!, channels, channelLayout };
      return r;
    };
    const channels = (r: ReturnType<typeof mp3Result>, t: typeof en) =>
      infoRows(r, t).find((row) => row.term === t.info.channels)!.value;
    expect(channels(withLayout(6, "5.1"), en)).toBe("6 (5.1)");
    expect(channels(withLayout(6, "5.1"), zh)).toBe("6（5.1）");
    expect(channels(withLayout(6, "6 channels"), en)).toBe("6");
    expect(channels(withLayout(2, "stereo"), zh)).toBe("2（立体声）");
    expect(channels(withLayout(2, "downmix"), en)).toBe("2 (downmix)");
    expect(channels(withLayout(1, ""), en)).toBe("1 (mono)");
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
