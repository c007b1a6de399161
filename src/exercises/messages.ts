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
  return typeof v === "object" && v !== null && typeof (v as Text).en === "string" && typeof (v as Text)["zh-cn"] === "string";
}

/** Text → the same text with `f` applied in every language. */
export function mapText(t: string | Text, f: (s: string, lang: Lang) => string): Text {
  return isText(t) ? { en: f(t.en, "en"), "zh-cn": f(t["zh-cn"], "zh-cn") } : { en: f(t, "en"), "zh-cn": f(t, "zh-cn") };
}

/** CJK and full-width characters (two terminal columns; no space next to them in Chinese). */
export function isWide(ch: string): boolean {
  return /^[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(ch);
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
  missing_export: (p: Params) => `Your module does not export ${p.name}. Export it: export function ${p.name}(…) { … }`,
  compile_error: (p: Params) => `Your code does not compile: ${p.error}`,
  threw_while_loading: (p: Params) => `Your module threw while loading: ${p.error}`,
  import_denied: (p: Params) => `Your module imports ${p.module}, which exercises cannot use: import only from "avio".`,
  threw: (p: Params) => `${p.call} threw ${p.error}. A C callback cannot throw: return a negative AVERROR code instead.`,
  diagnostic: (p: Params) => `Decoding ${p.media}: ${p.message}`,
  mux_diagnostic: (p: Params) => `Muxing ${p.media}: ${p.message}`,
  ffmpeg_failed: (p: Params) => `Decoding ${p.media} failed at ${p.stage}: ${p.error}.`,
  sample_count: (p: Params) => `Decoding ${p.media} gave ${p.got} samples per channel; FFmpeg reading the file directly gives ${p.want}.`,
  pcm_differs: (p: Params) => `Decoding ${p.media} gave different audio than FFmpeg reading the file directly: the bytes your read_packet delivered are not the file's bytes in order.`,
  unit_return: (p: Params) => `${p.call} returned ${p.got}; expected ${p.want}. ${p.rule}`,
  unit_overflow: (p: Params) => `${p.call} returned a write outside buf; expected at most ${p.limit} bytes written. ${p.rule}`,
  unit_bytes: (p: Params) => `${p.call} put the wrong bytes into buf (first difference at buf[${p.index}]). ${p.rule}`,
  unit_state: (p: Params) => `After ${p.call}, ${p.field} is ${p.got}; expected ${p.want}. ${p.rule}`,
  output_differs: (p: Params) => `The ${p.format} you collected differs from FFmpeg's at byte ${p.index} (${p.got} instead of ${p.want}); ${p.hint}`,
  output_length: (p: Params) => `The ${p.format} you collected is ${p.got} bytes; FFmpeg wrote ${p.want}. ${p.hint}`,
  leak_or_free: (p: Params) => `The engine's memory checker: ${p.message}`,
  no_lifecycle: () => `main() ran, but no AVIOContext was created: call avio_alloc_context.`,
  timeout: (p: Params) => runtimeMessages.en.timeout(Number(p.seconds)),
  engine_poisoned: () => `FFmpeg aborted in an earlier test; this test could not run.`,
  submission_exited: (p: Params) => `The submission's process exited (code ${p.code}) before its tests finished.`,
  submission_crashed: (p: Params) => `The submission's process crashed (${p.signal}) before its tests finished.`,
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
    seek_invalid: "A position before 0 or past the end is invalid: return a negative AVERROR such as AVERROR(EINVAL) and do not move.",
    chunks: "Cross chunk boundaries: a read may take bytes from several chunks.",
    write_all: "write_packet must keep every byte FFmpeg gives it, at the current position.",
    write_seek: "The WAV muxer seeks back to patch sizes in the header: seek must move the write position.",
  },
};

export type Messages = typeof en;
export type MessageKey = Exclude<keyof Messages, "rules">;
export type RuleKey = keyof Messages["rules"];

const zhCn: Messages = {
  missing_export: (p) => `你的模块没有导出 ${p.name}。请导出它：export function ${p.name}(…) { … }`,
  compile_error: (p) => `代码无法编译：${p.error}`,
  threw_while_loading: (p) => `你的模块在加载时抛出了异常：${p.error}`,
  import_denied: (p) => `你的模块导入了 ${p.module}，练习中不能使用它：只能从 "avio" 导入。`,
  threw: (p) => `${p.call} 抛出了 ${p.error}。C 回调函数不能抛出异常：请返回负的 AVERROR 错误码。`,
  diagnostic: (p) => `解码${sl(p.media)}：${p.message}`,
  mux_diagnostic: (p) => `封装${sl(p.media)}：${p.message}`,
  ffmpeg_failed: (p) => `解码${sb(p.media)}在 ${p.stage} 处失败：${p.error}。`,
  sample_count: (p) => `解码${sb(p.media)}得到每声道 ${p.got} 个采样；FFmpeg 直接读取文件得到 ${p.want} 个。`,
  pcm_differs: (p) => `解码${sb(p.media)}得到的音频与 FFmpeg 直接读取文件的结果不同：你的 read_packet 交出的字节不是文件按顺序排列的字节。`,
  unit_return: (p) => `${p.call} 返回了${sl(p.got)}，应为${sl(p.want)}。${p.rule}`,
  unit_overflow: (p) => `${p.call} 写到了 buf 之外：最多只能写入 ${p.limit} 个字节。${p.rule}`,
  unit_bytes: (p) => `${p.call} 写入 buf 的字节不对（第一个差异在 buf[${p.index}]）。${p.rule}`,
  unit_state: (p) => `调用${sb(p.call)}之后，${p.field} 为${sl(p.got)}，应为${sl(p.want)}。${p.rule}`,
  output_differs: (p) => `你收集到的 ${p.format} 与 FFmpeg 的输出在第 ${p.index} 字节处不同（${p.got}，应为 ${p.want}）；${p.hint}`,
  output_length: (p) => `你收集到的 ${p.format} 有 ${p.got} 字节；FFmpeg 写出了 ${p.want} 字节。${p.hint}`,
  leak_or_free: (p) => `引擎的内存检查：${p.message}`,
  no_lifecycle: () => `main() 运行了，但没有创建 AVIOContext：请调用 avio_alloc_context。`,
  timeout: (p) => runtimeMessages["zh-cn"].timeout(Number(p.seconds)),
  engine_poisoned: () => `FFmpeg 在之前的测试中异常终止，这项测试无法运行。`,
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
    chunks: "要跨越块的边界：一次读取可能用到多个块的字节。",
    write_all: "write_packet 必须在当前位置保存 FFmpeg 交给它的每一个字节。",
    write_seek: "WAV 封装器会回头修补文件头里的长度：seek 必须移动写入位置。",
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
