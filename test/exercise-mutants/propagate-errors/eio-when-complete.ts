// expect-fail: a completed transfer ends with AVERROR_EOF :: returned AVERROR\(EIO\); expected AVERROR_EOF\. When every byte has arrived, the end is a normal end: read_packet returns AVERROR_EOF there, not an error code\.$
// Reports EIO at the end of every transfer, even one that arrived whole.
import { AVERROR, EIO } from "avio";
export function read_packet(
  opaque: { data: Uint8Array; pos: number; errno: number },
  buf: Uint8Array,
  buf_size: number,
): number {
  const left = opaque.data.length - opaque.pos;
  if (left <= 0) return AVERROR(EIO);
  const n = Math.min(buf_size, left);
  buf.set(opaque.data.subarray(opaque.pos, opaque.pos + n));
  opaque.pos += n;
  return n;
}
