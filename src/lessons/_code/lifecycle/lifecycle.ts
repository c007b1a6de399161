// The whole input lifecycle, in the order of FFmpeg's doc/examples/avio_reading.c.
// The engine's leak detector checks what is still allocated when main returns.
// Try: delete the avio_context_free line, or free `buffer` instead of
// avio_ctx.buffer, and run again.
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
  // 1. the I/O buffer, from FFmpeg's allocator
  const buffer = av_malloc(BUF_SIZE);
  if (!buffer) return AVERROR(ENOMEM);
  // 2. the AVIOContext; from here on it owns `buffer`
  const avio_ctx = avio_alloc_context(buffer, BUF_SIZE, 0, { data: input, pos: 0 }, read_packet, null, null);
  if (!avio_ctx) {
    av_free(buffer);
    return AVERROR(ENOMEM);
  }
  // 3. an empty format context with our pb
  let fmt_ctx: AVFormatContext | null = avformat_alloc_context();
  fmt_ctx.pb = avio_ctx;
  // 4. open: probe the bytes read_packet returns; no URL
  let ret = avformat_open_input(fmt_ctx, null, null, null);
  if (ret < 0) {
    fmt_ctx = null; // FFmpeg freed it (in C it sets fmt_ctx to NULL); avio_ctx is still ours
  } else {
    // Here fmt_ctx.flags has AVFMT_FLAG_CUSTOM_IO set, and avio_ctx.buffer is
    // usually no longer `buffer`: probing replaced it (ffio_rewind_with_probe_data).
    // 5. read packets until every stream's parameters are known
    ret = avformat_find_stream_info(fmt_ctx, null);
    if (ret >= 0) ret = av_find_best_stream(fmt_ctx, AVMEDIA_TYPE_AUDIO, -1, -1, null, 0);
    // 6. demux + decode to the end (av_read_frame / avcodec_send_packet / avcodec_receive_frame)
    if (ret >= 0) {
      ret = decode_audio(fmt_ctx, ret, { sample_fmt: "s16" }).ret;
    }
  }
  // 7. cleanup, on every path, in reverse order
  avformat_close_input(fmt_ctx); // does not touch a custom pb
  av_freep(avio_ctx, "buffer"); // the buffer in use NOW, maybe not `buffer`
  avio_context_free(avio_ctx);
  return ret < 0 ? ret : 0;
}
