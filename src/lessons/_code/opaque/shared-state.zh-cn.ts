// 同一个文件上的两个 AVIOContext，例如一个用来检查文件，一个用来解码。
// 它们共用同一个状态对象：运行它，看看哪一次打开失败了。
// 然后给第二个上下文一个自己的状态：{ data: input, pos: 0 }。
import {
  AVERROR_EOF, av_freep, av_malloc, avformat_alloc_context, avformat_close_input,
  avformat_open_input, avio_alloc_context, avio_context_free, type AVIOContext,
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

function open(state: BufferData): [AVIOContext, number] {
  const avio_ctx = avio_alloc_context(av_malloc(4096), 4096, 0, state, read_packet, null, null)!;
  const fmt_ctx = avformat_alloc_context();
  fmt_ctx.pb = avio_ctx;
  const ret = avformat_open_input(fmt_ctx, null, null, null);
  if (ret >= 0) avformat_close_input(fmt_ctx);
  return [avio_ctx, ret];
}

export function main(input: Uint8Array): void {
  const first: BufferData = { data: input, pos: 0 };
  const second: BufferData = first; // <- 共用了状态：bug 在这里

  const [a] = open(first);
  const [b] = open(second); // 从第一个上下文留下的 pos 处开始

  for (const avio_ctx of [a, b]) {
    av_freep(avio_ctx, "buffer");
    avio_context_free(avio_ctx);
  }
}
