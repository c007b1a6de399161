// 在 FFmpeg 4.4、5.1、7.1 和 9.0 上行为相同的回调函数：
// - 结束用 AVERROR_EOF 表示，绝不返回 0（4.4 会把 0 变成 EOF 并给出警告；5.0 及以后不会）；
// - 屏蔽 AVSEEK_FORCE（5.1 在调用你之前就去掉了它，9.0 则说明 "force flag does nothing"）；
// - 回答 AVSEEK_SIZE 时不移动位置；
// - 绝不修改 FFmpeg 交过来的字节（从 7.0 起，write_packet 的 buf 是 const）。
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
  let pos: number;
  if (whence === SEEK_SET) pos = offset;
  else if (whence === SEEK_CUR) pos = opaque.pos + offset;
  else if (whence === SEEK_END) pos = opaque.data.length + offset;
  else return AVERROR(EINVAL);
  if (pos < 0 || pos > opaque.data.length) return AVERROR(EINVAL);
  opaque.pos = pos;
  return pos;
}
