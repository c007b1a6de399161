// read_packet (done) and seek (yours): FFmpeg needs seek to jump to the moov
// atom at the end of an M4A file, and asks AVSEEK_SIZE for the size.
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
  // TODO: handle AVSEEK_SIZE, then SEEK_SET, SEEK_CUR and SEEK_END (ignoring AVSEEK_FORCE);
  // return the new absolute position, or AVERROR(EINVAL) for a position outside the data.
  void [AVERROR, AVSEEK_FORCE, AVSEEK_SIZE, EINVAL, SEEK_CUR, SEEK_END, SEEK_SET];
  return AVERROR(EINVAL);
}
