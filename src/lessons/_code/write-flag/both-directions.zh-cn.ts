// 一个程序里的两个方向：输入上下文（write_flag 0，read_packet）为解码器提供数据；
// 输出上下文（write_flag 1，write_packet）接收 WAV 封装器写出的内容。
// 把 OUTPUT_WRITE_FLAG 改成 0，再运行一次。
import {
  AVERROR_EOF, AVMEDIA_TYPE_AUDIO, av_find_best_stream, av_freep, av_malloc, av_write_trailer,
  avformat_alloc_context, avformat_alloc_output_context2, avformat_close_input,
  avformat_find_stream_info, avformat_free_context, avformat_new_stream, avformat_open_input,
  avformat_write_header, avio_alloc_context, avio_context_free, decode_audio, write_audio_samples,
} from "avio";

const OUTPUT_WRITE_FLAG = 1;

interface Input {
  data: Uint8Array;
  pos: number;
}
interface Output {
  chunks: Uint8Array[];
  size: number;
}

function read_packet(opaque: Input, buf: Uint8Array, buf_size: number): number {
  const n = Math.min(buf_size, opaque.data.length - opaque.pos);
  if (n <= 0) return AVERROR_EOF;
  buf.set(opaque.data.subarray(opaque.pos, opaque.pos + n));
  opaque.pos += n;
  return n;
}

function write_packet(opaque: Output, buf: Uint8Array, buf_size: number): number {
  opaque.chunks.push(buf.slice(0, buf_size)); // 复制一份：FFmpeg 会重复使用 buf
  opaque.size += buf_size;
  return buf_size;
}

export function main(input: Uint8Array): void {
  // 输入：FFmpeg 读取数据，所以 write_flag = 0，只提供 read_packet。
  const in_ctx = avio_alloc_context(av_malloc(4096), 4096, 0, { data: input, pos: 0 }, read_packet, null, null)!;
  const ifmt = avformat_alloc_context();
  ifmt.pb = in_ctx;
  const pcm: Int16Array[] = [];
  let rate = 0;
  let channels = 0;
  if (avformat_open_input(ifmt, null, null, null) >= 0) {
    avformat_find_stream_info(ifmt, null);
    const idx = av_find_best_stream(ifmt, AVMEDIA_TYPE_AUDIO, -1, -1, null, 0);
    const r = decode_audio(ifmt, idx, { sample_fmt: "s16", on_samples: (s) => void pcm.push(s as Int16Array) });
    rate = r.sample_rate;
    channels = r.channels;
    avformat_close_input(ifmt);
  }
  av_freep(in_ctx, "buffer");
  avio_context_free(in_ctx);

  // 输出：FFmpeg 写入数据，所以 write_flag = 1，只提供 write_packet。
  const out: Output = { chunks: [], size: 0 };
  const out_ctx = avio_alloc_context(av_malloc(4096), 4096, OUTPUT_WRITE_FLAG, out, null, write_packet, null)!;
  const ofmt = avformat_alloc_output_context2(null, "wav", null)!;
  ofmt.pb = out_ctx;
  const st = avformat_new_stream(ofmt, { encoder: "pcm_s16le", sample_rate: rate, channels });
  if (st && avformat_write_header(ofmt, null) >= 0) {
    for (const s of pcm) write_audio_samples(st, s);
    av_write_trailer(ofmt);
  }
  avformat_free_context(ofmt);
  av_freep(out_ctx, "buffer");
  avio_context_free(out_ctx);
  if (out.size === 0) throw new Error("write_packet was never called: the output is empty");
}
