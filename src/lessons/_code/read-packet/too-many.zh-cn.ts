// 错误：它最多复制 buf_size 个字节，却报告了剩余的全部长度。
// 在 C 中，FFmpeg 会相信这个数字，读到实际写入的字节之外。
// 请修改标出的那一行。
import { AVERROR_EOF } from "avio";

interface BufferData {
  data: Uint8Array;
  pos: number;
}

export function read_packet(opaque: BufferData, buf: Uint8Array, buf_size: number): number {
  const left = opaque.data.length - opaque.pos;
  if (left <= 0) return AVERROR_EOF;
  const n = Math.min(buf_size, left);
  buf.set(opaque.data.subarray(opaque.pos, opaque.pos + n));
  opaque.pos += n;
  return left; // <- 应改为：return n;
}
