// read_packet（已写好）和 seek（由你来写）：FFmpeg 需要用 seek 跳到 M4A 文件末尾的
// moov atom，并用 AVSEEK_SIZE 询问大小。
import { AVERROR, AVERROR_EOF, AVSEEK_FORCE, AVSEEK_SIZE, EINVAL, SEEK_CUR, SEEK_END, SEEK_SET } from "avio";

export interface BufferData {
  data: Uint8Array;
  pos: number;
}

export function read_packet(opaque: BufferData, buf: Uint8Array, buf_size: number): number {
  const left = opaque.data.length - opaque.pos;
  if (left <= 0) return AVERROR_EOF;
  const n = Math.min(buf_size, left);
  buf.set(opaque.data.subarray(opaque.pos, opaque.pos + n));
  opaque.pos += n;
  return n;
}

export function seek(opaque: BufferData, offset: number, whence: number): number {
  // TODO：先处理 AVSEEK_SIZE，再处理 SEEK_SET、SEEK_CUR 和 SEEK_END（忽略 AVSEEK_FORCE）；
  // 返回新的绝对位置；位置超出数据范围时返回 AVERROR(EINVAL)。
  void [AVERROR, AVSEEK_FORCE, AVSEEK_SIZE, EINVAL, SEEK_CUR, SEEK_END, SEEK_SET];
  return AVERROR(EINVAL);
}
