// 错误：数据读完时，这里返回 0 而不是 AVERROR_EOF。
// 对 FLAC，FFmpeg 5.1 不把 0 当作结束，会一直再次请求；
// 练习场的安全网会让它停下。请修改标出的那一行。
import { AVERROR_EOF } from "avio";

interface BufferData {
  data: Uint8Array;
  pos: number;
}

export function read_packet(opaque: BufferData, buf: Uint8Array, buf_size: number): number {
  const n = Math.min(buf_size, opaque.data.length - opaque.pos);
  if (n <= 0) return 0; // <- 应改为：return AVERROR_EOF;
  buf.set(opaque.data.subarray(opaque.pos, opaque.pos + n));
  opaque.pos += n;
  return n;
}
