// A correct read_packet that never returns more than 1000 bytes per call,
// the way a socket often delivers less than you asked for. FFmpeg simply
// calls again. Change CHUNK (try 1, or 100000) and watch the trace.
import { AVERROR_EOF } from "avio";

const CHUNK = 1000;

interface BufferData {
  data: Uint8Array;
  pos: number;
}

export function read_packet(opaque: BufferData, buf: Uint8Array, buf_size: number): number {
  const left = opaque.data.length - opaque.pos;
  if (left <= 0) return AVERROR_EOF; // the end: a negative code, never 0
  const n = Math.min(buf_size, left, CHUNK); // fewer than buf_size is fine
  buf.set(opaque.data.subarray(opaque.pos, opaque.pos + n));
  opaque.pos += n;
  return n; // how many bytes are now in buf
}
