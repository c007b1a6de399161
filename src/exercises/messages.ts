// Grader messages, keyed so the browser and the CLI (--lang) speak both
// languages from one source. A message names the rule broken; `rule` params
// are keys into `rules`.
import type { Locale } from "../i18n/locales.ts";
import { runtimeMessages } from "../runtime/compile.ts";

export type Lang = Locale;
/** A piece of text in every language (a param that reads differently per language). */
export type Text = Record<Lang, string>;
export type MessageParams = Record<string, string | number | Text>;
/** Params as a message sees them: every Text already in the message's language. */
type Params = Record<string, string | number>;

export function text(en: string, zhCn: string): Text {
  return { en, "zh-cn": zhCn };
}

export function isText(v: unknown): v is Text {
  return (
    typeof v === "object" &&
    v !== null &&
    typeof (v as Text).en === "string" &&
    typeof (v as Text)["zh-cn"] === "string"
  );
}

/** Text → the same text with `f` applied in every language. */
export function mapText(t: string | Text, f: (s: string, lang: Lang) => string): Text {
  return isText(t)
    ? { en: f(t.en, "en"), "zh-cn": f(t["zh-cn"], "zh-cn") }
    : { en: f(t, "en"), "zh-cn": f(t, "zh-cn") };
}

/** CJK and full-width characters (two terminal columns; no space next to them in Chinese). */
export function isWide(ch: string): boolean {
  return /^[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(
    ch,
  );
}

// Chinese puts a space between Chinese and Latin text, none next to Chinese text or full-width
// punctuation: a param next to Chinese text gets a space on that side only if it needs one.
const sl = (v: string | number) => (isWide(String(v)) ? "" : " ") + v;
const sr = (v: string | number) => v + (isWide(String(v).slice(-1)) ? "" : " ");
const sb = (v: string | number) => sr(sl(v));

/** Phrases several exercises' tests use as params. */
export const phrases = {
  negative_averror: text("a negative AVERROR", "负的 AVERROR 错误码"),
} satisfies Record<string, Text>;

const en = {
  missing_export: (p: Params) =>
    `Your module does not export ${p.name}. Export it: export function ${p.name}(…) { … }`,
  missing_const: (p: Params) =>
    `${p.name} must be a number (export const ${p.name} = …;), but your module gives ${p.got}.`,
  compile_error: (p: Params) => `Your code does not compile: ${p.error}`,
  threw_while_loading: (p: Params) => `Your module threw while loading: ${p.error}`,
  import_denied: (p: Params) =>
    `Your module imports ${p.module}, which exercises cannot use: import only from "avio".`,
  threw: (p: Params) =>
    `${p.call} threw ${p.error}. A C callback cannot throw: return a negative AVERROR code instead.`,
  diagnostic: (p: Params) => `Decoding ${p.media}: ${p.message}`,
  mux_diagnostic: (p: Params) => `Muxing ${p.media}: ${p.message}`,
  ffmpeg_failed: (p: Params) => `Decoding ${p.media} failed at ${p.stage}: ${p.error}.`,
  sample_count: (p: Params) =>
    `Decoding ${p.media} gave ${p.got} samples per channel; FFmpeg reading the file directly gives ${p.want}.`,
  pcm_differs: (p: Params) =>
    `Decoding ${p.media} gave different audio than FFmpeg reading the file directly: the bytes your read_packet delivered are not the file's bytes in order.`,
  unit_return: (p: Params) => `${p.call} returned ${p.got}; expected ${p.want}. ${p.rule}`,
  unit_overflow: (p: Params) =>
    `${p.call} returned a write outside buf; expected at most ${p.limit} bytes written. ${p.rule}`,
  unit_bytes: (p: Params) =>
    `${p.call} put the wrong bytes into buf (first difference at buf[${p.index}]). ${p.rule}`,
  unit_state: (p: Params) => `After ${p.call}, ${p.field} is ${p.got}; expected ${p.want}. ${p.rule}`,
  output_differs: (p: Params) =>
    `The ${p.format} you collected differs from FFmpeg's at byte ${p.index} (${p.got} instead of ${p.want}); ${p.hint}`,
  output_length: (p: Params) =>
    `The ${p.format} you collected is ${p.got} bytes; FFmpeg wrote ${p.want}. ${p.hint}`,
  error_swallowed: (p: Params) =>
    `Decoding ${p.media} finished as if the file were complete (${p.samples} samples per channel), but the transfer broke with ${p.errno} after ${p.bytes} bytes: FFmpeg should have stopped with ${p.want}. ${p.rule}`,
  error_changed: (p: Params) =>
    `Decoding ${p.media} stopped at ${p.stage} with ${p.got}; the transfer broke with ${p.errno} after ${p.bytes} bytes, so FFmpeg should report ${p.want}. ${p.rule}`,
  error_early: (p: Params) =>
    `Decoding ${p.media} gave ${p.got} samples per channel before the error; the ${p.bytes} bytes that arrived hold ${p.samples}. ${p.rule}`,
  should_fail: (p: Params) => `Decoding ${p.media} ${p.got}, but this source cannot deliver it: ${p.rule}`,
  seek_broke_rules: (p: Params) =>
    `Decoding ${p.media}: ${p.call} returned ${p.got} and moved opaque.pos from ${p.from} to ${p.to}. ${p.rule}`,
  leak_or_free: (p: Params) => `The engine's memory checker: ${p.message}`,
  no_lifecycle: () => `main() ran, but no AVIOContext was created: call avio_alloc_context.`,
  timeout: (p: Params) => runtimeMessages.en.timeout(Number(p.seconds)),
  engine_poisoned: () => `FFmpeg aborted in an earlier test; this test could not run.`,
  /** An AuthoringError (harness.ts): the exercise's tests.ts threw by itself. */
  authoring_error: (p: Params) =>
    `This test has a bug of its own (in the exercise's tests.ts, not in your code): ${p.error}. Tell your teacher.`,
  submission_exited: (p: Params) =>
    `The submission's process exited (code ${p.code}) before its tests finished.`,
  submission_crashed: (p: Params) =>
    `The submission's process crashed (${p.signal}) before its tests finished.`,
  submission_oom: (p: Params) => `Out of memory: the submission used more than ${p.mb} MiB and was stopped.`,
  rules: {
    eof: "At the end of the data, read_packet must return AVERROR_EOF — never 0.",
    count: "read_packet returns the number of bytes it put into buf.",
    limit: "read_packet may fill at most buf_size bytes.",
    partial: "A read may return fewer than buf_size bytes; the next read continues where it stopped.",
    seek_set: "SEEK_SET: offset is the new absolute position; return it.",
    seek_cur: "SEEK_CUR: the new position is the current one plus offset.",
    seek_end: "SEEK_END: the new position is the size plus offset.",
    seek_size: "AVSEEK_SIZE: return the size in bytes and do not move.",
    seek_force: "AVSEEK_FORCE is a flag OR-ed into whence: mask it off.",
    seek_invalid:
      "A position before 0 or past the end is invalid: return a negative AVERROR such as AVERROR(EINVAL) and do not move.",
    seek_to_end:
      "The end itself (position = size) is a valid position: accept it; the next read_packet returns AVERROR_EOF.",
    propagate:
      "When the source fails, read_packet returns its error as a negative AVERROR, AVERROR(errno): not AVERROR_EOF, which would make a cut-off file look complete, and never 0.",
    deliver_first:
      "Hand over every byte that arrived first; report the error on the call after the last byte.",
    fwd_size:
      "AVSEEK_SIZE: this source knows its length (like an HTTP Content-Length): return it, and do not move.",
    fwd_ahead: "A move ahead within the window is possible: do it and return the new position.",
    fwd_refuse:
      "A move back, or ahead past the window, is impossible here: return a negative AVERROR such as AVERROR(ESPIPE) and do not move — never pretend.",
    fwd_seekable:
      "seekable tells demuxers they may jump anywhere. This source cannot: export seekable = 0 (seek then only answers AVSEEK_SIZE and refuses the rest).",
    fwd_moov:
      "this M4A keeps its index (moov) after the audio, and the audio cannot be read again once passed. FFmpeg must fail with its own error, not decode something else.",
    chunks: "Cross chunk boundaries: a read may take bytes from several chunks.",
    write_all: "write_packet must keep every byte FFmpeg gives it, at the current position.",
    write_seek: "The WAV muxer seeks back to patch sizes in the header: seek must move the write position.",
    write_seek_negative:
      "A position before 0 does not exist: return a negative AVERROR such as AVERROR(EINVAL) and do not move.",
  },
};

export type Messages = typeof en;
export type MessageKey = Exclude<keyof Messages, "rules">;
export type RuleKey = keyof Messages["rules"];

const zhCn: Messages = {
  missing_export: (p) => `你的模块没有导出 ${p.name}。请导出它：export function ${p.name}(…) { … }`,
  missing_const: (p) =>
    `${p.name} 必须是一个数字（export const ${p.name} = …;），但你的模块给出的是 ${p.got}。`,
  compile_error: (p) => `代码无法编译：${p.error}`,
  threw_while_loading: (p) => `你的模块在加载时抛出了异常：${p.error}`,
  import_denied: (p) => `你的模块导入了 ${p.module}，练习中不能使用它：只能从 "avio" 导入。`,
  threw: (p) => `${p.call} 抛出了 ${p.error}。C 回调函数不能抛出异常：请返回负的 AVERROR 错误码。`,
  diagnostic: (p) => `解码${sl(p.media)}：${p.message}`,
  mux_diagnostic: (p) => `封装${sl(p.media)}：${p.message}`,
  ffmpeg_failed: (p) => `解码${sb(p.media)}在 ${p.stage} 处失败：${p.error}。`,
  sample_count: (p) => `解码${sb(p.media)}得到每声道 ${p.got} 个采样；FFmpeg 直接读取文件得到 ${p.want} 个。`,
  pcm_differs: (p) =>
    `解码${sb(p.media)}得到的音频与 FFmpeg 直接读取文件的结果不同：你的 read_packet 交出的字节不是文件按顺序排列的字节。`,
  unit_return: (p) => `${p.call} 返回了${sl(p.got)}，应为${sl(p.want)}。${p.rule}`,
  unit_overflow: (p) => `${p.call} 写到了 buf 之外：最多只能写入 ${p.limit} 个字节。${p.rule}`,
  unit_bytes: (p) => `${p.call} 写入 buf 的字节不对（第一个差异在 buf[${p.index}]）。${p.rule}`,
  unit_state: (p) => `调用${sb(p.call)}之后，${p.field} 为${sl(p.got)}，应为${sl(p.want)}。${p.rule}`,
  output_differs: (p) =>
    `你收集到的 ${p.format} 与 FFmpeg 的输出在第 ${p.index} 字节处不同（${p.got}，应为 ${p.want}）；${p.hint}`,
  output_length: (p) => `你收集到的 ${p.format} 有 ${p.got} 字节；FFmpeg 写出了 ${p.want} 字节。${p.hint}`,
  error_swallowed: (p) =>
    `解码${sb(p.media)}像文件完整一样结束了（每声道 ${p.samples} 个采样），但传输在 ${p.bytes} 字节后因 ${p.errno} 中断：FFmpeg 应当以${sl(p.want)} 停止。${p.rule}`,
  error_changed: (p) =>
    `解码${sb(p.media)}在 ${p.stage} 处以${sl(p.got)} 停止；传输在 ${p.bytes} 字节后因 ${p.errno} 中断，FFmpeg 应当报告${sl(p.want)}。${p.rule}`,
  error_early: (p) =>
    `解码${sb(p.media)}在出错前得到每声道 ${p.got} 个采样；已到达的 ${p.bytes} 字节包含 ${p.samples} 个。${p.rule}`,
  should_fail: (p) => `解码${sb(p.media)}${p.got}，但这个数据源无法提供它：${p.rule}`,
  seek_broke_rules: (p) =>
    `解码${sl(p.media)}：${p.call} 返回了${sl(p.got)}，并把 opaque.pos 从 ${p.from} 移到了 ${p.to}。${p.rule}`,
  leak_or_free: (p) => `引擎的内存检查：${p.message}`,
  no_lifecycle: () => `main() 运行了，但没有创建 AVIOContext：请调用 avio_alloc_context。`,
  timeout: (p) => runtimeMessages["zh-cn"].timeout(Number(p.seconds)),
  engine_poisoned: () => `FFmpeg 在之前的测试中异常终止，这项测试无法运行。`,
  authoring_error: (p) =>
    `这项测试本身有错误（在练习的 tests.ts 中，不在你的代码里）：${p.error}。请告诉你的老师。`,
  submission_exited: (p) => `提交的进程在测试完成前退出了（退出码 ${p.code}）。`,
  submission_crashed: (p) => `提交的进程在测试完成前崩溃了（${p.signal}）。`,
  submission_oom: (p) => `内存不足：提交使用了超过 ${p.mb} MiB 的内存，已被停止。`,
  rules: {
    eof: "数据读完时，read_packet 必须返回 AVERROR_EOF，绝不能返回 0。",
    count: "read_packet 返回它写入 buf 的字节数。",
    limit: "read_packet 最多只能写入 buf_size 个字节。",
    partial: "一次读取可以少于 buf_size 字节；下一次读取从上次停下的地方继续。",
    seek_set: "SEEK_SET：offset 就是新的绝对位置；返回它。",
    seek_cur: "SEEK_CUR：新位置是当前位置加上 offset。",
    seek_end: "SEEK_END：新位置是总大小加上 offset。",
    seek_size: "AVSEEK_SIZE：返回总字节数，并且不移动位置。",
    seek_force: "AVSEEK_FORCE 是按位或进 whence 的标志：先把它屏蔽掉。",
    seek_invalid: "小于 0 或超过末尾的位置是无效的：返回负的 AVERROR（如 AVERROR(EINVAL)），并且不移动位置。",
    seek_to_end: "末尾本身（位置等于总大小）是合法的位置：要接受它；之后 read_packet 返回 AVERROR_EOF。",
    propagate:
      "数据源出错时，read_packet 要把它的错误作为负的 AVERROR 返回，即 AVERROR(errno)：不能返回 AVERROR_EOF（那会让被截断的文件看起来是完整的），更不能返回 0。",
    deliver_first: "先交出已到达的每一个字节；在最后一个字节之后的那次调用里再报告错误。",
    fwd_size:
      "AVSEEK_SIZE：这个数据源知道自己的长度（就像 HTTP 的 Content-Length）：返回它，并且不移动位置。",
    fwd_ahead: "在窗口内向前移动是可以做到的：移动过去，并返回新位置。",
    fwd_refuse:
      "在这里，向后移动或向前超出窗口都做不到：返回负的 AVERROR（如 AVERROR(ESPIPE)），并且不移动位置，绝不能假装成功。",
    fwd_seekable:
      "seekable 告诉解封装器可以随意跳转。这个数据源做不到：导出 seekable = 0（这样 seek 只需回答 AVSEEK_SIZE，其余请求一律拒绝）。",
    fwd_moov:
      "这个 M4A 把索引（moov）放在音频之后，而音频一旦读过就无法再读。FFmpeg 必须以它自己的错误失败，而不是解码出别的东西。",
    chunks: "要跨越块的边界：一次读取可能用到多个块的字节。",
    write_all: "write_packet 必须在当前位置保存 FFmpeg 交给它的每一个字节。",
    write_seek: "WAV 封装器会回头修补文件头里的长度：seek 必须移动写入位置。",
    write_seek_negative: "小于 0 的位置并不存在：返回负的 AVERROR（如 AVERROR(EINVAL)），并且不移动位置。",
  },
};

export const messages: Record<Lang, Messages> = { en, "zh-cn": zhCn };

/** Formats a keyed message: Text params in `lang`; a `rule` param that is a rule key is replaced by its text. */
export function formatMessage(lang: Lang, key: MessageKey, params: MessageParams = {}): string {
  const m = messages[lang];
  const p: Params = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, isText(v) ? v[lang] : v]));
  if (typeof p.rule === "string" && p.rule in m.rules) p.rule = m.rules[p.rule as RuleKey];
  return (m[key] as (p: Params) => string)(p);
}
