// 一个正确的内存读取器。在编辑器上方选一个 buffer_size，运行，然后比较
// “流信息”和回调函数调用记录中的 read_packet 调用次数和运行时间。
// 最初的几次调用来自格式探测。
import { AVERROR, AVERROR_EOF, AVSEEK_FORCE, AVSEEK_SIZE, EINVAL, SEEK_CUR, SEEK_END, SEEK_SET } from "avio";

interface BufferData {
  data: Uint8Array;
  pos: number;
}

export function read_packet(opaque: BufferData, buf: Uint8Array, buf_size: number): number {
  const n = Math.min(buf_size, opaque.data.length - opaque.pos);
  if (n <= 0) return AVERROR_EOF;
  buf.set(opaque.data.subarray(opaque.pos, opaque.pos + n));
  opaque.pos += n;
  return n;
}

// 提供 seek 是为了让每种输入都能用（索引在末尾的 M4A 需要它）。
export function seek(opaque: BufferData, offset: number, whence: number): number {
  if (whence & AVSEEK_SIZE) return opaque.data.length;
  whence &= ~AVSEEK_FORCE;
  const pos = whence === SEEK_SET ? offset : whence === SEEK_CUR ? opaque.pos + offset : whence === SEEK_END ? opaque.data.length + offset : -1;
  if (pos < 0 || pos > opaque.data.length) return AVERROR(EINVAL);
  opaque.pos = pos;
  return pos;
}
