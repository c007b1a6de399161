// expect-fail: a move ahead within the window succeeds :: returned AVERROR\(ESPIPE\)|returned -\d+; expected 1000
import { AVERROR, AVERROR_EOF, AVSEEK_FORCE, AVSEEK_SIZE, ESPIPE, SEEK_CUR, SEEK_END, SEEK_SET } from "avio";
export interface Stream {
  data: Uint8Array;
  pos: number;
  window: number;
}
export function read_packet(opaque: Stream, buf: Uint8Array, buf_size: number): number {
  const left = opaque.data.length - opaque.pos;
  if (left <= 0) return AVERROR_EOF;
  const n = Math.min(buf_size, left);
  buf.set(opaque.data.subarray(opaque.pos, opaque.pos + n));
  opaque.pos += n;
  return n;
}
export function seek(opaque: Stream, offset: number, whence: number): number {
  if (whence & AVSEEK_SIZE) return opaque.data.length;
  whence &= ~AVSEEK_FORCE;
  const pos =
    whence === SEEK_SET
      ? offset
      : whence === SEEK_CUR
        ? opaque.pos + offset
        : whence === SEEK_END
          ? opaque.data.length + offset
          : -1;
  // "strictly forward": staying where it is counts as a move back
  if (pos <= opaque.pos || pos > opaque.pos + opaque.window || pos > opaque.data.length)
    return AVERROR(ESPIPE);
  return (opaque.pos = pos);
}
export const seekable = 0;
