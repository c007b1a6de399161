// 错误：抛出异常，而不是返回错误码。C 回调函数不能抛出异常，
// 所以引擎会捕获它，并把 AVERROR_EXTERNAL 交给 FFmpeg。
// 把 throw 换成 return AVERROR(EIO);，比较 FFmpeg 的说法有什么不同。
import { AVERROR, AVERROR_EOF, EIO } from "avio";

interface BufferData {
  data: Uint8Array;
  pos: number;
}

export function read_packet(opaque: BufferData, buf: Uint8Array, buf_size: number): number {
  if (opaque.pos >= 100000) throw new Error("connection lost"); // <- 错误在这里
  const n = Math.min(buf_size, opaque.data.length - opaque.pos);
  if (n <= 0) return AVERROR_EOF;
  buf.set(opaque.data.subarray(opaque.pos, opaque.pos + n));
  opaque.pos += n;
  return n;
}
