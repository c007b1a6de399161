// Callbacks that behave the same on FFmpeg 4.4, 5.1, 7.1 and 9.0:
// - the end is AVERROR_EOF, never 0 (4.4 turned 0 into EOF with a warning; 5.0+ does not);
// - AVSEEK_FORCE is masked (5.1 strips it before calling you, 9.0 says "force flag does nothing");
// - AVSEEK_SIZE is answered without moving;
// - the bytes FFmpeg hands over are never modified (write_packet's buf is const from 7.0 on).
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
