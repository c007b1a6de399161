// Mistake: an exception instead of an error code. A C callback cannot throw,
// so the engine catches it and hands FFmpeg AVERROR_EXTERNAL.
// Replace the throw with  return AVERROR(EIO);  and compare what FFmpeg says.
import { AVERROR, AVERROR_EOF, EIO } from "avio";

interface BufferData {
  data: Uint8Array;
  pos: number;
}

export function read_packet(opaque: BufferData, buf: Uint8Array, buf_size: number): number {
  if (opaque.pos >= 100000) throw new Error("connection lost"); // <- the mistake
  const n = Math.min(buf_size, opaque.data.length - opaque.pos);
  if (n <= 0) return AVERROR_EOF;
  buf.set(opaque.data.subarray(opaque.pos, opaque.pos + n));
  opaque.pos += n;
  return n;
}
