import { AVERROR_EOF } from "avio";

export interface BufferData {
  data: Uint8Array;
  pos: number;
}

export function read_packet(opaque: BufferData, buf: Uint8Array, buf_size: number): number {
  // Bug 1: the size FFmpeg asks for is buf_size, not a constant.
  const chunk = opaque.data.subarray(opaque.pos, opaque.pos + buf_size);
  // Bug 2: at the end, 0 means "nothing yet, ask again"; the end is AVERROR_EOF.
  if (chunk.length === 0) return AVERROR_EOF;
  buf.set(chunk);
  opaque.pos += chunk.length;
  return chunk.length;
}
