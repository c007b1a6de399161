// 修正了缺陷的“07-09 avio_decode_audio”：检查每个返回值，
// 查找音频流而不是假定它是流 0，明确要求交错输出，
// 并按自定义 I/O 的要求做清理。
import {
  AVERROR, AVERROR_EOF, AVMEDIA_TYPE_AUDIO, ENOMEM, av_find_best_stream, av_free,
  av_freep, av_malloc, avformat_alloc_context, avformat_close_input, avformat_find_stream_info,
  avformat_open_input, avio_alloc_context, avio_context_free, decode_audio, type AVFormatContext,
} from "avio";

const BUF_SIZE = 20480;

interface FILE { bytes: Uint8Array; pos: number }

function read_packet(opaque: FILE, buf: Uint8Array, buf_size: number): number {
  const n = Math.min(buf_size, opaque.bytes.length - opaque.pos);
  if (n <= 0) return AVERROR_EOF; // 绝不返回 0
  buf.set(opaque.bytes.subarray(opaque.pos, opaque.pos + n));
  opaque.pos += n;
  return n;
}

export function main(input: Uint8Array): number {
  const in_file: FILE = { bytes: input, pos: 0 };
  const io_buffer = av_malloc(BUF_SIZE);
  if (!io_buffer) return AVERROR(ENOMEM);
  const avio_ctx = avio_alloc_context(io_buffer, BUF_SIZE, 0, in_file, read_packet, null, null);
  if (!avio_ctx) {
    av_free(io_buffer); // 仍归我们所有：还没有上下文接管它
    return AVERROR(ENOMEM);
  }
  let format_ctx: AVFormatContext | null = avformat_alloc_context();
  format_ctx.pb = avio_ctx;

  let ret = avformat_open_input(format_ctx, null, null, null);
  if (ret < 0) format_ctx = null; // 失败时 FFmpeg 已释放它
  if (format_ctx && ret >= 0) ret = avformat_find_stream_info(format_ctx, null);
  if (format_ctx && ret >= 0) ret = av_find_best_stream(format_ctx, AVMEDIA_TYPE_AUDIO, -1, -1, null, 0);
  if (format_ctx && ret >= 0) {
    // 不管解码器的原生格式是什么（AAC 和 MP3 是 fltp，WAV 是 s16，
    // FLAC 是 s32p 或 s16），都要求交错的 float：由 libswresample 转换。
    const out: Float32Array[] = [];
    const r = decode_audio(format_ctx, ret, {
      sample_fmt: "f32",
      on_samples: (samples) => void out.push(samples as Float32Array),
    });
    ret = r.ret; // 到达流末尾时为 0，否则是让解码停止的 AVERROR
  }

  avformat_close_input(format_ctx); // 不会动我们的 pb
  av_freep(avio_ctx, "buffer"); // 当前的缓冲区，而不是 io_buffer
  avio_context_free(avio_ctx);
  return ret < 0 ? ret : 0;
}
