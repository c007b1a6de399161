// write-packet: collect a muxer's output with write_packet + seek; the WAV must
// equal, byte for byte, what FFmpeg writes into a file.
import { returnName } from "../../avio/trace-text.ts";
import { AVSEEK_FORCE, AVSEEK_SIZE, SEEK_CUR, SEEK_END, SEEK_SET } from "../../avio/constants.ts";
import { memory_output_seek, memory_write_packet, type OutputData } from "../../avio/memory.ts";
import { callLearner, decodeWithCallbacks, fail, firstDifference, learnerFunction, memoryState, muxWithCallbacks, pattern, readBytes, readInt, shownReturn, writeField, type ExerciseContext, type ExerciseTest } from "../harness.ts";
import { mapText, phrases, text, type RuleKey, type Text } from "../messages.ts";
import { memory_read_packet, memory_seek } from "../../avio/memory.ts";

export const requiredExports = ["write_packet", "seek"];

const empty = (): OutputData => ({ data: new Uint8Array(0), pos: 0, size: 0 });

const EMPTY = text("{ empty }", "{ 空 }");

function write(ctx: ExerciseContext, op: OutputData, bytes: Uint8Array, shown: Text) {
  const n = bytes.length;
  const call = mapText(shown, (s) => `write_packet(${s}, buf, ${n})`);
  const ret = callLearner(ctx, "write_packet", [op, bytes.slice(), n], call);
  if (ret !== n) fail("unit_return", { call, got: shownReturn(ret), want: n, rule: "write_return" });
}

/** The learner's output (opaque.size and opaque.data), each read once and copied, must equal `want`. */
function expectContent(op: OutputData, want: Uint8Array, call: Text, sizeBefore = 0) {
  const size = readInt(op, "size", call);
  // A size below what was already written shrank (size = pos + n after a seek back): say so, not "keep every byte".
  const shrank = typeof size === "number" && size > 0 && size < sizeBefore;
  if (size !== want.length) fail("unit_state", { call, field: "opaque.size", got: size, want: want.length, rule: shrank ? "write_size" : "write_all" });
  const data = readBytes(op, "data", call);
  if (!data) fail("unit_state", { call, field: "opaque.data", got: "not a Uint8Array", want: "Uint8Array", rule: "write_all" });
  const at = firstDifference(data.subarray(0, want.length), want);
  if (at >= 0) fail("unit_state", { call, field: `opaque.data[${at}]`, got: data[at] ?? "undefined", want: want[at]!, rule: "write_all" });
}

/**
 * After 100 bytes written, the position moved to `from`: seek(offset, whence) must return `want`
 * and leave the write position at `pos` (and the size at 100).
 */
function expectOutputSeek(ctx: ExerciseContext, from: number, offset: number, whence: number, whenceText: string, want: number | "negative", pos: number, rule: RuleKey) {
  const op = empty();
  write(ctx, op, pattern(100), EMPTY);
  writeField(op, "pos", from, EMPTY);
  const call = mapText(text("{ 100 bytes written", "{ 已写入 100 字节"), (s) => `seek(${s}, pos: ${from} }, ${offset}, ${whenceText})`);
  const ret = callLearner(ctx, "seek", [op, offset, whence], call);
  const wanted = want === "negative" ? phrases.negative_averror : want;
  if (typeof ret !== "number" || !Number.isInteger(ret) || (want === "negative" ? ret >= 0 : ret !== want)) fail("unit_return", { call, got: shownReturn(ret), want: wanted, rule });
  const at = readInt(op, "pos", call);
  if (at !== pos) fail("unit_state", { call, field: "opaque.pos", got: at, want: pos, rule });
  const size = readInt(op, "size", call);
  if (size !== 100) fail("unit_state", { call, field: "opaque.size", got: size, want: 100, rule });
}

/** Muxes `media`'s PCM to `format` through the learner's callbacks and through FFmpeg's memory example; both must match. */
async function expectMux(ctx: ExerciseContext, media: string, format: "wav" | "flac", label: Text, buffer_size = 4096) {
  const input = await ctx.media.bytes(media);
  const src = decodeWithCallbacks(ctx.engine, { opaque: { data: input, pos: 0 }, read_packet: memory_read_packet, seek: memory_seek, sample_fmt: "s16" });
  if (!src.ok || !src.info) throw new Error(`reference decode of ${media} failed: ${src.error}`);
  const params = { format, pcm: src.pcm as Int16Array, sample_rate: src.info.sampleRate, channels: src.info.channels, buffer_size };
  const ref = empty();
  muxWithCallbacks(ctx.engine, { ...params, opaque: ref, write_packet: memory_write_packet, seek: memory_output_seek });
  const want = ref.data.subarray(0, ref.size);
  const mine = empty();
  const out = muxWithCallbacks(ctx.engine, {
    ...params,
    opaque: mine,
    write_packet: learnerFunction(ctx, "write_packet") as never,
    seek: learnerFunction(ctx, "seek") as never,
  });
  const trace = [...out.report.trace.head.slice(0, 6), ...out.report.trace.tail.slice(-10)];
  const d = out.report.diagnostics.find((x) => x.severity === "error");
  if (d) fail("mux_diagnostic", { media: label, message: d.message }, trace, d);
  if (!out.ok) fail("ffmpeg_failed", { media: label, stage: out.stage ?? "?", error: out.error ?? "?" }, trace);
  const data = readBytes(mine, "data", label) ?? new Uint8Array(0);
  const size = readInt(mine, "size", label);
  const got = typeof size === "number" && size >= 0 ? data.subarray(0, size) : new Uint8Array(0);
  const hint =
    format === "wav"
      ? text("The header sizes at bytes 4 and 40+ are patched by seeking back at the end.", "文件头中第 4 字节和第 40 字节起的长度字段，是在结尾时 seek 回去修补的。")
      : text("The STREAMINFO block is rewritten by seeking back at the end.", "STREAMINFO 块是在结尾时 seek 回去重写的。");
  const shown = format.toUpperCase();
  // Shorter than FFmpeg's but not empty: the size shrank when the muxer wrote after seeking back.
  const lengthHint = got.length > 0 && got.length < want.length ? mapText(hint, (h, lang) => `${h} ${phrases.write_size[lang]}`) : hint;
  if (got.length !== want.length) fail("output_length", { format: shown, got: got.length, want: want.length, hint: lengthHint }, trace);
  const at = firstDifference(got, want);
  if (at >= 0) fail("output_differs", { format: shown, index: at, got: got[at], want: want[at], hint }, trace);
}

export const tests: ExerciseTest[] = [
  {
    name: "keeps the bytes of one write",
    names: { "zh-cn": "保存一次写入的全部字节" },
    run(ctx) {
      const op = empty();
      const bytes = pattern(10);
      write(ctx, op, bytes, EMPTY);
      expectContent(op, bytes, text("write_packet(…, 10 bytes)", "write_packet(…, 10 字节)"));
    },
  },
  {
    name: "appends successive writes and grows past any initial capacity",
    names: { "zh-cn": "连续写入依次追加，容量不够时继续增长" },
    run(ctx) {
      const op = empty();
      const a = pattern(5000);
      const b = pattern(7000, 3);
      write(ctx, op, a, EMPTY);
      write(ctx, op, b, memoryState(5000));
      expectContent(
        op,
        new Uint8Array([...a, ...b]),
        text("two writes of 5000 and 7000 bytes", "write_packet(…, 5000 字节) 和 write_packet(…, 7000 字节)"),
      );
    },
  },
  {
    name: "seek(SEEK_SET) then write overwrites in place without changing the size",
    names: { "zh-cn": "seek(SEEK_SET) 之后再写入会原地覆盖，不改变 size" },
    run(ctx) {
      const op = empty();
      const a = pattern(100);
      write(ctx, op, a, EMPTY);
      const call = "seek(…, 4, SEEK_SET)";
      const ret = callLearner(ctx, "seek", [op, 4, SEEK_SET], call);
      if (ret !== 4) fail("unit_return", { call, got: shownReturn(ret), want: 4, rule: "write_seek" });
      write(ctx, op, new Uint8Array([1, 2, 3, 4]), memoryState(100, 4));
      const want = a.slice();
      want.set([1, 2, 3, 4], 4);
      expectContent(op, want, text("seek to 4 and write 4 bytes", "seek(…, 4, SEEK_SET) 和 write_packet(…, 4 字节)"), 100);
    },
  },
  {
    name: "AVSEEK_SIZE returns the bytes written so far",
    names: { "zh-cn": "AVSEEK_SIZE 返回目前已写入的字节数" },
    run(ctx) {
      const op = empty();
      write(ctx, op, pattern(300), EMPTY);
      const call = text("seek({ 300 bytes written }, 0, AVSEEK_SIZE)", "seek({ 已写入 300 字节 }, 0, AVSEEK_SIZE)");
      const ret = callLearner(ctx, "seek", [op, 0, AVSEEK_SIZE], call);
      if (ret !== 300) fail("unit_return", { call, got: shownReturn(ret), want: 300, rule: "seek_size" });
    },
  },
  {
    name: "SEEK_CUR and SEEK_END move relative to the position and to the bytes written",
    names: { "zh-cn": "SEEK_CUR 和 SEEK_END 分别相对当前位置和已写入的字节数移动" },
    run(ctx) {
      expectOutputSeek(ctx, 50, -10, SEEK_CUR, "SEEK_CUR", 40, 40, "seek_cur");
      expectOutputSeek(ctx, 50, 20, SEEK_CUR, "SEEK_CUR", 70, 70, "seek_cur");
      expectOutputSeek(ctx, 4, -20, SEEK_END, "SEEK_END", 80, 80, "seek_end");
    },
  },
  {
    name: "AVSEEK_FORCE is ignored, and a position before 0 is refused",
    names: { "zh-cn": "忽略 AVSEEK_FORCE，并拒绝小于 0 的位置" },
    run(ctx) {
      expectOutputSeek(ctx, 100, 8, SEEK_SET | AVSEEK_FORCE, "SEEK_SET | AVSEEK_FORCE", 8, 8, "seek_force");
      expectOutputSeek(ctx, 100, 0, SEEK_SET, "SEEK_SET", 0, 0, "seek_set");
      expectOutputSeek(ctx, 50, -1, SEEK_SET, "SEEK_SET", "negative", 50, "write_seek_negative");
      expectOutputSeek(ctx, 50, -(50 + 1), SEEK_CUR, "SEEK_CUR", "negative", 50, "write_seek_negative");
    },
  },
  {
    name: "muxes the WAV sample into a file identical to FFmpeg's",
    names: { "zh-cn": "把 WAV 示例封装成与 FFmpeg 写出的完全相同的文件" },
    run: (ctx) => expectMux(ctx, "wav-s16-22k-mono.wav", "wav", text("the WAV sample", "WAV 示例文件")),
  },
  {
    name: "muxes stereo PCM to WAV with a 512-byte buffer",
    names: { "zh-cn": "用 512 字节的缓冲区把立体声 PCM 封装成 WAV" },
    hidden: true,
    run: (ctx) => expectMux(ctx, "flac-44k-stereo.flac", "wav", text("hidden stereo audio", "立体声音频（隐藏测试）"), 512),
  },
  {
    name: "muxes to FLAC (STREAMINFO patched at the end)",
    names: { "zh-cn": "封装成 FLAC（结尾时回头修补 STREAMINFO）" },
    hidden: true,
    run: (ctx) => expectMux(ctx, "ogg-vorbis-44k-stereo.ogg", "flac", text("hidden FLAC output", "FLAC 输出（隐藏测试）")),
  },
];
