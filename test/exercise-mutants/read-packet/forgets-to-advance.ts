// expect-fail: continues where the last read stopped :: put the wrong bytes into buf
import { AVERROR_EOF } from "avio";
export function read_packet(
  opaque: { data: Uint8Array; pos: number },
  buf: Uint8Array,
  buf_size: number,
): number {
  const n = Math.min(buf_size, opaque.data.length - opaque.pos);
  if (n <= 0) return AVERROR_EOF;
  buf.set(opaque.data.subarray(0, n)); // always from the start
  opaque.pos += n;
  return n;
}
