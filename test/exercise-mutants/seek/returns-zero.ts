// expect-fail: SEEK_SET moves to offset and returns it :: returned 0; expected 100
import { AVERROR_EOF, AVSEEK_FORCE, AVSEEK_SIZE, SEEK_CUR, SEEK_END } from "avio";
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
  whence &= ~AVSEEK_FORCE;
  opaque.pos =
    whence === SEEK_CUR ? opaque.pos + offset : whence === SEEK_END ? opaque.data.length + offset : offset;
  return 0; // "success", like fseek — but FFmpeg wants the new position
}
