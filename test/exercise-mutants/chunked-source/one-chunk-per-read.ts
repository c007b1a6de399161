// expect-fail: decodes an MP3 split into chunks of 1–9000 bytes :: Decoding mp3-cbr-44k-stereo.mp3: read_packet returned 0
// Never crosses a boundary and returns 0 for empty chunks: FFmpeg sees "no data yet".
import { AVERROR_EOF } from "avio";
export function read_packet(
  opaque: { chunks: Uint8Array[]; index: number; offset: number },
  buf: Uint8Array,
  buf_size: number,
): number {
  if (opaque.index >= opaque.chunks.length) return AVERROR_EOF;
  const chunk = opaque.chunks[opaque.index];
  const n = Math.min(buf_size, chunk.length - opaque.offset);
  buf.set(chunk.subarray(opaque.offset, opaque.offset + n));
  opaque.offset += n;
  if (opaque.offset === chunk.length) {
    opaque.index++;
    opaque.offset = 0;
  }
  return n;
}
