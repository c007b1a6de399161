// 已修正：连接断开用错误码表示，而不是抛出异常。FFmpeg 把 AVERROR(EIO)
// 存入 pb->error，并以 "I/O error" 停止：这个错误正是这里应有的结果，
// 因为数据确实不再到达了。
import { AVERROR, AVERROR_EOF, EIO } from "avio";

interface BufferData {
  data: Uint8Array;
  pos: number;
}

export function read_packet(opaque: BufferData, buf: Uint8Array, buf_size: number): number {
  if (opaque.pos >= 100000) return AVERROR(EIO); // “连接断开”：真正的错误
  const n = Math.min(buf_size, opaque.data.length - opaque.pos);
  if (n <= 0) return AVERROR_EOF;
  buf.set(opaque.data.subarray(opaque.pos, opaque.pos + n));
  opaque.pos += n;
  return n;
}
