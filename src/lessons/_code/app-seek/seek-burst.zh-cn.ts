// 从应用程序 seek：打开输入，用 av_seek_frame() 跳到 1 秒，再解码到结尾。
// 跟踪记录里夹在下面两行控制台输出之间的每一次 read_packet 和 seek 调用，都属于这次 seek：
// FFmpeg 正是通过调用你的回调函数找到了 1 秒处的帧。
// 试试：把 flags 设为 AVSEEK_FLAG_BACKWARD；stream_index 用 -1（时间戳的单位就变成
// AV_TIME_BASE）；用 AVSEEK_FLAG_BYTE 和一个字节位置；或者换一个样本（M4A、MP3、WAV）。
import {
  AVERROR, AVERROR_EOF, AVMEDIA_TYPE_AUDIO, AVSEEK_FORCE, AVSEEK_SIZE, EINVAL, ENOMEM,
  SEEK_CUR, SEEK_END, SEEK_SET,
  av_err2str, av_find_best_stream, av_free, av_freep, av_malloc, av_rescale_q, av_seek_frame,
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

function seek(opaque: BufferData, offset: number, whence: number): number {
  if (whence & AVSEEK_SIZE) return opaque.data.length;
  whence &= ~AVSEEK_FORCE;
  let pos: number;
  if (whence === SEEK_SET) pos = offset;
  else if (whence === SEEK_CUR) pos = opaque.pos + offset;
  else if (whence === SEEK_END) pos = opaque.data.length + offset;
  else return AVERROR(EINVAL);
  if (pos < 0 || pos > opaque.data.length) return AVERROR(EINVAL);
  opaque.pos = pos;
  return pos;
}

export function main(input: Uint8Array): number {
  const BUF_SIZE = 4096;
  const SECONDS = 1;
  const buffer = av_malloc(BUF_SIZE);
  if (!buffer) return AVERROR(ENOMEM);
  const avio_ctx = avio_alloc_context(buffer, BUF_SIZE, 0, { data: input, pos: 0 }, read_packet, null, seek);
  if (!avio_ctx) {
    av_free(buffer);
    return AVERROR(ENOMEM);
  }
  let fmt_ctx: AVFormatContext | null = avformat_alloc_context();
  fmt_ctx.pb = avio_ctx;
  let ret = avformat_open_input(fmt_ctx, null, null, null);
  if (ret < 0) fmt_ctx = null; // FFmpeg 已经释放了它
  if (fmt_ctx && ret >= 0) ret = avformat_find_stream_info(fmt_ctx, null);
  if (fmt_ctx && ret >= 0) ret = av_find_best_stream(fmt_ctx, AVMEDIA_TYPE_AUDIO, -1, -1, null, 0);
  if (fmt_ctx && ret >= 0) {
    const index = ret;
    // 时间戳以该流的 time_base 为单位：1 秒是 time_base.den / time_base.num 个单位。
    const { time_base } = fmt_ctx.stream(index);
    const ts = av_rescale_q(SECONDS, { num: 1, den: 1 }, time_base);
    console.log(`av_seek_frame(fmt_ctx, ${index}, ${ts}, 0), time_base ${time_base.num}/${time_base.den}`);
    ret = av_seek_frame(fmt_ctx, index, ts, 0);
    console.log(`av_seek_frame returned ${ret}${ret < 0 ? ` (${av_err2str(ret)})` : ""}`);
    if (ret >= 0) {
      const r = decode_audio(fmt_ctx, index, { sample_fmt: "f32" });
      console.log(`samples per channel after the seek: ${r.nb_samples}`);
      ret = r.ret;
    }
  }
  avformat_close_input(fmt_ctx);
  av_freep(avio_ctx, "buffer");
  avio_context_free(avio_ctx);
  return ret < 0 ? ret : 0;
}
