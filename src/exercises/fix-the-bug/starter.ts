// This read_packet was copied from a project that always used 4 KiB buffers.
// It decodes MP3 files fine there — but it has two bugs. Find and fix them.
export interface BufferData {
  data: Uint8Array;
  pos: number;
}

const CHUNK = 4096;

export function read_packet(opaque: BufferData, buf: Uint8Array, buf_size: number): number {
  const chunk = opaque.data.subarray(opaque.pos, opaque.pos + CHUNK);
  buf.set(chunk);
  opaque.pos += chunk.length;
  return chunk.length;
}
