// expect-fail: SEEK_CUR moves relative to the current position :: returned AVERROR\(EINVAL\); expected 490
import { AVERROR, AVERROR_EOF, AVSEEK_FORCE, AVSEEK_SIZE, EINVAL, SEEK_END } from "avio";
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
  const pos = whence === SEEK_END ? opaque.data.length + offset : offset; // SEEK_CUR treated as SEEK_SET
  if (pos < 0 || pos > opaque.data.length) return AVERROR(EINVAL);
  return (opaque.pos = pos);
}
