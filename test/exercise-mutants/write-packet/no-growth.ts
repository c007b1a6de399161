// expect-fail: appends successive writes and grows past any initial capacity :: threw RangeError
// Allocates a fixed 4 KiB buffer once and never grows it.
export function write_packet(
  opaque: { data: Uint8Array; pos: number; size: number },
  buf: Uint8Array,
  buf_size: number,
): number {
  if (opaque.data.length === 0) opaque.data = new Uint8Array(4096);
  opaque.data.set(buf.subarray(0, buf_size), opaque.pos);
  opaque.pos += buf_size;
  opaque.size = Math.max(opaque.size, opaque.pos);
  return buf_size;
}
export function seek(
  opaque: { data: Uint8Array; pos: number; size: number },
  offset: number,
  whence: number,
): number {
  if (whence & 0x10000) return opaque.size;
  opaque.pos = offset;
  return offset;
}
