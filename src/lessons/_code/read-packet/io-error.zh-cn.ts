// 正确的失败方式：读了 100,000 字节后“连接”断开，read_packet 返回负的
// AVERROR 错误码。看看 FFmpeg 读到了哪里，又说了什么。
import { AVERROR, AVERROR_EOF, EIO } from "avio";

interface BufferData {
  data: Uint8Array;
  pos: number;
}

export function read_packet(opaque: BufferData, buf: Uint8Array, buf_size: number): number {
  if (opaque.pos >= 100000) return AVERROR(EIO); // 真正的错误，而不是结束
  const n = Math.min(buf_size, opaque.data.length - opaque.pos);
  if (n <= 0) return AVERROR_EOF;
  buf.set(opaque.data.subarray(opaque.pos, opaque.pos + n));
  opaque.pos += n;
  return n;
}
