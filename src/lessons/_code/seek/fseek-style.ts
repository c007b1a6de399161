// A seek written like fseek(): it moves, then returns 0 for "success", and it
// does not answer AVSEEK_SIZE. FFmpeg then asks for SEEK_END - 1 and takes the
// return value + 1 as the file size. Run it on the M4A, read the log and the
// diagnostics, then return the position (and answer AVSEEK_SIZE).
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
  if (whence & AVSEEK_SIZE) return AVERROR(ENOSYS); // "size unknown": FFmpeg falls back to SEEK_END
  let pos: number;
  if (whence === SEEK_SET) pos = offset;
  else if (whence === SEEK_CUR) pos = opaque.pos + offset;
  else if (whence === SEEK_END) pos = opaque.data.length + offset;
  else return AVERROR(EINVAL);
  if (pos < 0 || pos > opaque.data.length) return AVERROR(EINVAL);
  opaque.pos = pos;
  return 0; // BUG: fseek's convention, not avio's
}
