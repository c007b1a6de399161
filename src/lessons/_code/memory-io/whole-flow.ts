// The whole custom-input lifecycle in one function, in the order of the C code:
// allocate, open, decode, clean up. main() receives the selected file's bytes.
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

  // 1. The I/O buffer, from FFmpeg's allocator.
  const avio_ctx_buffer = av_malloc(avio_ctx_buffer_size);
  // 2. The context: buffer, size, write_flag 0 (input), your state, your callbacks.
  const avio_ctx = avio_alloc_context(avio_ctx_buffer, avio_ctx_buffer_size, 0, bd, read_packet, null, null);
  if (!avio_ctx) return;
  // 3. A format context that reads through it.
  const fmt_ctx = avformat_alloc_context();
  fmt_ctx.pb = avio_ctx;
  // 4. Probe and open: the first read_packet calls happen here.
  if (avformat_open_input(fmt_ctx, null, null, null) >= 0) {
    avformat_find_stream_info(fmt_ctx, null);
    // 5. Decode the best audio stream.
    const idx = av_find_best_stream(fmt_ctx, AVMEDIA_TYPE_AUDIO, -1, -1, null, 0);
    if (idx >= 0) decode_audio(fmt_ctx, idx, { sample_fmt: "f32" });
    avformat_close_input(fmt_ctx);
  }
  // 6. Clean up: the buffer in use now (maybe not avio_ctx_buffer), then the context.
  av_freep(avio_ctx, "buffer");
  avio_context_free(avio_ctx);
}
