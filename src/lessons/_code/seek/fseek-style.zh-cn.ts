// 一个照 fseek() 写的 seek：移动位置后返回 0 表示“成功”，而且不回答
// AVSEEK_SIZE。于是 FFmpeg 请求 SEEK_END - 1，并把返回值 + 1 当作文件大小。
// 用 M4A 运行它，读一读日志和诊断，然后改为返回位置（并回答 AVSEEK_SIZE）。
import { AVERROR, AVERROR_EOF, AVSEEK_SIZE, EINVAL, ENOSYS, SEEK_CUR, SEEK_END, SEEK_SET } from "avio";

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
  return n;
}

export function seek(opaque: BufferData, offset: number, whence: number): number {
  if (whence & AVSEEK_SIZE) return AVERROR(ENOSYS); // “大小未知”：FFmpeg 退而使用 SEEK_END
  let pos: number;
  if (whence === SEEK_SET) pos = offset;
  else if (whence === SEEK_CUR) pos = opaque.pos + offset;
  else if (whence === SEEK_END) pos = opaque.data.length + offset;
  else return AVERROR(EINVAL);
  if (pos < 0 || pos > opaque.data.length) return AVERROR(EINVAL);
  opaque.pos = pos;
  return 0; // BUG：这是 fseek 的约定，不是 avio 的
}
