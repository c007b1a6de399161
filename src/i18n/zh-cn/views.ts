// The result views' words in Simplified Chinese. Chinese nouns have no plural forms.
import { avio } from "../../avio/messages/zh-cn.ts";
import type { ViewStrings } from "../en/views.ts";

/** Channel counts that have a name of their own. */
// FFmpeg 的声道布局名（av_channel_layout_describe）译成中文。"N channels" 表示顺序未知（如普通 WAV）：
// 1、2 声道按单声道、立体声理解（与 ffmpeg 命令行相同），更多声道只写数目。
const layouts: Record<string, string> = { mono: "单声道", stereo: "立体声" };
const layoutName = (n: number, layout: string) =>
  layout === "" || layout === `${n} channels`
    ? [undefined, "单声道", "立体声"][n]
    : (layouts[layout] ?? layout);

export const views: ViewStrings = {
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
    channelCount: (n, formatted, layout) => {
      const name = layoutName(n, layout);
      return name ? `${formatted}（${name}）` : formatted;
    },
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

  console: {
    title: "控制台",
    none: "没有输出。",
    at: (callback, call) => `${callback} #${call}`,
    more: (n, _count) => `还有 ${n} 行`,
    label: "输出的行",
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
    cutShort: (format, n) => `这 ${n} 个字节的开头像 ${format} 文件，但在文件头结束之前就断了。`,
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
      boxSize: "box 大小（字节）",
      boxType: "box 类型",
    },
  },

  diagnostic: avio.diagnostic,
};
