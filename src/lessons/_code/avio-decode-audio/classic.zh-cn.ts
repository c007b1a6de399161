// 课程示例“07-09 avio_decode_audio”，逐行移植到本练习册的 API，
// 连缺陷也一并保留。“FILE *”是一个带读取位置的对象，fread() 从你选的
// 字节中复制数据。运行它：音频能解码出来，诊断会列出这个 C 程序
// 哪里写错了。
import {
  AVERROR_EOF, av_free, av_malloc, avformat_alloc_context, avformat_close_input,
  avformat_find_stream_info, avformat_open_input, avio_alloc_context, decode_audio,
} from "avio";

const BUF_SIZE = 20480;

// 代替 FILE *in_file = fopen(..., "rb")。
interface FILE { bytes: Uint8Array; pos: number }

function fread(dst: Uint8Array, size: number, file: FILE): number {
  const n = Math.min(size, file.bytes.length - file.pos);
  dst.set(file.bytes.subarray(file.pos, file.pos + n));
  file.pos += n;
  return n;
}

function read_packet(opaque: FILE, buf: Uint8Array, buf_size: number): number {
  const read_size = fread(buf, buf_size, opaque);
  if (read_size <= 0) return AVERROR_EOF;
  return read_size;
}

export function main(input: Uint8Array): void {
  const in_file: FILE = { bytes: input, pos: 0 };
  const io_buffer = av_malloc(BUF_SIZE);
  const avio_ctx = avio_alloc_context(io_buffer, BUF_SIZE, 0, in_file, read_packet, null, null);
  const format_ctx = avformat_alloc_context();
  format_ctx.pb = avio_ctx;
  avformat_open_input(format_ctx, null, null, null); // 忽略了返回值
  avformat_find_stream_info(format_ctx, null); // 填入采样率和声道数

  // 原程序对流 0 循环调用 av_read_frame → avcodec_send_packet → avcodec_receive_frame，
  // 并写出每一帧的采样；decode_audio 执行的就是这个循环。
  decode_audio(format_ctx, 0, { sample_fmt: "f32" });

  av_free(io_buffer); // 缺陷：这个指针已被 libavformat 替换（并释放）
  avformat_close_input(format_ctx);
  // 缺陷：从未调用 avio_context_free(avio_ctx)
}
