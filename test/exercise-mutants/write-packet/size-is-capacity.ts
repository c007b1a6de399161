// expect-fail: keeps the bytes of one write :: opaque\.size is (0|4096); expected 10
// Tracks the write position but never the size of the output.
export function write_packet(
  opaque: { data: Uint8Array; pos: number; size: number },
  buf: Uint8Array,
  buf_size: number,
): number {
  if (opaque.pos + buf_size > opaque.data.length) {
    const grown = new Uint8Array(Math.max(4096, 2 * (opaque.pos + buf_size)));
    grown.set(opaque.data);
    opaque.data = grown;
  }
  opaque.data.set(buf.subarray(0, buf_size), opaque.pos);
  opaque.pos += buf_size;
  return buf_size;
}
export function seek(
  opaque: { data: Uint8Array; pos: number; size: number },
  offset: number,
  whence: number,
): number {
  if (whence & 0x10000) return opaque.data.length;
  opaque.pos = offset;
  return offset;
}
