// Mistake: it copies at most buf_size bytes but reports the whole remaining
// length. In C, FFmpeg would trust that number and read past the bytes that
// were written. Fix the marked line.
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
  return left; // <- should be: return n;
}
