// forward-only: a network-like stream that only moves forward, within a small
// window. The learner decides what seek answers and what seekable promises, so
// that every file that can be streamed decodes exactly, and the M4A whose index
// follows its audio fails with FFmpeg's own error.
import { AVSEEK_SIZE, SEEK_CUR, SEEK_END, SEEK_SET } from "../../avio/constants.ts";
import type { ReadPacket, Seek } from "../../avio/callbacks.ts";
import { returnName } from "../../avio/trace-text.ts";
import { describeValue, readInteger } from "../../avio/boundary.ts";
import { callLearner, callThrough, decodeWithCallbacks, fail, learnerFunction, pattern, pcmMatcher, readInt, referenceDecode, shownReturn, type ExerciseContext, type ExerciseTest } from "../harness.ts";
import { mapText, phrases, text, type RuleKey, type Text } from "../messages.ts";

export const requiredExports = ["read_packet", "seek"];

interface Stream {
  data: Uint8Array;
  pos: number;
  window: number;
}

const SIZE = 10_000;
const WINDOW = 4096;
const streamText = (pos: number) => text(`{ ${SIZE} bytes, pos: ${pos}, window: ${WINDOW} }`, `{ ${SIZE} 字节, pos: ${pos}, window: ${WINDOW} }`);

/** seek(stream at `from`, offset, whence) must return `want` and leave pos at `pos`. */
function expectSeek(ctx: ExerciseContext, from: number, offset: number, whence: number, whenceText: string, want: number | "negative", pos: number, rule: RuleKey) {
  const opaque: Stream = { data: pattern(SIZE), pos: from, window: WINDOW };
  const call = mapText(streamText(from), (s) => `seek(${s}, ${offset}, ${whenceText})`);
  const wanted = want === "negative" ? phrases.negative_averror : want;
  const ret = callLearner(ctx, "seek", [opaque, offset, whence], call);
  if (typeof ret !== "number" || !Number.isInteger(ret)) fail("unit_return", { call, got: shownReturn(ret), want: wanted, rule });
  if (want === "negative" ? ret >= 0 : ret !== want) fail("unit_return", { call, got: returnName(ret), want: wanted, rule });
  const after = readInt(opaque, "pos", call);
  if (after !== pos) fail("unit_state", { call, field: "opaque.pos", got: after, want: pos, rule });
}

/** The learner's `seekable` export: what the engine sets avio_ctx->seekable to. */
function seekableOf(ctx: ExerciseContext): number {
  const v = ctx.exports.seekable;
  if (typeof v !== "number" || !Number.isInteger(v)) fail("missing_const", { name: "seekable", got: describeValue(v) });
  return v;
}

/**
 * Streams `media` through the learner's callbacks. The stream's own rules are checked on every
 * seek (only forward, at most `window` ahead, never a position it did not move to), so a seek that
 * pretends or reaches back into `data` is caught even when the decode looks fine.
 */
async function stream(ctx: ExerciseContext, media: string, label: Text, buffer_size: number) {
  const data = await ctx.media.bytes(media);
  const opaque: Stream = { data, pos: 0, window: WINDOW };
  const seek = learnerFunction(ctx, "seek") as Seek<Stream>;
  let broken: { call: string; got: number; from: number; to: number } | undefined;
  // Every read of the learner's stream object and its return value is one guarded read (readInt);
  // a value that is not an integer is left for the engine to report.
  const guarded: Seek<Stream> = (o, offset, whence) => {
    const at = `seek(…, ${offset}, ${whence})`;
    const from = readInt(o, "pos", at);
    const value = callThrough(seek as (...a: unknown[]) => unknown, [o, offset, whence]);
    const r = readInteger(value, "int64");
    if (!r.ok || typeof from !== "number") return value as number;
    const ret = r.n;
    const to = readInt(o, "pos", at);
    if (typeof to !== "number") return value as number;
    const moved = to !== from;
    const isSize = (whence & AVSEEK_SIZE) !== 0;
    const illegal = moved && (isSize || ret < 0 || to < from || to > from + WINDOW || ret !== to);
    if (illegal && !broken) broken = { call: `seek(…, ${offset}, ${isSize ? "AVSEEK_SIZE" : whence === SEEK_SET ? "SEEK_SET" : whence === SEEK_CUR ? "SEEK_CUR" : whence === SEEK_END ? "SEEK_END" : whence})`, got: ret, from, to };
    return ret;
  };
  const chunks: Int16Array[] = [];
  const out = decodeWithCallbacks(ctx.engine, {
    opaque,
    read_packet: learnerFunction(ctx, "read_packet") as ReadPacket<Stream>,
    seek: guarded,
    seekable: seekableOf(ctx),
    buffer_size,
    sample_fmt: "s16",
    keep_samples: 0,
    source_size: data.length,
    budget: { maxReadCalls: 64 + Math.max(data.length, Math.ceil((8 * data.length) / buffer_size)), maxReadBytes: 4 * data.length + (1 << 20) },
    // Each call gets its own copy (lifecycle.ts), kept until the reference is known.
    on_samples: (s) => void chunks.push(s as Int16Array),
  });
  const trace = [...out.report.trace.head.slice(0, 12), ...out.report.trace.tail.slice(-8)];
  if (broken) fail("seek_broke_rules", { media: label, call: broken.call, got: returnName(broken.got), from: broken.from, to: broken.to, rule: "fwd_refuse" }, trace);
  const d = out.report.diagnostics.find((x) => x.severity === "error" && x.code !== "ffmpeg_error");
  if (d) fail("diagnostic", { media: label, message: d.message, code: d.code }, trace, d);
  return { data, out, chunks, trace };
}

async function expectStreams(ctx: ExerciseContext, media: string, label: Text, buffer_size = 4096) {
  const { data, out, chunks, trace } = await stream(ctx, media, label, buffer_size);
  const ref = referenceDecode(ctx.engine, data, true);
  const pcm = pcmMatcher(ref.pcm);
  for (const c of chunks) pcm.add(c);
  if (!out.ok) fail("ffmpeg_failed", { media: label, stage: out.stage ?? "?", error: out.error ?? "?" }, trace);
  if (out.samples !== ref.samples) fail("sample_count", { media: label, got: out.samples, want: ref.samples }, trace);
  if (!pcm.same()) fail("pcm_differs", { media: label }, trace);
}

async function expectFailsCleanly(ctx: ExerciseContext, media: string, label: Text, buffer_size = 4096) {
  const { out, trace } = await stream(ctx, media, label, buffer_size);
  if (out.ok) fail("should_fail", { media: label, got: text(`gave ${out.samples} samples per channel and no error`, `得到每声道 ${out.samples} 个采样且没有报错`), rule: "fwd_moov" }, trace);
}

export const tests: ExerciseTest[] = [
  {
    name: "AVSEEK_SIZE returns the length without moving",
    names: { "zh-cn": "AVSEEK_SIZE 返回长度，且不移动位置" },
    run: (ctx) => expectSeek(ctx, 1000, 0, AVSEEK_SIZE, "AVSEEK_SIZE", SIZE, 1000, "fwd_size"),
  },
  {
    name: "a move ahead within the window succeeds",
    names: { "zh-cn": "在窗口内向前移动能够成功" },
    run(ctx) {
      expectSeek(ctx, 1000, 3000, SEEK_SET, "SEEK_SET", 3000, 3000, "fwd_ahead");
      expectSeek(ctx, 1000, 100, SEEK_CUR, "SEEK_CUR", 1100, 1100, "fwd_ahead");
      expectSeek(ctx, 9000, -500, SEEK_END, "SEEK_END", SIZE - 500, SIZE - 500, "fwd_ahead");
      // The far edge of the window is still within it, and staying put is not a move back.
      expectSeek(ctx, 1000, 1000 + WINDOW, SEEK_SET, "SEEK_SET", 1000 + WINDOW, 1000 + WINDOW, "fwd_ahead");
      expectSeek(ctx, 1000, 0, SEEK_CUR, "SEEK_CUR", 1000, 1000, "fwd_ahead");
    },
  },
  {
    name: "a move back is refused with a negative AVERROR",
    names: { "zh-cn": "拒绝向后移动，返回负的 AVERROR" },
    run(ctx) {
      expectSeek(ctx, 1000, 500, SEEK_SET, "SEEK_SET", "negative", 1000, "fwd_refuse");
      expectSeek(ctx, 1000, 0, SEEK_SET, "SEEK_SET", "negative", 1000, "fwd_refuse");
    },
  },
  {
    name: "a jump past the window is refused with a negative AVERROR",
    names: { "zh-cn": "拒绝超出窗口的跳转，返回负的 AVERROR" },
    run(ctx) {
      expectSeek(ctx, 1000, 9000, SEEK_SET, "SEEK_SET", "negative", 1000, "fwd_refuse");
      expectSeek(ctx, 1000, -1, SEEK_END, "SEEK_END", "negative", 1000, "fwd_refuse");
    },
  },
  {
    name: "the end is a valid position, past the end is refused",
    names: { "zh-cn": "末尾是合法的位置，超出末尾则被拒绝" },
    run(ctx) {
      expectSeek(ctx, 9000, SIZE, SEEK_SET, "SEEK_SET", SIZE, SIZE, "seek_to_end");
      expectSeek(ctx, 9000, SIZE + 1, SEEK_SET, "SEEK_SET", "negative", 9000, "seek_invalid");
    },
  },
  {
    name: "the MP3 streams exactly as FFmpeg decodes the file",
    names: { "zh-cn": "MP3 以流的方式解码，结果与 FFmpeg 解码文件完全一致" },
    run: (ctx) => expectStreams(ctx, "mp3-cbr-44k-stereo.mp3", text("the MP3 stream", "MP3 流")),
  },
  {
    name: "Ogg Vorbis streams exactly as FFmpeg decodes the file",
    names: { "zh-cn": "Ogg Vorbis 以流的方式解码，结果与 FFmpeg 解码文件完全一致" },
    run: (ctx) => expectStreams(ctx, "ogg-vorbis-44k-stereo.ogg", text("the Ogg stream", "Ogg 流")),
  },
  {
    name: "the M4A with moov at the end fails with FFmpeg's own error",
    names: { "zh-cn": "moov 位于末尾的 M4A 以 FFmpeg 自己的错误失败" },
    run: (ctx) => expectFailsCleanly(ctx, "m4a-moov-end-48k-stereo.m4a", text("the moov-at-end M4A stream", "moov 在末尾的 M4A 流")),
  },
  {
    name: "Opus in Ogg streams exactly",
    names: { "zh-cn": "Ogg 封装的 Opus 以流的方式准确解码" },
    hidden: true,
    run: (ctx) => expectStreams(ctx, "opus-48k-stereo.opus", text("a hidden Opus stream", "Opus 流（隐藏测试）")),
  },
  {
    name: "ADTS AAC streams exactly",
    names: { "zh-cn": "ADTS AAC 以流的方式准确解码" },
    hidden: true,
    run: (ctx) => expectStreams(ctx, "aac-adts-44k-stereo.aac", text("a hidden AAC stream", "AAC 流（隐藏测试）")),
  },
  {
    name: "a faststart M4A streams exactly with a 1 KiB buffer",
    names: { "zh-cn": "faststart 的 M4A 用 1 KiB 缓冲区以流的方式准确解码" },
    hidden: true,
    run: (ctx) => expectStreams(ctx, "m4a-faststart-44k-mono.m4a", text("a hidden M4A stream", "M4A 流（隐藏测试）"), 1024),
  },
  {
    name: "WebM streams exactly",
    names: { "zh-cn": "WebM 以流的方式准确解码" },
    hidden: true,
    run: (ctx) => expectStreams(ctx, "webm-opus-48k-stereo.webm", text("a hidden WebM stream", "WebM 流（隐藏测试）")),
  },
  {
    name: "a VBR MP3 with an ID3v2 tag streams exactly",
    names: { "zh-cn": "带 ID3v2 标签的 VBR MP3 以流的方式准确解码" },
    hidden: true,
    run: (ctx) => expectStreams(ctx, "mp3-vbr-id3-48k-mono.mp3", text("a hidden MP3 stream", "MP3 流（隐藏测试）")),
  },
];
