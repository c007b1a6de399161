// 自定义输入的完整生命周期，写在一个函数里，顺序与 C 代码相同：
// 分配、打开、解码、清理。main() 接收所选文件的字节。
import {
  AVERROR_EOF, AVMEDIA_TYPE_AUDIO, av_find_best_stream, av_freep, av_malloc,
  avformat_alloc_context, avformat_close_input, avformat_find_stream_info,
  avformat_open_input, avio_alloc_context, avio_context_free, decode_audio,
} from "avio";

interface BufferData {
  data: Uint8Array;
  pos: number;
}

function read_packet(opaque: BufferData, buf: Uint8Array, buf_size: number): number {
  const n = Math.min(buf_size, opaque.data.length - opaque.pos);
  if (n <= 0) return AVERROR_EOF;
  buf.set(opaque.data.subarray(opaque.pos, opaque.pos + n));
  opaque.pos += n;
  return n;
}

export function main(input: Uint8Array): void {
  const bd: BufferData = { data: input, pos: 0 };
  const avio_ctx_buffer_size = 4096;

  // 1. I/O 缓冲区，由 FFmpeg 的分配器分配。
  const avio_ctx_buffer = av_malloc(avio_ctx_buffer_size);
  // 2. 上下文：缓冲区、大小、write_flag 0（输入）、你的状态、你的回调函数。
  const avio_ctx = avio_alloc_context(avio_ctx_buffer, avio_ctx_buffer_size, 0, bd, read_packet, null, null);
  if (!avio_ctx) return;
  // 3. 一个通过它读取数据的格式上下文。
  const fmt_ctx = avformat_alloc_context();
  fmt_ctx.pb = avio_ctx;
  // 4. 探测并打开：最初的几次 read_packet 调用发生在这里。
  if (avformat_open_input(fmt_ctx, null, null, null) >= 0) {
    avformat_find_stream_info(fmt_ctx, null);
    // 5. 解码最合适的音频流。
    const idx = av_find_best_stream(fmt_ctx, AVMEDIA_TYPE_AUDIO, -1, -1, null, 0);
    if (idx >= 0) decode_audio(fmt_ctx, idx, { sample_fmt: "f32" });
    avformat_close_input(fmt_ctx);
  }
  // 6. 清理：先释放现在正在使用的缓冲区（未必是 avio_ctx_buffer），再释放上下文。
  av_freep(avio_ctx, "buffer");
  avio_context_free(avio_ctx);
}
