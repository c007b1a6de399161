// 一个知道自己长度、却无法移动的数据源：带 Content-Length 的下载，
// 或者生产者事先告知了大小的管道。seek 回答 AVSEEK_SIZE，
// 对每一次移动都返回 AVERROR(ESPIPE) 拒绝。
import { AVERROR, AVERROR_EOF, AVSEEK_SIZE, ESPIPE } from "avio";

interface Download {
  data: Uint8Array; // 代表还没到达的字节
  pos: number;
}

export function read_packet(opaque: Download, buf: Uint8Array, buf_size: number): number {
  const n = Math.min(buf_size, opaque.data.length - opaque.pos);
  if (n <= 0) return AVERROR_EOF;
  buf.set(opaque.data.subarray(opaque.pos, opaque.pos + n));
  opaque.pos += n;
  return n;
}

export function seek(opaque: Download, _offset: number, whence: number): number {
  if (whence & AVSEEK_SIZE) return opaque.data.length; // 量一量大小可以
  return AVERROR(ESPIPE); // 移动不行："Illegal seek"
}
