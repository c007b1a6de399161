// 已修正：它报告的是复制了的字节数（最多 buf_size），而不是剩余的字节数。
// FFmpeg 相信这个数字：关于 buf，它只知道这一点。
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
  return n; // buf 中现在有多少字节
}
