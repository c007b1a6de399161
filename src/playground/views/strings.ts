// Every word the result views show. `en` defines the shape; `zh-cn` must match
// it key for key (the ViewStrings type enforces that). FFmpeg identifiers stay
// in English in every language. Numbers arrive already formatted for `locale`.
import { diagnosticText } from "../../avio/diagnostic-text.ts";
import type { Diagnostic } from "../../avio/diagnostics.ts";
import type { Locale } from "../../i18n/locales.ts";

const en = {
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
    channelCount: (n: number, formatted: string) =>
      n === 1 ? `${formatted} (mono)` : n === 2 ? `${formatted} (stereo)` : formatted,
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
      `Read ${s.count} ${s.count === 1 ? "range" : "ranges"}: ${s.ranges.join(", ")}` +
      (s.more ? `, and ${s.more} more` : "") +
      `; ${s.seeks} ${s.seeks === 1 ? "seek" : "seeks"}` +
      (s.sizeQueries ? `, ${s.sizeQueries} AVSEEK_SIZE ${s.sizeQueries === 1 ? "query" : "queries"}` : "") +
      ".",
    nothingRead: (seeks: number) => `Nothing was read; ${seeks} ${seeks === 1 ? "seek" : "seeks"}.`,
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
    log: (n: number) => `FFmpeg log (${n} ${n === 1 ? "line" : "lines"})`,
    logEmpty: "FFmpeg logged nothing.",
  },

  waveform: {
    label: (seconds: string, rate: string, channels: number) =>
      `Waveform of the decoded audio, ${seconds} s, ${rate} Hz, ${channels} ${channels === 1 ? "channel" : "channels"}`,
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
    },
  },

  /** English messages come with the diagnostic. */
  diagnostic: (d: Diagnostic): string => diagnosticText(d, "en"),
};

export type ViewStrings = typeof en;

const zhCn: ViewStrings = {
  locale: "zh-CN",
  unknown: "未知",
  seconds: (s) => `${s} 秒`,
  milliseconds: (ms) => `${ms} 毫秒`,
  colon: "：",
  errnoNote:
    "错误码要用名字，不要用数字：在这个 WebAssembly 版本中，AVERROR(EINVAL) 是 -28（Emscripten 的 C 库沿用 WASI 的 errno 编号，EINVAL 为 28），而在 Linux 上的 FFmpeg 中是 -22（EINVAL 为 22）。其他 errno 值也不一样。请把返回值与 AVERROR(EINVAL) 比较，而不是与某个数字比较。",

  info: {
    title: "流信息",
    container: "容器格式",
    codec: "编解码器",
    sampleRate: "采样率",
    channels: "声道",
    duration: "时长",
    bytesRead: "已读取字节",
    bytesWritten: "已写入字节",
    bytes: (n) => `${n} 字节`,
    decodedSamples: "已解码采样",
    buffer: "AVIO 缓冲区",
    runTime: "运行时间",
    hz: (n) => `${n} Hz`,
    channelCount: (n, formatted) =>
      n === 1 ? `${formatted}（单声道）` : n === 2 ? `${formatted}（立体声）` : formatted,
    bytesOf: (read, size, percent) => `${read} / ${size} 字节（${percent}）`,
    reread: "超过了文件大小：有些字节被读取了不止一次。",
    samplesPerChannel: (n, seconds) => `每声道 ${n} 个（${seconds} 秒）`,
    bufferReplaced:
      "libavformat 替换了缓冲区：请释放 avio_ctx.buffer，而不是你传给 avio_alloc_context 的指针。",
    bufferKept: "（avformat_open_input 没有替换它）",
    noStream: "FFmpeg 没有打开任何流，只知道读取了多少字节。",
  },

  trace: {
    title: "回调函数调用记录",
    tableLabel: "回调函数调用记录表，可滚动",
    columns: { seq: "序号", callback: "回调函数", args: "参数", ret: "返回值", pos: "位置", ms: "毫秒" },
    call: (n) => `第 ${n} 次调用`,
    threw: "抛出了异常",
    error: "错误",
    zero: "不要返回 0",
    changed: (got) => `安全网：FFmpeg 实际收到 ${got}`,
    runBytes: (callback, count, bytes) => `${callback} × ${count}，共 ${bytes} 字节`,
    runSame: (callback, count, ret) => `${callback} × ${count}，每次都返回 ${ret}`,
    omitted: (n) => `……中间的 ${n} 次调用只计数，未保留……`,
    totals: "合计",
    totalsColumns: { callback: "回调函数", calls: "调用次数", bytes: "字节数", errors: "错误", ms: "毫秒" },
    totalsNote: "“错误”统计所有负返回值，包括 AVERROR_EOF。",
    empty: "没有调用任何回调函数。",
  },

  byteMap: {
    title: "字节图",
    label: (size) => `输入文件的字节图（${size}）：读取过的范围和 seek`,
    range: (start, end, afterSeek) => `${start}–${end}${afterSeek ? "（seek 之后）" : ""}`,
    summary: (s) =>
      `读取了 ${s.count} 段：${s.ranges.join("、")}` +
      (s.more ? `，另有 ${s.more} 段` : "") +
      `；${s.seeks} 次 seek` +
      (s.sizeQueries ? `，${s.sizeQueries} 次 AVSEEK_SIZE 查询` : "") +
      "。",
    nothingRead: (seeks) => `没有读取任何字节；${seeks} 次 seek。`,
    empty: "输入文件是空的。",
    early: "最先读取",
    late: "最后读取",
    seek: "seek",
  },

  diagnostics: {
    title: "诊断",
    none: "没有违反任何规则。",
    severity: { error: "错误", warning: "警告" },
    rule: "规则",
    lesson: "阅读相关课程",
    log: (n) => `FFmpeg 日志（${n} 行）`,
    logEmpty: "FFmpeg 没有输出日志。",
  },

  waveform: {
    label: (seconds, rate, channels) => `解码后音频的波形，${seconds} 秒，${rate} Hz，${channels} 个声道`,
    none: "没有解码出任何音频。",
  },

  player: {
    title: "解码后的音频",
    play: "播放",
    stop: "停止",
    partial: (seconds) => `只能播放前 ${seconds} 秒。`,
    noPlayback: "没有保留可供播放的 PCM。",
    noWebAudio: "这个浏览器无法播放音频（不支持 Web Audio）。",
  },

  output: {
    title: "输出文件",
    size: (name, bytes) => `${name}：write_packet 共写入 ${bytes} 字节。`,
    empty: "write_packet 没有收到任何字节。",
    download: (name) => `下载 ${name}`,
    audio: (name) => `播放 ${name}`,
    hex: (n) => `前 ${n} 个字节`,
    hexHead: "偏移",
    fields: "文件头字段",
    fieldColumns: { bytes: "字节", field: "字段", value: "值" },
    notRecognised: (format) => `这些字节的开头不是 ${format} 文件头。`,
    unknown: "未知：封装器无法 seek 回去填写",
    field: {
      riff: "RIFF 块标识",
      riffSize: "RIFF 大小（文件大小 − 8）",
      wave: "格式类型",
      chunkId: "块标识",
      chunkSize: "块大小",
      audioFormat: "音频格式",
      channels: "声道数",
      sampleRate: "采样率（Hz）",
      byteRate: "每秒字节数",
      blockAlign: "每个采样帧的字节数",
      bitsPerSample: "位深",
      dataSize: "data 大小",
      marker: "流标记",
      blockType: "元数据块类型",
      blockLength: "元数据块长度（字节）",
      minBlockSize: "最小块大小（采样）",
      maxBlockSize: "最大块大小（采样）",
      minFrameSize: "最小帧大小（字节）",
      maxFrameSize: "最大帧大小（字节）",
      totalSamples: "采样总数",
      md5: "音频的 MD5",
    },
  },

  diagnostic: (d) => diagnosticText(d, "zh-cn"),
};

export const viewStrings: Record<Locale, ViewStrings> = { en, "zh-cn": zhCn };
