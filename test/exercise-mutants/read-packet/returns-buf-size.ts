// expect-fail: near the end returns only the bytes that are left :: returned 8; expected 4
import { AVERROR_EOF } from "avio";
export function read_packet(
  opaque: { data: Uint8Array; pos: number },
  buf: Uint8Array,
  buf_size: number,
): number {
  if (opaque.pos >= opaque.data.length) return AVERROR_EOF;
  const part = opaque.data.subarray(opaque.pos, opaque.pos + buf_size);
  buf.set(part);
  opaque.pos += part.length;
  return buf_size; // claims a full buffer even at the end
}
