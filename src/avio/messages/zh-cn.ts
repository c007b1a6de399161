// avio's section of the Simplified Chinese catalogue: the same facts as en.ts, key for key.
import { type AvioStrings, type ComponentName, withCodeName } from "./en.ts";

const diagnostics: AvioStrings["diagnostics"] = {
  read_packet_returned_zero: (p) =>
    `read_packet 在第 ${p.call} 次调用时返回了 0——到达流末尾时，FFmpeg 要求返回 AVERROR_EOF（0 并不表示结束：avio_read() 直接读进调用者的内存时，会立即再次调用 read_packet，永无止境；否则它返回 0 个字节，由解封装器决定怎么办）。`,
  read_packet_zero_loop: (p) =>
    `已停止：read_packet 连续 ${p.count} 次返回 0（第 ${p.first}–${p.call} 次调用）。在这里 FFmpeg 5.1 会一直调用下去（会不会这样，取决于格式以及每次读取请求多少字节）；没有剩余字节时请返回 AVERROR_EOF。`,
  read_packet_overflow: (p) =>
    `read_packet 在第 ${p.call} 次调用时返回了 ${p.value}，超过了 buf_size（${p.buf_size}）——它最多只能填入 buf_size 个字节，并且必须返回实际写入的字节数。引擎中止了这次读取（否则 FFmpeg 会读到缓冲区之外）。`,
  callback_not_integer: (p) =>
    `${p.callback} 在第 ${p.call} 次调用时返回了 ${p.value}——它必须返回整数（不小于 0 的字节数或位置，或者负的 AVERROR 错误码）。`,
  callback_threw: (p) =>
    `${p.callback} 在第 ${p.call} 次调用时抛出了异常：${p.value}。C 回调函数不能抛出异常，请改为返回负的 AVERROR（引擎向 FFmpeg 返回了 AVERROR_EXTERNAL）。`,
  callback_threw_unshowable: (p) =>
    `${p.callback} 在第 ${p.call} 次调用时抛出了一个无法显示的值（它的 name 和 message 不是普通文本）。C 回调函数不能抛出异常，请改为返回负的 AVERROR（引擎向 FFmpeg 返回了 AVERROR_EXTERNAL）。`,
  buffer_detached: (p) =>
    `${p.callback} 在第 ${p.call} 次调用时把 buf 交出去了（它的 ArrayBuffer 被转移，里面已经没有字节）。buf 是 FFmpeg 在这次调用中借给你的内存：请就地填充它。引擎中止了这次读取。`,
  read_budget_exceeded: (p) =>
    `read_packet 调用了 ${p.calls} 次、读取了 ${p.bytes} 字节仍未到达末尾，已停止（上限：${p.maxCalls} 次调用 / ${p.maxBytes} 字节）。read_packet 是否推进了读取位置，并在末尾返回 AVERROR_EOF？`,
  seek_wrong_position: (p) =>
    `seek(offset=${p.offset}, ${p.whence}) 在第 ${p.call} 次调用时返回了 ${p.value}——SEEK_SET 之后必须返回新的绝对位置 ${p.offset}。FFmpeg 现在认为位置是 ${p.offset}。`,
  seek_size_wrong: (p) =>
    `seek(…, AVSEEK_SIZE) 在第 ${p.call} 次调用时返回了 ${p.value}，但流的大小是 ${p.size} 字节——AVSEEK_SIZE 询问的是总大小，而且不能移动位置。`,
  seek_size_fallback: (p) =>
    `seek(…, AVSEEK_SIZE) 在第 ${p.call} 次调用时返回了 ${p.value}，而输入的大小是已知的（${p.size} 字节）——于是 FFmpeg 退而求其次：avio_size()（libavformat/aviobuf.c）改用 seek(-1, SEEK_END) 找到最后一个字节，再 seek 回原处；每次需要大小都要多两次调用。请对 AVSEEK_SIZE 直接返回大小。`,
  seek_force_not_masked: (p) =>
    `第 ${p.call} 次调用时，seek 对 whence ${p.whence} 返回了失败——AVSEEK_FORCE 是按位或进 whence 的标志；请先去掉它（whence & ~AVSEEK_FORCE），再照常 seek。`,
  output_differs: (p) =>
    `你保存的字节不是 FFmpeg 写出的文件：FFmpeg 写了 ${p.expected} 字节，你保存了 ${p.got} 字节，两者从第 ${p.at} 字节起不同——write_packet 必须把每个 buf 存到当前位置（seek 会把位置移回去修补文件头），文件在写到的最远字节处结束。`,
  write_packet_modified_buffer: (p) =>
    `write_packet 在第 ${p.call} 次调用时修改了 buf 中的字节——FFmpeg 的文档禁止修改它交给你的缓冲区；需要时请复制一份。`,
  double_free_replaced_buffer: (p) =>
    `重复释放：libavformat 已经替换并释放了这个缓冲区（${p.ptr}）——应释放 avio_ctx.buffer（现在是 ${p.current}），而不是你传给 avio_alloc_context 的指针。`,
  double_free: (p) =>
    `重复释放：${p.what === "this pointer" ? "这个指针" : p.what}（${p.ptr}）已经被释放过。引擎忽略了第二次释放（在 C 中这会破坏堆）。`,
  invalid_free: (p) => `无效释放：${p.ptr} 不是 av_malloc 返回的指针。引擎忽略了这次释放。`,
  buffer_not_av_malloc: (p) =>
    `avio_alloc_context：缓冲区（${p.ptr}）必须来自 av_malloc——FFmpeg 可能会用 av_free 释放并替换它。`,
  leak_avio_context: () =>
    `内存泄漏：有一个 AVIOContext 从未被释放——请调用 avio_context_free(avio_ctx)（avformat_close_input 不会释放自定义的 pb）。`,
  leak_avio_buffer: (p) =>
    `内存泄漏：AVIOContext 的缓冲区（${p.ptr}，${p.size} 字节）从未被释放——请在 avio_context_free 之前调用 av_freep(avio_ctx, "buffer")。`,
  leak_av_malloc: (p) => `内存泄漏：av_malloc 分配的 ${p.size} 字节（${p.ptr}）从未被释放。`,
  leak_format_context: (p) =>
    `内存泄漏：有一个${p.kind === "input" ? "用于输入的" : p.kind === "output" ? "用于输出的" : ""} AVFormatContext 从未被释放——请调用 ${p.fix}。`,
  ffmpeg_error: (p) => `${p.fn} 失败：${p.error}（${p.code}）。`,
  more_of_the_same: (p) => `……另有 ${p.n} 条相同的问题（${p.code}），未列出。`,
};

export const avio: AvioStrings = {
  diagnostics,
  diagnostic: (d) => {
    const text = diagnostics[d.code](withCodeName(d.params));
    return typeof d.params.line === "number" ? `第 ${d.params.line} 行：${text}` : text;
  },

  missing: {
    decoders: (items: ComponentName[]) => items.map((c) => c.name).join("、"),
    demuxers: (items: ComponentName[]) => items.map((c) => `${c.name}：${c.description}`).join("；"),
    named: (name, description) => `${name}（${description}）`,
    unknownCodec: (tag, decoders) =>
      `容器已经打开，但其中音频所用的编解码器 FFmpeg 不认识（容器中的编解码器标签为 ${tag}），任何 FFmpeg 都无法解码它。已内置的解码器：${decoders}。请换一个文件。`,
    noDecoder: (what, decoders) =>
      `本工作簿的 FFmpeg 没有 ${what}${what.endsWith("）") ? "" : " "}的解码器：容器已经打开，但其中的音频在这里无法解码。已内置的解码器：${decoders}。请把文件转换为其中一种格式（例如 ffmpeg -i 输入文件 -c:a flac 输出.flac），或换一个文件。`,
    nothingToProbe: `没有可供探测的数据：read_packet 在交出任何字节之前就返回了 AVERROR_EOF，所以 FFmpeg 无法判断格式（“Invalid data found when processing input”）。要么输入是空的，要么 read_packet 没有从位置 0 开始复制数据并返回复制的字节数。`,
    foundWith: (description, name) =>
      `${description} 文件，FFmpeg 用 ${name} 解封装器读取它，而这里没有内置该解封装器`,
    foundUnread: (description) => `${description}，FFmpeg 没有能读取它的解封装器`,
    scoredThenFailed: (name, score) =>
      `已内置的解封装器中只有 ${name} 给了它分数（${score}/100），随后打开失败——FFmpeg 报告的就是这个错误。`,
    noDemuxer: (found, guess, demuxers) =>
      `本工作簿的 FFmpeg 没有这种格式的解封装器：探测发现这是 ${found}。${guess}数据本身不一定有问题。已内置的解封装器——${demuxers}。`,
    closest: (name, score) => `最接近的是 ${name}，得分 ${score}/100，不足以确认`,
    noneScored: "没有任何解封装器给出高于 0 的得分",
    unrecognised: (bytes, head, closest, demuxers) =>
      `本工作簿的 FFmpeg 没有能识别这种格式的解封装器：探测了开头的 ${bytes} 个字节（${head}），没有认出已知的文件签名；已内置的解封装器中${closest}。已内置的解封装器——${demuxers}。`,
  },
};
