// expect-fail: decodes the MP3 sample and frees everything :: gave 0 samples per channel
import {
  AVERROR,
  AVERROR_EOF,
  ENOMEM,
  av_free,
  av_freep,
  av_malloc,
  avformat_alloc_context,
  avformat_close_input,
  avformat_find_stream_info,
  avformat_open_input,
  avio_alloc_context,
  avio_context_free,
  type AVFormatContext,
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

export function main(input: Uint8Array): number {
  const BUF_SIZE = 4096;
  const buffer = av_malloc(BUF_SIZE);
  if (!buffer) return AVERROR(ENOMEM);
  const avio_ctx = avio_alloc_context(buffer, BUF_SIZE, 0, { data: input, pos: 0 }, read_packet, null, null);
  if (!avio_ctx) {
    av_free(buffer); // not owned by a context yet
    return AVERROR(ENOMEM);
  }
  let fmt_ctx: AVFormatContext | null = avformat_alloc_context();
  fmt_ctx.pb = avio_ctx;
  let ret = avformat_open_input(fmt_ctx, null, null, null);
  if (ret < 0) fmt_ctx = null; // freed by FFmpeg (in C: set to NULL); avio_ctx is still ours
  if (ret >= 0 && fmt_ctx) ret = avformat_find_stream_info(fmt_ctx, null);
  // forgets to decode: opens, probes and frees, and calls that success

  // end: reverse order of allocation, on every path.
  avformat_close_input(fmt_ctx); // does not free the custom pb
  av_freep(avio_ctx, "buffer"); // the buffer in use now: libavformat may have replaced ours
  avio_context_free(avio_ctx);
  return Math.min(ret, 0);
}
