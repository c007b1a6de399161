// The right way to fail: after 100,000 bytes the "connection" drops and read_packet
// returns a negative AVERROR code. See how far FFmpeg got and what it says.
import { AVERROR, AVERROR_EOF, EIO } from "avio";

interface BufferData {
  data: Uint8Array;
  pos: number;
}

export function read_packet(opaque: BufferData, buf: Uint8Array, buf_size: number): number {
  if (opaque.pos >= 100000) return AVERROR(EIO); // a real error, not the end
  const n = Math.min(buf_size, opaque.data.length - opaque.pos);
  if (n <= 0) return AVERROR_EOF;
  buf.set(opaque.data.subarray(opaque.pos, opaque.pos + n));
  opaque.pos += n;
  return n;
}
