// Grader messages, keyed so the browser and the CLI (--lang) speak both
// languages from one source. A message names the rule broken; `rule` params
// are keys into `rules`.
export type MessageParams = Record<string, string | number>;

const en = {
  missing_export: (p: MessageParams) => `Your module does not export ${p.name}. Export it: export function ${p.name}(…) { … }`,
  compile_error: (p: MessageParams) => `Your code does not compile: ${p.error}`,
  threw: (p: MessageParams) => `${p.call} threw ${p.error}. A C callback cannot throw: return a negative AVERROR code instead.`,
  diagnostic: (p: MessageParams) => `Decoding ${p.media}: ${p.message}`,
  mux_diagnostic: (p: MessageParams) => `Muxing ${p.media}: ${p.message}`,
  ffmpeg_failed: (p: MessageParams) => `Decoding ${p.media} failed at ${p.stage}: ${p.error}.`,
  sample_count: (p: MessageParams) => `Decoding ${p.media} gave ${p.got} samples per channel; FFmpeg reading the file directly gives ${p.want}.`,
  pcm_differs: (p: MessageParams) => `Decoding ${p.media} gave different audio than FFmpeg reading the file directly: the bytes your read_packet delivered are not the file's bytes in order.`,
  unit_return: (p: MessageParams) => `${p.call} returned ${p.got}; expected ${p.want}. ${p.rule}`,
  unit_bytes: (p: MessageParams) => `${p.call} put the wrong bytes into buf (first difference at buf[${p.index}]). ${p.rule}`,
  unit_state: (p: MessageParams) => `After ${p.call}, ${p.field} is ${p.got}; expected ${p.want}. ${p.rule}`,
  output_differs: (p: MessageParams) => `The WAV you collected differs from FFmpeg's at byte ${p.index} (${p.got} instead of ${p.want}); ${p.hint}`,
  output_length: (p: MessageParams) => `The WAV you collected is ${p.got} bytes; FFmpeg wrote ${p.want}. ${p.hint}`,
  leak_or_free: (p: MessageParams) => `The engine's memory checker: ${p.message}`,
  no_lifecycle: () => `main() ran, but no AVIOContext was created: call avio_alloc_context.`,
  timeout: (p: MessageParams) => `Did not finish within ${p.seconds} s (endless loop?).`,
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
  threw: (p) => `${p.call} 抛出了 ${p.error}。C 回调函数不能抛出异常：请返回负的 AVERROR 错误码。`,
  diagnostic: (p) => `解码 ${p.media}：${p.message}`,
  mux_diagnostic: (p) => `封装 ${p.media}：${p.message}`,
  ffmpeg_failed: (p) => `解码 ${p.media} 在 ${p.stage} 处失败：${p.error}。`,
  sample_count: (p) => `解码 ${p.media} 得到每声道 ${p.got} 个采样；FFmpeg 直接读取文件得到 ${p.want} 个。`,
  pcm_differs: (p) => `解码 ${p.media} 得到的音频与 FFmpeg 直接读取文件的结果不同：你的 read_packet 交出的字节不是文件按顺序排列的字节。`,
  unit_return: (p) => `${p.call} 返回了 ${p.got}，应为 ${p.want}。${p.rule}`,
  unit_bytes: (p) => `${p.call} 写入 buf 的字节不对（第一个差异在 buf[${p.index}]）。${p.rule}`,
  unit_state: (p) => `调用 ${p.call} 之后，${p.field} 为 ${p.got}，应为 ${p.want}。${p.rule}`,
  output_differs: (p) => `你收集到的 WAV 与 FFmpeg 的输出在第 ${p.index} 字节处不同（${p.got}，应为 ${p.want}）；${p.hint}`,
  output_length: (p) => `你收集到的 WAV 有 ${p.got} 字节；FFmpeg 写出了 ${p.want} 字节。${p.hint}`,
  leak_or_free: (p) => `引擎的内存检查：${p.message}`,
  no_lifecycle: () => `main() 运行了，但没有创建 AVIOContext：请调用 avio_alloc_context。`,
  timeout: (p) => `没有在 ${p.seconds} 秒内完成（死循环？）。`,
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

export const messages: Record<"en" | "zh-cn", Messages> = { en, "zh-cn": zhCn };

/** Formats a keyed message; a `rule` param that is a rule key is replaced by its text. */
export function formatMessage(lang: "en" | "zh-cn", key: MessageKey, params: MessageParams): string {
  const m = messages[lang];
  const p = { ...params };
  if (typeof p.rule === "string" && p.rule in m.rules) p.rule = m.rules[p.rule as RuleKey];
  return (m[key] as (p: MessageParams) => string)(p);
}
