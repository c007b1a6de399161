// expect-fail: SEEK_CUR and SEEK_END move relative to the position and to the bytes written :: opaque\.pos|returned 4076; expected 80
import { AVERROR, AVSEEK_FORCE, AVSEEK_SIZE, EINVAL, SEEK_CUR, SEEK_END, SEEK_SET } from "avio";
export function write_packet(
  opaque: { data: Uint8Array; pos: number; size: number },
  buf: Uint8Array,
  buf_size: number,
): number {
  const end = opaque.pos + buf_size;
  if (end > opaque.data.length) {
    const grown = new Uint8Array(Math.max(end, 2 * opaque.data.length, 4096));
    grown.set(opaque.data.subarray(0, opaque.size));
    opaque.data = grown;
  }
  opaque.data.set(buf.subarray(0, buf_size), opaque.pos);
  opaque.pos = end;
  opaque.size = Math.max(opaque.size, end);
  return buf_size;
}
export function seek(
  opaque: { data: Uint8Array; pos: number; size: number },
  offset: number,
  whence: number,
): number {
  if (whence & AVSEEK_SIZE) return opaque.size;
  whence &= ~AVSEEK_FORCE;
  // SEEK_END from the capacity of the array, not from the bytes written
  const pos =
    whence === SEEK_SET
      ? offset
      : whence === SEEK_CUR
        ? opaque.pos + offset
        : whence === SEEK_END
          ? opaque.data.length + offset
          : -1;
  if (pos < 0) return AVERROR(EINVAL);
  return (opaque.pos = pos);
}
