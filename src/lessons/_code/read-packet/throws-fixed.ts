// Fixed: the lost connection is an error code, not an exception. FFmpeg
// stores AVERROR(EIO) in pb->error and stops with "I/O error": that error is
// the correct outcome here, because the data really did stop arriving.
import { AVERROR, AVERROR_EOF, EIO } from "avio";

interface BufferData {
  data: Uint8Array;
  pos: number;
}

export function read_packet(opaque: BufferData, buf: Uint8Array, buf_size: number): number {
  if (opaque.pos >= 100000) return AVERROR(EIO); // "connection lost": a real error
  const n = Math.min(buf_size, opaque.data.length - opaque.pos);
  if (n <= 0) return AVERROR_EOF;
  buf.set(opaque.data.subarray(opaque.pos, opaque.pos + n));
  opaque.pos += n;
  return n;
}
