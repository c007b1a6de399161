// 把 MP4/M4A 写进内存：mov 封装器（libavformat/movenc.c）通过 write_packet 写出字节，
// 在 av_write_trailer() 时 seek 回去修补 mdat 的大小，然后在末尾写出 moov box（索引）。
// 引擎把所选的媒体解码成 PCM，用 alac 编码，再通过这两个函数封装。
// 取消勾选“传入 seek 回调函数”，或者设置 movflags，然后再运行一次。
import { AVERROR, AVSEEK_FORCE, AVSEEK_SIZE, EINVAL, SEEK_CUR, SEEK_END, SEEK_SET } from "avio";

interface OutputBuffer {
  data: Uint8Array; // 容量，按倍数增长
  pos: number; // 下一次写入的位置
  size: number; // 实际输出的字节数（文件）
}

export function create_opaque(): OutputBuffer {
  return { data: new Uint8Array(64 * 1024), pos: 0, size: 0 };
}

export function write_packet(opaque: OutputBuffer, buf: Uint8Array, buf_size: number): number {
  const end = opaque.pos + buf_size;
  if (end > opaque.data.length) {
    const grown = new Uint8Array(Math.max(end, opaque.data.length * 2));
    grown.set(opaque.data.subarray(0, opaque.size));
    opaque.data = grown;
  }
  // 复制：buf 是 FFmpeg 的缓冲区，下一次写入会复用它。
  opaque.data.set(buf.subarray(0, buf_size), opaque.pos);
  opaque.pos = end;
  opaque.size = Math.max(opaque.size, end); // 对 mdat 的修补落在文件内部
  return buf_size;
}

export function seek(opaque: OutputBuffer, offset: number, whence: number): number {
  if (whence & AVSEEK_SIZE) return opaque.size;
  whence &= ~AVSEEK_FORCE;
  let pos: number;
  if (whence === SEEK_SET) pos = offset;
  else if (whence === SEEK_CUR) pos = opaque.pos + offset;
  else if (whence === SEEK_END) pos = opaque.size + offset;
  else return AVERROR(EINVAL);
  if (pos < 0) return AVERROR(EINVAL);
  opaque.pos = pos;
  return pos;
}
