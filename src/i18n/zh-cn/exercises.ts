// The grader's messages in Simplified Chinese.
import type { ExercisesStrings } from "../en/exercises.ts";
import { isWide } from "../wide.ts";
import { runtime } from "./runtime.ts";

// Chinese puts a space between Chinese and Latin text, none next to Chinese text or full-width
// punctuation: a param next to Chinese text gets a space on that side only if it needs one.
const sl = (v: string | number) => (isWide(String(v)) ? "" : " ") + v;
const sr = (v: string | number) => v + (isWide(String(v).slice(-1)) ? "" : " ");
const sb = (v: string | number) => sr(sl(v));

export const exercises: ExercisesStrings = {
  missing_export: (p) => `你的模块没有导出 ${p.name}。请导出它：export function ${p.name}(…) { … }`,
  empty_module: (p) =>
    `你的模块什么也没有导出（文件是空的，还是没有保存？）。请写出并导出 ${p.name}：export function ${p.name}(…) { … }`,
  default_export: (p) =>
    `你的模块有默认导出（export default），但没有名为 ${p.name} 的导出：FFmpeg 的回调函数是按名字查找的。请改用 export function ${p.name}(…) { … }。`,
  missing_const: (p) =>
    `${p.name} 必须是一个数字（export const ${p.name} = …;），但你的模块给出的是 ${p.got}。`,
  compile_error: (p) => `代码无法编译：${p.error}`,
  hidden_text: () => "（隐藏测试，不显示）",
  threw_while_loading: (p) => `你的模块在加载时抛出了异常：${p.error}`,
  import_denied: (p) => `你的模块导入了 ${p.module}，练习中不能使用它：只能从 "avio" 导入。`,
  threw: (p) => `${p.call} 抛出了 ${p.error}。C 回调函数不能抛出异常：请返回负的 AVERROR 错误码。`,
  copied_too_much: (p) =>
    `${p.call} 抛出了 ${p.error}：它向 buf 复制了超过 buf_size 个字节。最多只能复制 buf_size 个：const n = Math.min(buf_size, data.length - pos); buf.set(data.subarray(pos, pos + n)); return n;`,
  positive_errno: (p) =>
    `${p.call} 返回了${sl(p.got)}，应为${sl(p.want)}。错误码是负数：请返回 AVERROR(errno)，即 -errno（是 AVERROR(EIO)，不是 EIO）；正数会被当作字节数。`,
  diagnostic: (p) => `解码${sl(p.media)}：${p.message}`,
  mux_diagnostic: (p) => `封装${sl(p.media)}：${p.message}`,
  ffmpeg_failed: (p) => `解码${sb(p.media)}在 ${p.stage} 处失败：${p.error}。`,
  sample_count: (p) => `解码${sb(p.media)}得到每声道 ${p.got} 个采样；FFmpeg 直接读取文件得到 ${p.want} 个。`,
  pcm_differs: (p) =>
    `解码${sb(p.media)}得到的音频与 FFmpeg 直接读取文件的结果不同：你的 read_packet 交出的字节不是文件按顺序排列的字节（请直接对 opaque.data 取下标，不要用 opaque.data.buffer：data 可能是 byteOffset 不为 0 的视图）。`,
  unit_return: (p) => `${p.call} 返回了${sl(p.got)}，应为${sl(p.want)}。${p.rule}`,
  unit_overflow: (p) => `${p.call} 写到了 buf 之外：最多只能写入 ${p.limit} 个字节。${p.rule}`,
  unit_bytes: (p) => `${p.call} 写入 buf 的字节不对（第一个差异在 buf[${p.index}]）。${p.rule}`,
  unit_state: (p) => `调用${sb(p.call)}之后，${p.field} 为${sl(p.got)}，应为${sl(p.want)}。${p.rule}`,
  output_differs: (p) =>
    `你收集到的 ${p.format} 与 FFmpeg 的输出在第 ${p.index} 字节处不同（${p.got}，应为 ${p.want}）。${p.hint}`,
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
  timeout: (p) => runtime.timeout(Number(p.seconds)),
  engine_poisoned: () => `FFmpeg 在之前的测试中异常终止，这项测试无法运行。`,
  authoring_error: (p) =>
    `这项测试本身有错误（在练习的 tests.ts 中，不在你的代码里）：${p.error}。请告诉你的老师。`,
  submission_exited: (p) => `提交的进程在测试完成前退出了（退出码 ${p.code}）。`,
  submission_crashed: (p) => `提交的进程在测试完成前崩溃了（${p.signal}）。`,
  submission_oom: (p) => `内存不足：提交使用了超过 ${p.mb} MiB 的内存，已被停止。`,
  cpu_limit: (p) => `测试“${p.test}”用了 ${p.used} 秒 CPU 时间，达到了单项测试的上限：死循环？`,
  cpu_limit_load: (p) => `加载模块用了 ${p.used} 秒 CPU 时间，达到了上限：模块顶层有死循环？`,
  never_settled: (p) =>
    `测试“${p.test}”等了 ${p.seconds} 秒，没有使用 CPU，也没有结束：有一个永远不会完成的 Promise？`,
  grader_problem: (p) => `批改程序的问题：请重新批改这份提交（${p.reason}）。`,
  grader_slow: (p) =>
    `机器太忙，无法测量：过去了 ${p.seconds} 秒（墙钟时间），它只用了 ${p.used} 秒 CPU 时间`,
  grader_start: (p) => `它的进程无法启动：${p.error}`,
  grader_killed: (p) => `它的进程被评分程序以外的力量停止了（${p.signal}）`,
  entry_folder: () => "一个名字像 .ts 文件的文件夹：不评分",
  entry_link: () => "符号链接：不评分（从不跟随链接）",
  entry_fifo: () => "FIFO（命名管道）：不评分",
  entry_socket: () => "套接字：不评分",
  entry_device: () => "设备文件：不评分",
  entry_size: (p) => `${p.size}：超过了提交的 ${p.limit} 上限：不评分`,
  entry_unreadable: (p) => `无法读取（${p.code}）：不评分`,
  entry_no_export: (p) => `这个文件夹里没有导出 ${p.names} 的 .ts 文件：没有评分`,
  entry_helpers_bundle: (p) =>
    `导入了 ${p.module}：打包的批改程序（dist-grader）每位学生只批改一个文件，不支持辅助文件；请把那部分代码放进这个文件（或用 npm run grade 批改这个文件夹）`,
  entry_import: (p) => `导入了 ${p.module}，它不是同一文件夹中的 .ts 文件`,
  entry_handin: (p) =>
    `不是有效的提交文件或 /progress/ 导出（${p.reason}）：没有评分（从不采用文件中记录的浏览器结果）`,
  entry_handin_exercise: (p) => `这是练习 ${p.exercise} 的提交文件，不是本练习的：没有评分`,
  missing: () => "这位学生没有提交",
  unchanged: () => "原样交上来的初始代码（不计空白和注释）：没有可批改的内容，得 0 分",
  type_error: (p) =>
    `第 ${p.line} 行第 ${p.column} 列有类型错误：${p.text}（--strict-types：有类型错误的提交算未通过，得 0 分）`,
  type_check_size: (p) => `未做类型检查：${p.size} 超过类型检查 ${p.limit} 的上限`,
  type_check_time: () => "类型检查用时过长，已停止",
  type_check_crash: () => "TypeScript 无法检查这个文件（嵌套太深？）",
  message_cut: (p) => `…［另有 ${p.n} 个字符未显示］`,
  report_cap: (p) => `［未显示：这份提交的消息已达到 ${p.n} 个字符的上限］`,
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
    write_return:
      "write_packet 返回它收下的字节数：全部收下，即 buf_size（失败时返回负的 AVERROR）。FFmpeg 5.1 本身只检查是否为负数，所以返回 0 在那里不会报错：但约定是返回 buf_size。",
    byte_offset:
      "opaque.data 可能是一个更大 ArrayBuffer 上的视图（subarray，byteOffset ≠ 0）：请直接对 data 取下标（data.subarray(pos, pos + n)），不要用 new Uint8Array(data.buffer, pos, n)，它忽略了 byteOffset。",
    write_size:
      "opaque.size 是文件的长度，即写到过的最远位置：seek 回去之后的写入是原地覆盖，绝不能让它变小。",
    eof_complete: "所有字节都已到达时，结尾就是正常的结尾：此时 read_packet 返回 AVERROR_EOF，而不是错误码。",
    write_seek: "WAV 封装器会回头修补文件头里的长度：seek 必须移动写入位置。",
    write_seek_negative: "小于 0 的位置并不存在：返回负的 AVERROR（如 AVERROR(EINVAL)），并且不移动位置。",
  },
  phrases: {
    negative_averror: "负的 AVERROR 错误码",
    failedFor: (error, missing) => `${error}（${missing}）`,
    memoryState: (size, pos) => `{ ${size} 字节${pos} }`,
  },
  report: {
    head: ["提交", "通过", "状态", "第一个失败"],
    status: { pass: "通过", fail: "未通过", error: "出错", missing: "缺交", unchanged: "未修改" },
    failure: (title, message) => `${title}：${message}`,
    typeErrors: (n) => `${n} 个类型错误`,
    statusWithTypes: (status, n) => `${status}（${n} 个类型错误）`,
    typeErrorLine: (line, column, text) => `类型错误 ${line}:${column}：${text}`,
    consoleMore: (n) => `… 另有 ${n} 行`,
    summary: (n, c) =>
      `共 ${n} 份提交：${c.pass} 份通过，${c.fail} 份未通过，${c.error} 份出错${c.unchanged ? `，${c.unchanged} 份未修改` : ""}${c.missing ? `，${c.missing} 份缺交` : ""}。`,
  },
};
