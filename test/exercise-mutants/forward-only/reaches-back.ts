// expect-fail: the M4A with moov at the end fails with FFmpeg's own error :: returned \d+ and moved opaque.pos from \d+ to \d+
import {
  AVERROR,
  AVERROR_EOF,
  AVIO_SEEKABLE_NORMAL,
  AVSEEK_FORCE,
  AVSEEK_SIZE,
  ENOSYS,
  ESPIPE,
  SEEK_CUR,
  SEEK_END,
  SEEK_SET,
} from "avio";
export function read_packet(
  opaque: { data: Uint8Array; pos: number; window: number },
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
export function seek(
  opaque: { data: Uint8Array; pos: number; window: number },
  offset: number,
  whence: number,
): number {
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
  if (pos > opaque.pos + opaque.window || pos > opaque.data.length) return AVERROR(ESPIPE);
  if (pos < opaque.pos && opaque.pos - pos > 1 << 20) return AVERROR(ESPIPE);
  return (opaque.pos = pos); // goes back into bytes the connection no longer has
}
export const seekable = 0;
void [AVIO_SEEKABLE_NORMAL, ENOSYS];
