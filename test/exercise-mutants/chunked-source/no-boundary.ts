// expect-fail: crosses a chunk boundary in one read :: returned 3; expected 6\. Cross chunk boundaries
// Stops at each boundary (legal, but the test asks for a full read) and skips empties correctly.
import { AVERROR_EOF } from "avio";
export function read_packet(
  opaque: { chunks: Uint8Array[]; index: number; offset: number },
  buf: Uint8Array,
  buf_size: number,
): number {
  while (opaque.index < opaque.chunks.length && opaque.offset === opaque.chunks[opaque.index].length) {
    opaque.index++;
    opaque.offset = 0;
  }
  if (opaque.index >= opaque.chunks.length) return AVERROR_EOF;
  const chunk = opaque.chunks[opaque.index];
  const n = Math.min(buf_size, chunk.length - opaque.offset);
  buf.set(chunk.subarray(opaque.offset, opaque.offset + n));
  opaque.offset += n;
  return n;
}
