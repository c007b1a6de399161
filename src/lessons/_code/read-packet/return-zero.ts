// Mistake: at the end of the data this returns 0 instead of AVERROR_EOF.
// On FLAC, FFmpeg 5.1 does not take 0 as the end and asks again, forever;
// the playground's safety net stops it. Fix the marked line.
import { AVERROR_EOF } from "avio";

interface BufferData {
  data: Uint8Array;
  pos: number;
}

export function read_packet(opaque: BufferData, buf: Uint8Array, buf_size: number): number {
  const n = Math.min(buf_size, opaque.data.length - opaque.pos);
  if (n <= 0) return 0; // <- should be: return AVERROR_EOF;
  buf.set(opaque.data.subarray(opaque.pos, opaque.pos + n));
  opaque.pos += n;
  return n;
}
