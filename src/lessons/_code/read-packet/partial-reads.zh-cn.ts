// 一个正确的 read_packet，每次调用最多返回 1000 字节，就像套接字常常
// 给你的比你要的少。FFmpeg 只会再调用一次。修改 CHUNK（试试 1 或 100000），
// 观察调用记录。
import { AVERROR_EOF } from "avio";

const CHUNK = 1000;

interface BufferData {
  data: Uint8Array;
  pos: number;
}

export function read_packet(opaque: BufferData, buf: Uint8Array, buf_size: number): number {
  const left = opaque.data.length - opaque.pos;
  if (left <= 0) return AVERROR_EOF; // 结束：返回负的错误码，绝不返回 0
  const n = Math.min(buf_size, left, CHUNK); // 少于 buf_size 也没问题
  buf.set(opaque.data.subarray(opaque.pos, opaque.pos + n));
  opaque.pos += n;
  return n; // buf 中现在有多少字节
}
