// Every word the playground's result views show, in English: the reference shape (zh-cn/views.ts
// must match it key for key). FFmpeg identifiers stay in English in every language. Numbers arrive
// already formatted for `locale`; counts in words pick their form with plural().
import { avio } from "../../avio/messages/en.ts";
import { plural } from "../plural.ts";

/** "1 seek", "2 seeks". */
const count = (n: number, one: string, other: string) => `${n} ${plural("en", n, { one, other })}`;
/** Channel counts that have a name of their own. */
// FFmpeg's layout names (av_channel_layout_describe) in words. "N channels" means FFmpeg knows no
// order (a plain WAV): 1 and 2 are read as mono and stereo, as the ffmpeg CLI does; more, just the count.
const layouts: Record<string, string> = { mono: "mono", stereo: "stereo" };
const layoutName = (n: number, layout: string) =>
  layout === "" || layout === `${n} channels`
    ? [undefined, "mono", "stereo"][n]
    : (layouts[layout] ?? layout);

export const views = {
  /** BCP 47 tag for Intl number formatting. */
  locale: "en",
  unknown: "unknown",
  seconds: (s: string) => `${s} s`,
  milliseconds: (ms: string) => `${ms} ms`,
  /** After a label ("Rule: …"), with the language's own punctuation. */
  colon: ": ",
  /**
   * Shown wherever an AVERROR(E…) value appears. FFmpeg 5.1.9 libavutil/error.h: AVERROR(e) is -(e),
   * and errno numbers are the C library's: Emscripten's libc numbers them as WASI does (EINVAL 28).
   */
  errnoNote:
    "Error codes are names, not numbers: AVERROR(EINVAL) is -28 in this WebAssembly build (Emscripten's C library numbers errno values as WASI does, so EINVAL is 28), but -22 in FFmpeg on Linux (EINVAL is 22). Other errno values differ too. Compare a return value with AVERROR(EINVAL), never with a number.",

  info: {
    title: "Stream info",
    container: "Container",
    codec: "Codec",
    sampleRate: "Sample rate",
    channels: "Channels",
    duration: "Duration",
    bytesRead: "Bytes read",
    bytesWritten: "Bytes written",
    bytes: (n: string) => `${n} bytes`,
    decodedSamples: "Decoded samples",
    buffer: "AVIO buffer",
    runTime: "Run time",
    hz: (n: string) => `${n} Hz`,
    channelCount: (n: number, formatted: string, layout: string) => {
      const name = layoutName(n, layout);
      return name ? `${formatted} (${name})` : formatted;
    },
    bytesOf: (read: string, size: string, percent: string) => `${read} of ${size} bytes (${percent})`,
    reread: "More than the file's size: some bytes were read more than once.",
    samplesPerChannel: (n: string, seconds: string) => `${n} per channel (${seconds} s)`,
    bufferReplaced:
      "libavformat replaced the buffer: free avio_ctx.buffer, not the pointer you passed to avio_alloc_context.",
    bufferKept: "(unchanged by avformat_open_input)",
    noStream: "FFmpeg opened no stream; only the bytes read are known.",
  },

  trace: {
    title: "Callback trace",
    tableLabel: "Callback trace table, scrollable",
    columns: {
      seq: "#",
      callback: "Callback",
      args: "Arguments",
      ret: "Returned",
      pos: "Position",
      ms: "ms",
    },
    call: (n: number) => `call ${n}`,
    threw: "threw",
    error: "error",
    zero: "never return 0",
    changed: (got: string) => `safety net: FFmpeg got ${got}`,
    runBytes: (callback: string, count: string, bytes: string) => `${callback} × ${count}, ${bytes} bytes`,
    runSame: (callback: string, count: string, ret: string) => `${callback} × ${count}, returned ${ret} each`,
    omitted: (n: string) => `… ${n} calls in between were counted but not kept …`,
    totals: "Totals",
    totalsColumns: { callback: "Callback", calls: "Calls", bytes: "Bytes", errors: "Errors", ms: "ms" },
    totalsNote: "Errors count every negative return, AVERROR_EOF included.",
    empty: "No callback was called.",
  },

  byteMap: {
    title: "Byte map",
    label: (size: string) => `Byte map of the input file (${size}): the ranges read, and seeks`,
    range: (start: string, end: string, afterSeek: boolean) =>
      `${start}–${end}${afterSeek ? " (after seek)" : ""}`,
    summary: (s: { count: number; ranges: string[]; more: number; seeks: number; sizeQueries: number }) =>
      `Read ${count(s.count, "range", "ranges")}: ${s.ranges.join(", ")}` +
      (s.more ? `, and ${s.more} more` : "") +
      `; ${count(s.seeks, "seek", "seeks")}` +
      (s.sizeQueries
        ? `, ${s.sizeQueries} AVSEEK_SIZE ${plural("en", s.sizeQueries, { one: "query", other: "queries" })}`
        : "") +
      ".",
    nothingRead: (seeks: number) => `Nothing was read; ${count(seeks, "seek", "seeks")}.`,
    empty: "The input file is empty.",
    early: "read first",
    late: "read last",
    seek: "seek",
  },

  diagnostics: {
    title: "Diagnostics",
    none: "No rule broken.",
    severity: { error: "Error", warning: "Warning" },
    rule: "Rule",
    lesson: "Read the lesson",
    log: (n: number) => `FFmpeg log (${count(n, "line", "lines")})`,
    logEmpty: "FFmpeg logged nothing.",
  },

  console: {
    title: "Console",
    none: "Nothing printed.",
    /** Where a line was printed: "read_packet #3". */
    at: (callback: string, call: string) => `${callback} #${call}`,
    more: (n: string, count: number) => `${n} more ${plural("en", count, { one: "line", other: "lines" })}`,
    /** Label of the scrollable list of lines. */
    label: "Printed lines",
  },

  waveform: {
    label: (seconds: string, rate: string, channels: number) =>
      `Waveform of the decoded audio, ${seconds} s, ${rate} Hz, ${count(channels, "channel", "channels")}`,
    none: "No audio was decoded.",
  },

  player: {
    title: "Decoded audio",
    play: "Play",
    stop: "Stop",
    partial: (seconds: string) => `Playback covers the first ${seconds} s.`,
    noPlayback: "No PCM was kept for playback.",
    noWebAudio: "This browser cannot play audio (no Web Audio).",
  },

  output: {
    title: "Output file",
    size: (name: string, bytes: string) => `${name}: ${bytes} bytes written by write_packet.`,
    empty: "write_packet received no bytes.",
    download: (name: string) => `Download ${name}`,
    audio: (name: string) => `Play ${name}`,
    hex: (n: string) => `First ${n} bytes`,
    hexHead: "offset",
    fields: "Header fields",
    fieldColumns: { bytes: "Bytes", field: "Field", value: "Value" },
    notRecognised: (format: string) => `These bytes do not start with a ${format} header.`,
    cutShort: (format: string, n: string) =>
      `These ${n} bytes start like a ${format} file but end before its header does.`,
    unknown: "unknown: the muxer could not seek back to fill it in",
    field: {
      riff: "RIFF chunk ID",
      riffSize: "RIFF size (file size − 8)",
      wave: "form type",
      chunkId: "chunk ID",
      chunkSize: "chunk size",
      audioFormat: "audio format",
      channels: "channels",
      sampleRate: "sample rate (Hz)",
      byteRate: "bytes per second",
      blockAlign: "bytes per sample frame",
      bitsPerSample: "bits per sample",
      dataSize: "data size",
      marker: "stream marker",
      blockType: "metadata block type",
      blockLength: "metadata block length (bytes)",
      minBlockSize: "min block size (samples)",
      maxBlockSize: "max block size (samples)",
      minFrameSize: "min frame size (bytes)",
      maxFrameSize: "max frame size (bytes)",
      totalSamples: "total samples",
      md5: "MD5 of the audio",
      boxSize: "box size (bytes)",
      boxType: "box type",
    },
  },

  /** A safety-net finding (avio's section words it). */
  diagnostic: avio.diagnostic,
};

export type ViewStrings = typeof views;
