// The whole lifecycle, as in FFmpeg's avio_reading.c. It decodes — but it
// leaks, and on a file FFmpeg cannot open it leaks more. Make main() free
// everything it allocates, in the right order, on every path.
import {
  AVERROR, AVERROR_EOF, AVMEDIA_TYPE_AUDIO, ENOMEM, av_find_best_stream, av_free, av_malloc, avformat_alloc_context,
  avformat_close_input, avformat_find_stream_info, avformat_open_input, avio_alloc_context, decode_audio,
} from "avio";

interface BufferData { data: Uint8Array; pos: number }

function read_packet(opaque: BufferData, buf: Uint8Array, buf_size: number): number {
  const n = Math.min(buf_size, opaque.data.length - opaque.pos);
  if (n <= 0) return AVERROR_EOF;
  buf.set(opaque.data.subarray(opaque.pos, opaque.pos + n));
  opaque.pos += n;
  return n;
}

/** Decodes `input`; returns 0 or a negative AVERROR. */
export function main(input: Uint8Array): number {
  const BUF_SIZE = 4096;
  const buffer = av_malloc(BUF_SIZE);
  const avio_ctx = avio_alloc_context(buffer, BUF_SIZE, 0, { data: input, pos: 0 }, read_packet, null, null);
  if (!avio_ctx) return AVERROR(ENOMEM);
  const fmt_ctx = avformat_alloc_context();
  fmt_ctx.pb = avio_ctx;
  let ret = avformat_open_input(fmt_ctx, null, null, null);
  if (ret < 0) return ret;
  ret = avformat_find_stream_info(fmt_ctx, null);
  if (ret >= 0) ret = av_find_best_stream(fmt_ctx, AVMEDIA_TYPE_AUDIO, -1, -1, null, 0);
  if (ret >= 0) ret = decode_audio(fmt_ctx, ret, { sample_fmt: "s16" }).ret;
  avformat_close_input(fmt_ctx);
  av_free(buffer); // the pointer we allocated... is it still the buffer in use?
  return ret < 0 ? ret : 0;
}
