// expect-fail: returns AVERROR_EOF at the end, never 0 :: returned 0; expected AVERROR_EOF\. At the end of the data, read_packet must return AVERROR_EOF — never 0
import { AVERROR_EOF } from "avio";
export function read_packet(
  opaque: { data: Uint8Array; pos: number },
  buf: Uint8Array,
  buf_size: number,
): number {
  const n = Math.min(buf_size, opaque.data.length - opaque.pos);
  buf.set(opaque.data.subarray(opaque.pos, opaque.pos + n));
  opaque.pos += n;
  return n; // 0 at the end
}
void AVERROR_EOF;
