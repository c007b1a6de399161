// expect-fail: fills a small buf (buf_size 16) without overflowing it :: threw RangeError
import { AVERROR_EOF } from "avio";
export function read_packet(
  opaque: { data: Uint8Array; pos: number },
  buf: Uint8Array,
  _buf_size: number,
): number {
  const chunk = opaque.data.subarray(opaque.pos, opaque.pos + 4096);
  if (chunk.length === 0) return AVERROR_EOF;
  buf.set(chunk);
  opaque.pos += chunk.length;
  return chunk.length;
}
