// propagate-errors: a download that breaks midway. read_packet must hand over
// every byte that arrived, then return the transfer's own error as a negative
// AVERROR (not AVERROR_EOF, not 0), and FFmpeg must stop with that error.
import { av_err2str } from "../../avio/api.ts";
import { AVERROR_EOF, EIO, EPIPE } from "../../avio/constants.ts";
import type { ReadPacket } from "../../avio/callbacks.ts";
import { returnName } from "../../avio/trace-text.ts";
import { decodeWithCallbacks, expectDecodes, expectRead, fail, learnerFunction, pattern, type ExerciseContext, type ExerciseTest } from "../harness.ts";
import { text, type Text } from "../messages.ts";

export const requiredExports = ["read_packet"];

interface Download {
  data: Uint8Array;
  pos: number;
  errno: number;
}

const errnoName = (errno: number) => (errno === EIO ? "EIO" : errno === EPIPE ? "EPIPE" : String(errno));
const shown = (size: number, pos: number, errno: number) =>
  text(`{ ${size} bytes, pos: ${pos}, errno: ${errno ? errnoName(errno) : 0} }`, `{ ${size} 字节, pos: ${pos}, errno: ${errno ? errnoName(errno) : 0} }`);

/** The reader the statement asks for: what every correct submission does with the same download. */
const reference: ReadPacket<Download> = (o, buf, buf_size) => {
  const left = o.data.length - o.pos;
  if (left <= 0) return o.errno === 0 ? AVERROR_EOF : -o.errno;
  const n = Math.min(buf_size, left);
  buf.set(o.data.subarray(o.pos, o.pos + n));
  o.pos += n;
  return n;
};

/**
 * Decodes the first `arrived` bytes of `media` as a download that broke with `errno`: FFmpeg must
 * decode what arrived (as many samples as the reference reader gets) and then stop with AVERROR(errno).
 */
async function expectReported(ctx: ExerciseContext, media: string, arrived: number | ((size: number) => number), errno: number, label: Text, buffer_size = 4096) {
  const whole = await ctx.media.bytes(media);
  const data = whole.subarray(0, typeof arrived === "number" ? arrived : arrived(whole.length));
  const ref = decodeWithCallbacks(ctx.engine, { opaque: { data, pos: 0, errno }, read_packet: reference, buffer_size, sample_fmt: "s16", keep_samples: 0 });
  if (ref.ok || ref.ret !== -errno) throw new Error(`tests.ts: ${media} cut at ${data.length} bytes does not make FFmpeg report ${errnoName(errno)} (got ${ref.error ?? "success"})`);
  const out = decodeWithCallbacks(ctx.engine, {
    opaque: { data, pos: 0, errno },
    read_packet: learnerFunction(ctx, "read_packet") as ReadPacket<Download>,
    buffer_size,
    sample_fmt: "s16",
    keep_samples: 0,
    budget: { maxReadCalls: 64 + data.length, maxReadBytes: 4 * data.length + (1 << 20) },
  });
  const trace = [...out.report.trace.head.slice(0, 6), ...out.report.trace.tail.slice(-8)];
  const d = out.report.diagnostics.find((x) => x.severity === "error" && x.code !== "ffmpeg_error");
  if (d) fail("diagnostic", { media: label, message: d.message, code: d.code }, trace, d);
  const want = `AVERROR(${errnoName(errno)}) (${av_err2str(-errno)})`;
  const params = { media: label, bytes: data.length, errno: errnoName(errno), want, rule: "propagate" };
  if (out.ok) fail("error_swallowed", { ...params, samples: out.samples }, trace);
  if (out.ret !== -errno) fail("error_changed", { ...params, got: `${returnName(out.ret)} (${out.error ?? "?"})`, stage: out.stage ?? "?" }, trace);
  if (out.samples !== ref.samples) fail("error_early", { ...params, got: out.samples, samples: ref.samples, rule: "deliver_first" }, trace);
}

// Points: the starter already serves a completed download (its tests weigh 1); the four tests of a
// broken transfer are what this exercise teaches, so they weigh 2 each (12 in all): code that still
// swallows the error earns 4 of 12, not half.
export const tests: ExerciseTest[] = [
  {
    name: "hands over the bytes that arrived before reporting anything",
    names: { "zh-cn": "先交出已到达的字节，再报告其他情况" },
    run(ctx) {
      const data = pattern(10);
      expectRead(ctx, { data, pos: 6, errno: EIO }, 8, { ret: 4, bytes: data.subarray(6) }, "deliver_first", shown(10, 6, EIO));
    },
  },
  {
    name: "a broken transfer ends with AVERROR(errno), not AVERROR_EOF or 0",
    names: { "zh-cn": "中断的传输以 AVERROR(errno) 结束，而不是 AVERROR_EOF 或 0" },
    points: 2,
    run(ctx) {
      expectRead(ctx, { data: pattern(10), pos: 10, errno: EIO }, 8, { ret: -EIO, retName: "AVERROR(EIO)" }, "propagate", shown(10, 10, EIO));
    },
  },
  {
    name: "a completed transfer ends with AVERROR_EOF",
    names: { "zh-cn": "完整的传输以 AVERROR_EOF 结束" },
    run(ctx) {
      expectRead(ctx, { data: pattern(10), pos: 10, errno: 0 }, 8, { ret: AVERROR_EOF, retName: "AVERROR_EOF" }, "eof_complete", shown(10, 10, 0));
    },
  },
  {
    name: "a completed download of the MP3 decodes exactly as FFmpeg does",
    names: { "zh-cn": "完整下载的 MP3 能够解码，结果与 FFmpeg 完全一致" },
    run: (ctx) => expectDecodes(ctx, "mp3-cbr-44k-stereo.mp3", { opaque: (data) => ({ data, pos: 0, errno: 0 }) }),
  },
  {
    name: "an MP3 cut short by EIO: FFmpeg stops with I/O error",
    names: { "zh-cn": "被 EIO 截断的 MP3：FFmpeg 以 I/O error 停止" },
    points: 2,
    run: (ctx) => expectReported(ctx, "mp3-cbr-44k-stereo.mp3", (n) => Math.floor(n * 0.6), EIO, text("the MP3 cut short", "被截断的 MP3")),
  },
  {
    name: "a FLAC cut short by a broken pipe: FFmpeg stops with that error",
    names: { "zh-cn": "因管道断开而截断的 FLAC：FFmpeg 以这个错误停止" },
    points: 2,
    hidden: true,
    run: (ctx) => expectReported(ctx, "flac-44k-stereo.flac", (n) => Math.floor(n * 0.45), EPIPE, text("a hidden FLAC download", "FLAC 下载（隐藏测试）"), 1024),
  },
  {
    name: "an error while FFmpeg probes: avformat_open_input reports it",
    names: { "zh-cn": "FFmpeg 探测格式时出错：avformat_open_input 报告这个错误" },
    points: 2,
    hidden: true,
    run: (ctx) => expectReported(ctx, "aac-adts-44k-stereo.aac", 600, EIO, text("a hidden AAC download", "AAC 下载（隐藏测试）")),
  },
  {
    name: "a completed download of Ogg Vorbis decodes with a 1 KiB buffer",
    names: { "zh-cn": "完整下载的 Ogg Vorbis 用 1 KiB 缓冲区能够解码" },
    hidden: true,
    run: (ctx) =>
      expectDecodes(ctx, "ogg-vorbis-44k-stereo.ogg", { opaque: (data) => ({ data, pos: 0, errno: 0 }), buffer_size: 1024, label: text("a hidden Ogg file", "Ogg 文件（隐藏测试）") }),
  },
];
