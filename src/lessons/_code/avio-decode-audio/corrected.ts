// "07-09 avio_decode_audio" with its defects fixed: every return value
// checked, the stream found instead of assumed, interleaved output asked for
// explicitly, and the cleanup that custom I/O needs.
import {
  AVERROR, AVERROR_EOF, AVMEDIA_TYPE_AUDIO, ENOMEM, av_find_best_stream, av_free,
  av_freep, av_malloc, avformat_alloc_context, avformat_close_input, avformat_find_stream_info,
  avformat_open_input, avio_alloc_context, avio_context_free, decode_audio, type AVFormatContext,
} from "avio";

const BUF_SIZE = 20480;

interface FILE { bytes: Uint8Array; pos: number }

function read_packet(opaque: FILE, buf: Uint8Array, buf_size: number): number {
  const n = Math.min(buf_size, opaque.bytes.length - opaque.pos);
  if (n <= 0) return AVERROR_EOF; // never 0
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
    av_free(io_buffer); // still ours: no context took it
    return AVERROR(ENOMEM);
  }
  let format_ctx: AVFormatContext | null = avformat_alloc_context();
  format_ctx.pb = avio_ctx;

  let ret = avformat_open_input(format_ctx, null, null, null);
  if (ret < 0) format_ctx = null; // freed by FFmpeg on failure
  if (format_ctx && ret >= 0) ret = avformat_find_stream_info(format_ctx, null);
  if (format_ctx && ret >= 0) ret = av_find_best_stream(format_ctx, AVMEDIA_TYPE_AUDIO, -1, -1, null, 0);
  if (format_ctx && ret >= 0) {
    // Whatever the decoder's native format (fltp for AAC and MP3, s16 for WAV,
    // s32p or s16 for FLAC), ask for interleaved float: libswresample converts.
    const out: Float32Array[] = [];
    const r = decode_audio(format_ctx, ret, {
      sample_fmt: "f32",
      on_samples: (samples) => void out.push(samples as Float32Array),
    });
    ret = r.ret; // 0 at the end of the stream, or the AVERROR that stopped decoding
  }

  avformat_close_input(format_ctx); // leaves our pb alone
  av_freep(avio_ctx, "buffer"); // the current buffer, not io_buffer
  avio_context_free(avio_ctx);
  return ret < 0 ? ret : 0;
}
