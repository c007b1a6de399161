// expect-fail: hands over the bytes that arrived before reporting anything :: returned AVERROR\(EIO\); expected 4
import { AVERROR, AVERROR_EOF } from "avio";
export function read_packet(
  opaque: { data: Uint8Array; pos: number; errno: number },
  buf: Uint8Array,
  buf_size: number,
): number {
  const left = opaque.data.length - opaque.pos;
  if (opaque.errno && left < buf_size) return AVERROR(opaque.errno); // drops the last bytes that did arrive
  if (left <= 0) return AVERROR_EOF;
  const n = Math.min(buf_size, left);
  buf.set(opaque.data.subarray(opaque.pos, opaque.pos + n));
  opaque.pos += n;
  return n;
}
