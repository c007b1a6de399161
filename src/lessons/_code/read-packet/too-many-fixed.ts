// Fixed: it reports the bytes it copied (at most buf_size), not the bytes
// remaining. FFmpeg trusts this number: it is all it knows about buf.
import { AVERROR_EOF } from "avio";

interface BufferData {
  data: Uint8Array;
  pos: number;
}

export function read_packet(opaque: BufferData, buf: Uint8Array, buf_size: number): number {
  const left = opaque.data.length - opaque.pos;
  if (left <= 0) return AVERROR_EOF;
  const n = Math.min(buf_size, left);
  buf.set(opaque.data.subarray(opaque.pos, opaque.pos + n));
  opaque.pos += n;
  return n; // how many bytes are now in buf
}
