// expect-fail: AVSEEK_SIZE returns the size without moving :: opaque.pos is 1000; expected 123
import { AVERROR, AVERROR_EOF, AVSEEK_FORCE, AVSEEK_SIZE, EINVAL, SEEK_CUR, SEEK_END, SEEK_SET } from "avio";
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
  if (whence & AVSEEK_SIZE) return (opaque.pos = opaque.data.length); // moves to the end by mistake
  whence &= ~AVSEEK_FORCE;
  const pos =
    whence === SEEK_SET
      ? offset
      : whence === SEEK_CUR
        ? opaque.pos + offset
        : whence === SEEK_END
          ? opaque.data.length + offset
          : -1;
  if (pos < 0 || pos > opaque.data.length) return AVERROR(EINVAL);
  return (opaque.pos = pos);
}
