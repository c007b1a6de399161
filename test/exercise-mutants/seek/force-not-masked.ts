// expect-fail: AVSEEK_FORCE is ignored :: AVSEEK_FORCE is a flag OR-ed into whence
import { AVERROR, AVERROR_EOF, AVSEEK_SIZE, EINVAL, SEEK_CUR, SEEK_END, SEEK_SET } from "avio";
export function read_packet(
  opaque: { data: Uint8Array; pos: number },
  buf: Uint8Array,
  buf_size: number,
): number {
  const left = opaque.data.length - opaque.pos;
  if (left <= 0) return AVERROR_EOF;
  const n = Math.min(buf_size, left);
  buf.set(opaque.data.subarray(opaque.pos, opaque.pos + n));
  opaque.pos += n;
  return n;
}
export function seek(opaque: { data: Uint8Array; pos: number }, offset: number, whence: number): number {
  if (whence & AVSEEK_SIZE) return opaque.data.length;
  let pos: number;
  if (whence === SEEK_SET) pos = offset;
  else if (whence === SEEK_CUR) pos = opaque.pos + offset;
  else if (whence === SEEK_END) pos = opaque.data.length + offset;
  else return AVERROR(EINVAL); // SEEK_SET | AVSEEK_FORCE lands here
  return (opaque.pos = pos);
}
