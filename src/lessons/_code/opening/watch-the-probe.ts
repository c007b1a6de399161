// Nothing to fix here: a correct read_packet, so that the trace shows what
// avformat_open_input() asks for while it probes. The first calls happen
// before any demuxer exists; change buffer_size and the input, and watch
// the first buf_size and how many calls come before the format is known.
import { AVERROR_EOF } from "avio";

interface BufferData {
  data: Uint8Array; // the whole file
  pos: number; // where the next read starts
}

export function read_packet(opaque: BufferData, buf: Uint8Array, buf_size: number): number {
  const left = opaque.data.length - opaque.pos;
  if (left <= 0) return AVERROR_EOF;
  const n = Math.min(buf_size, left);
  buf.set(opaque.data.subarray(opaque.pos, opaque.pos + n));
  opaque.pos += n;
  return n;
}
