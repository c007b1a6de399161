// seek: whence values, AVSEEK_SIZE, AVSEEK_FORCE, invalid positions, and the
// moov-at-end M4A that cannot be decoded without seeking.
import { returnName } from "../../avio/trace-text.ts";
import { AVSEEK_FORCE, AVSEEK_SIZE, SEEK_CUR, SEEK_END, SEEK_SET } from "../../avio/constants.ts";
import { mapText, phrases, text, type RuleKey } from "../messages.ts";
import { callLearner, expectDecodes, fail, memoryState, pattern, readInt, shownReturn, type ExerciseContext, type ExerciseTest } from "../harness.ts";

export const requiredExports = ["read_packet", "seek"];

const SIZE = 1000;

/** seek(opaque at `from`, offset, whence) must return `want` and leave pos at `pos`. */
function expectSeek(ctx: ExerciseContext, from: number, offset: number, whence: number, whenceText: string, want: number | "negative", pos: number, rule: RuleKey) {
  const opaque = { data: pattern(SIZE), pos: from };
  const call = mapText(memoryState(SIZE, from), (s) => `seek(${s}, ${offset}, ${whenceText})`);
  const wanted = want === "negative" ? phrases.negative_averror : want;
  const ret = callLearner(ctx, "seek", [opaque, offset, whence], call);
  if (typeof ret !== "number" || !Number.isInteger(ret)) fail("unit_return", { call, got: shownReturn(ret), want: wanted, rule });
  if (want === "negative" ? ret >= 0 : ret !== want) fail("unit_return", { call, got: returnName(ret), want: typeof wanted === "number" ? returnName(wanted) : wanted, rule });
  const after = readInt(opaque, "pos", call);
  if (after !== pos) fail("unit_state", { call, field: "opaque.pos", got: after, want: pos, rule });
}

export const tests: ExerciseTest[] = [
  {
    name: "SEEK_SET moves to offset and returns it",
    names: { "zh-cn": "SEEK_SET 移动到 offset 并返回该位置" },
    run: (ctx) => expectSeek(ctx, 0, 100, SEEK_SET, "SEEK_SET", 100, 100, "seek_set"),
  },
  {
    name: "SEEK_CUR moves relative to the current position",
    names: { "zh-cn": "SEEK_CUR 相对当前位置移动" },
    run: (ctx) => expectSeek(ctx, 500, -10, SEEK_CUR, "SEEK_CUR", 490, 490, "seek_cur"),
  },
  {
    name: "SEEK_END moves relative to the end",
    names: { "zh-cn": "SEEK_END 相对末尾移动" },
    run: (ctx) => expectSeek(ctx, 0, -10, SEEK_END, "SEEK_END", SIZE - 10, SIZE - 10, "seek_end"),
  },
  {
    name: "AVSEEK_SIZE returns the size without moving",
    names: { "zh-cn": "AVSEEK_SIZE 返回总大小，且不移动位置" },
    run: (ctx) => expectSeek(ctx, 123, 0, AVSEEK_SIZE, "AVSEEK_SIZE", SIZE, 123, "seek_size"),
  },
  {
    name: "AVSEEK_FORCE is ignored",
    names: { "zh-cn": "忽略 AVSEEK_FORCE 标志" },
    run: (ctx) => expectSeek(ctx, 0, 200, SEEK_SET | AVSEEK_FORCE, "SEEK_SET | AVSEEK_FORCE", 200, 200, "seek_force"),
  },
  {
    name: "SEEK_SET to exactly the end is accepted",
    names: { "zh-cn": "SEEK_SET 正好移到末尾是合法的" },
    run: (ctx) => expectSeek(ctx, 50, SIZE, SEEK_SET, "SEEK_SET", SIZE, SIZE, "seek_to_end"),
  },
  {
    name: "SEEK_SET back to the start is accepted",
    names: { "zh-cn": "SEEK_SET 回到开头是合法的" },
    run: (ctx) => expectSeek(ctx, 500, 0, SEEK_SET, "SEEK_SET", 0, 0, "seek_set"),
  },
  {
    name: "a position before the start is refused with a negative AVERROR",
    names: { "zh-cn": "拒绝开头之前的位置，返回负的 AVERROR" },
    run: (ctx) => expectSeek(ctx, 50, -1, SEEK_SET, "SEEK_SET", "negative", 50, "seek_invalid"),
  },
  {
    name: "a position past the end is refused with a negative AVERROR",
    names: { "zh-cn": "拒绝超出末尾的位置，返回负的 AVERROR" },
    run: (ctx) => expectSeek(ctx, 50, 11, SEEK_END, "SEEK_END", "negative", 50, "seek_invalid"),
  },
  {
    name: "the M4A with moov at the end decodes",
    names: { "zh-cn": "moov 位于末尾的 M4A 能够解码" },
    run: (ctx) => expectDecodes(ctx, "m4a-moov-end-48k-stereo.m4a", { seek: true }),
  },
  {
    name: "an MP3 decodes with its end padding trimmed",
    names: { "zh-cn": "MP3 解码时裁掉末尾的填充" },
    hidden: true,
    run: (ctx) => expectDecodes(ctx, "mp3-cbr-44k-stereo.mp3", { seek: true, label: text("a hidden MP3", "MP3 文件（隐藏测试）") }),
  },
  {
    name: "Opus in Ogg decodes (FFmpeg probes the tail for the duration)",
    names: { "zh-cn": "Ogg 封装的 Opus 能够解码（FFmpeg 会到文件尾部探测时长）" },
    hidden: true,
    run: (ctx) => expectDecodes(ctx, "opus-48k-stereo.opus", { seek: true, label: text("a hidden Opus file", "Opus 文件（隐藏测试）") }),
  },
  {
    name: "WebM decodes with a 1 KiB buffer",
    names: { "zh-cn": "用 1 KiB 缓冲区解码 WebM" },
    hidden: true,
    run: (ctx) => expectDecodes(ctx, "webm-opus-48k-stereo.webm", { seek: true, buffer_size: 1024, label: text("a hidden WebM file", "WebM 文件（隐藏测试）") }),
  },
  {
    name: "a faststart M4A decodes",
    names: { "zh-cn": "faststart 的 M4A 能够解码" },
    hidden: true,
    run: (ctx) => expectDecodes(ctx, "m4a-faststart-44k-mono.m4a", { seek: true, label: text("a hidden M4A", "M4A 文件（隐藏测试）") }),
  },
];
