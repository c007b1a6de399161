// expect-fail: a broken transfer ends with AVERROR(errno), not AVERROR_EOF or 0 :: returned 29; expected AVERROR\(EIO\)\. Errors are negative: return AVERROR\(errno\)
import { AVERROR_EOF } from "avio";
export function read_packet(
  opaque: { data: Uint8Array; pos: number; errno: number },
  buf: Uint8Array,
  buf_size: number,
): number {
  const left = opaque.data.length - opaque.pos;
  if (left <= 0) return opaque.errno ? opaque.errno : AVERROR_EOF; // errno is positive: FFmpeg reads it as a byte count
  const n = Math.min(buf_size, left);
  buf.set(opaque.data.subarray(opaque.pos, opaque.pos + n));
  opaque.pos += n;
  return n;
}
