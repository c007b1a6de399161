// 一个普通的内存读取器。运行它并查看“流信息”：“AVIO 缓冲区”一行显示
// 你传给 avio_alloc_context 的指针，以及 avformat_open_input 之后
// 上下文使用的指针。试试其他输入和缓冲区大小。
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

export function seek(opaque: BufferData, offset: number, whence: number): number {
  if (whence & AVSEEK_SIZE) return opaque.data.length;
  whence &= ~AVSEEK_FORCE;
  const pos = whence === SEEK_SET ? offset : whence === SEEK_CUR ? opaque.pos + offset : whence === SEEK_END ? opaque.data.length + offset : -1;
  if (pos < 0 || pos > opaque.data.length) return AVERROR(EINVAL);
  opaque.pos = pos;
  return pos;
}
