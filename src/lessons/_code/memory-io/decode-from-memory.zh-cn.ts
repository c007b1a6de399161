// 自定义 I/O 的整个输入端：每当 FFmpeg 需要字节或想要移动位置时，
// 就调用这两个函数。`opaque` 是你传给 avio_alloc_context 的状态——
// 这里是文件的字节和一个读取位置。
import { AVERROR, AVERROR_EOF, AVSEEK_FORCE, AVSEEK_SIZE, EINVAL, SEEK_CUR, SEEK_END, SEEK_SET } from "avio";

interface BufferData {
  data: Uint8Array; // 整个文件
  pos: number; // 下一次读取的起点
}

export function read_packet(opaque: BufferData, buf: Uint8Array, buf_size: number): number {
  const left = opaque.data.length - opaque.pos;
  if (left <= 0) return AVERROR_EOF; // 绝不返回 0：FFmpeg 会再次请求
  const n = Math.min(buf_size, left);
  buf.set(opaque.data.subarray(opaque.pos, opaque.pos + n));
  opaque.pos += n;
  return n;
}

export function seek(opaque: BufferData, offset: number, whence: number): number {
  if (whence & AVSEEK_SIZE) return opaque.data.length; // “流有多大？”
  whence &= ~AVSEEK_FORCE;
  let pos: number;
  if (whence === SEEK_SET) pos = offset;
  else if (whence === SEEK_CUR) pos = opaque.pos + offset;
  else if (whence === SEEK_END) pos = opaque.data.length + offset;
  else return AVERROR(EINVAL);
  if (pos < 0 || pos > opaque.data.length) return AVERROR(EINVAL);
  opaque.pos = pos;
  return pos;
}
