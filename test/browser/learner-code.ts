// Learner code the browser suites type into playgrounds: a correct read_packet over bytes in memory.
export const READ_PACKET = `import { AVERROR_EOF } from "avio";
interface BufferData { data: Uint8Array; pos: number }
export function read_packet(opaque: BufferData, buf: Uint8Array, buf_size: number): number {
  const n = Math.min(buf_size, opaque.data.length - opaque.pos);
  if (n <= 0) return AVERROR_EOF;
  buf.set(opaque.data.subarray(opaque.pos, opaque.pos + n));
  opaque.pos += n;
  return n;
}
`;
