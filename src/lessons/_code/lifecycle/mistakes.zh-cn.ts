// 三个能编译、也“能用”的清理错误：音频能解码，JavaScript 里也不会崩溃。
// 运行它并读一读诊断，然后修正 main 末尾的清理代码。
import {
  AVERROR_EOF, AVMEDIA_TYPE_AUDIO, av_find_best_stream, av_free, av_malloc,
  avformat_alloc_context, avformat_close_input, avformat_find_stream_info, avformat_open_input,
  avio_alloc_context, decode_audio,
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
  const buffer = av_malloc(4096);
  const avio_ctx = avio_alloc_context(buffer, 4096, 0, { data: input, pos: 0 }, read_packet, null, null)!;
  const fmt_ctx = avformat_alloc_context();
  fmt_ctx.pb = avio_ctx;
  let ret = avformat_open_input(fmt_ctx, null, null, null);
  if (ret < 0) return ret; // 错误 1：出错的路径跳过了全部清理
  ret = avformat_find_stream_info(fmt_ctx, null);
  const idx = av_find_best_stream(fmt_ctx, AVMEDIA_TYPE_AUDIO, -1, -1, null, 0);
  if (idx >= 0) decode_audio(fmt_ctx, idx, { sample_fmt: "s16" });

  avformat_close_input(fmt_ctx);
  av_free(buffer); // 错误 2：libavformat 已替换并释放了这个缓冲区
  // 错误 3：没有调用 avio_context_free(avio_ctx)，avio_ctx.buffer 也从未释放
  return 0;
}
