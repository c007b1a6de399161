// expect-fail: a broken transfer ends with AVERROR(errno), not AVERROR_EOF or 0 :: returned AVERROR_EOF; expected AVERROR\(EIO\)
import { AVERROR_EOF } from "avio";
export function read_packet(
  opaque: { data: Uint8Array; pos: number; errno: number },
  buf: Uint8Array,
  buf_size: number,
): number {
  const left = opaque.data.length - opaque.pos;
  if (left <= 0) return AVERROR_EOF; // the end of what arrived taken for the end of the file
  const n = Math.min(buf_size, left);
  buf.set(opaque.data.subarray(opaque.pos, opaque.pos + n));
  opaque.pos += n;
  return n;
}
