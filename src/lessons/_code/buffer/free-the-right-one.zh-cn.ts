// 有 bug 的清理：它释放的是自己分配的指针，而不是上下文现在使用的缓冲区。
// 运行它，读一读诊断，然后把标出的那一行改成 av_freep(avio_ctx, "buffer");
import {
  AVERROR_EOF, av_free, av_malloc, avformat_alloc_context, avformat_close_input,
  avformat_open_input, avio_alloc_context, avio_context_free,
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
  const buffer = av_malloc(4096);
  const avio_ctx = avio_alloc_context(buffer, 4096, 0, { data: input, pos: 0 }, read_packet, null, null);
  if (!avio_ctx) return;
  const fmt_ctx = avformat_alloc_context();
  fmt_ctx.pb = avio_ctx;
  if (avformat_open_input(fmt_ctx, null, null, null) >= 0) avformat_close_input(fmt_ctx);

  av_free(buffer); // <- bug 在这里：`buffer` 在探测时已被替换
  avio_context_free(avio_ctx);
}
