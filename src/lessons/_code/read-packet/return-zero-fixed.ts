// Fixed: at the end of the data this returns AVERROR_EOF, not 0.
// fill_buffer() sets eof_reached, and every demuxer stops cleanly.
import { AVERROR_EOF } from "avio";

interface BufferData {
  data: Uint8Array;
  pos: number;
}

export function read_packet(opaque: BufferData, buf: Uint8Array, buf_size: number): number {
  const n = Math.min(buf_size, opaque.data.length - opaque.pos);
  if (n <= 0) return AVERROR_EOF; // the end: never 0
  buf.set(opaque.data.subarray(opaque.pos, opaque.pos + n));
  opaque.pos += n;
  return n;
}
