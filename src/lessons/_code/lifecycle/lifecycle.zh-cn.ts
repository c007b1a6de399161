// 完整的输入生命周期，顺序与 FFmpeg 的 doc/examples/avio_reading.c 相同。
// main 返回时，引擎的泄漏检测器会检查还有什么没有释放。
// 试一试：删掉 avio_context_free 那一行，或者释放 `buffer` 而不是
// avio_ctx.buffer，再运行一次。
import {
  AVERROR, AVERROR_EOF, AVMEDIA_TYPE_AUDIO, ENOMEM,
  av_find_best_stream, av_free, av_freep, av_malloc,
  avformat_alloc_context, avformat_close_input, avformat_find_stream_info, avformat_open_input,
  avio_alloc_context, avio_context_free, decode_audio, type AVFormatContext,
} from "avio";

interface BufferData { data: Uint8Array; pos: number }

function read_packet(opaque: BufferData, buf: Uint8Array, buf_size: number): number {
  const n = Math.min(buf_size, opaque.data.length - opaque.pos);
  if (n <= 0) return AVERROR_EOF;
  buf.set(opaque.data.subarray(opaque.pos, opaque.pos + n));
  opaque.pos += n;
  return n;
}

export function main(input: Uint8Array): number {
  const BUF_SIZE = 4096;
  // 1. I/O 缓冲区，由 FFmpeg 的分配器分配
  const buffer = av_malloc(BUF_SIZE);
  if (!buffer) return AVERROR(ENOMEM);
  // 2. AVIOContext；从这里开始 `buffer` 归它所有
  const avio_ctx = avio_alloc_context(buffer, BUF_SIZE, 0, { data: input, pos: 0 }, read_packet, null, null);
  if (!avio_ctx) {
    av_free(buffer);
    return AVERROR(ENOMEM);
  }
  // 3. 一个空的格式上下文，带上我们的 pb
  let fmt_ctx: AVFormatContext | null = avformat_alloc_context();
  fmt_ctx.pb = avio_ctx;
  // 4. 打开：探测 read_packet 返回的字节；没有 URL
  let ret = avformat_open_input(fmt_ctx, null, null, null);
  if (ret < 0) {
    fmt_ctx = null; // FFmpeg 已释放它（在 C 中它会把 fmt_ctx 设为 NULL）；avio_ctx 仍归我们所有
  } else {
    // 此时 fmt_ctx.flags 已设置 AVFMT_FLAG_CUSTOM_IO，而 avio_ctx.buffer
    // 通常已不再是 `buffer`：探测时它被替换了（ffio_rewind_with_probe_data）。
    // 5. 读取数据包，直到每个流的参数都已知
    ret = avformat_find_stream_info(fmt_ctx, null);
    if (ret >= 0) ret = av_find_best_stream(fmt_ctx, AVMEDIA_TYPE_AUDIO, -1, -1, null, 0);
    // 6. 解封装并解码到末尾（av_read_frame / avcodec_send_packet / avcodec_receive_frame）
    if (ret >= 0) {
      ret = decode_audio(fmt_ctx, ret, { sample_fmt: "s16" }).ret;
    }
  }
  // 7. 清理：每条路径上都要做，顺序与分配相反
  avformat_close_input(fmt_ctx); // 不会动自定义的 pb
  av_freep(avio_ctx, "buffer"); // 现在正在使用的缓冲区，未必是 `buffer`
  avio_context_free(avio_ctx);
  return ret < 0 ? ret : 0;
}
