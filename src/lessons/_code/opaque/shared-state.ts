// Two AVIOContexts over the same file, e.g. one to inspect it and one to
// decode it. They share ONE state object: run it and see which open fails.
// Then give the second context its own state: { data: input, pos: 0 }.
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
  const second: BufferData = first; // <- shared: the bug

  const [a] = open(first);
  const [b] = open(second); // starts wherever the first context left pos

  for (const avio_ctx of [a, b]) {
    av_freep(avio_ctx, "buffer");
    avio_context_free(avio_ctx);
  }
}
