// 已修正：数据读完时，这里返回 AVERROR_EOF，而不是 0。
// fill_buffer() 会设置 eof_reached，每个解封装器都能干净地停下。
import { AVERROR_EOF } from "avio";

interface BufferData {
  data: Uint8Array;
  pos: number;
}

export function read_packet(opaque: BufferData, buf: Uint8Array, buf_size: number): number {
  const n = Math.min(buf_size, opaque.data.length - opaque.pos);
  if (n <= 0) return AVERROR_EOF; // 结束：绝不返回 0
  buf.set(opaque.data.subarray(opaque.pos, opaque.pos + n));
  opaque.pos += n;
  return n;
}
