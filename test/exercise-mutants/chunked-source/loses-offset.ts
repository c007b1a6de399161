// expect-fail: successive reads continue in the middle of a chunk :: put the wrong bytes into buf
import { AVERROR_EOF } from "avio";
export function read_packet(
  opaque: { chunks: Uint8Array[]; index: number; offset: number },
  buf: Uint8Array,
  buf_size: number,
): number {
  let written = 0;
  while (written < buf_size && opaque.index < opaque.chunks.length) {
    const chunk = opaque.chunks[opaque.index];
    const n = Math.min(buf_size - written, chunk.length);
    buf.set(chunk.subarray(0, n), written); // ignores offset inside the chunk
    written += n;
    if (n === chunk.length) opaque.index++;
    else opaque.offset = n;
  }
  return written > 0 ? written : AVERROR_EOF;
}
