import { AVERROR_EOF } from "avio";

export interface BufferData {
  data: Uint8Array; // the whole file
  pos: number; // where the next read starts
}

export function read_packet(opaque: BufferData, buf: Uint8Array, buf_size: number): number {
  const left = opaque.data.length - opaque.pos;
  if (left <= 0) return AVERROR_EOF; // 0 would mean "try again" to FFmpeg
  const n = Math.min(buf_size, left);
  buf.set(opaque.data.subarray(opaque.pos, opaque.pos + n));
  opaque.pos += n;
  return n;
}
