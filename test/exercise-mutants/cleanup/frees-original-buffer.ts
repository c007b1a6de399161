// expect-fail: decodes the MP3 sample and frees everything :: double free: libavformat replaced this buffer
import {
  AVERROR,
  AVERROR_EOF,
  AVMEDIA_TYPE_AUDIO,
  ENOMEM,
  av_find_best_stream,
  av_free,
  av_freep,
  av_malloc,
  avformat_alloc_context,
  avformat_close_input,
  avformat_find_stream_info,
  avformat_open_input,
  avio_alloc_context,
  avio_context_free,
  decode_audio,
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
  const buffer = av_malloc(4096);
  const avio_ctx = avio_alloc_context(buffer, 4096, 0, { data: input, pos: 0 }, read_packet, null, null)!;
  let fmt_ctx: AVFormatContext | null = avformat_alloc_context();
  fmt_ctx.pb = avio_ctx;
  let ret = avformat_open_input(fmt_ctx, null, null, null);
  if (ret < 0) fmt_ctx = null;
  if (fmt_ctx) avformat_find_stream_info(fmt_ctx, null);
  if (fmt_ctx)
    ret =
      (ret = av_find_best_stream(fmt_ctx, AVMEDIA_TYPE_AUDIO, -1, -1, null, 0)) < 0
        ? ret
        : decode_audio(fmt_ctx, ret).ret;
  avformat_close_input(fmt_ctx);
  av_free(buffer); // the classic example's bug: libavformat replaced it while probing
  avio_context_free(avio_ctx);
  return Math.min(ret, 0);
}
void [AVERROR, ENOMEM, av_freep];
