// expect-fail: continues where the last read stopped :: put the wrong bytes into buf.*byteOffset
export function read_packet(
  opaque: { data: Uint8Array; pos: number },
  buf: Uint8Array,
  buf_size: number,
): number {
  const n = Math.min(buf_size, opaque.data.length - opaque.pos);
  if (n <= 0) return -541478725;
  buf.set(new Uint8Array(opaque.data.buffer, opaque.pos, n)); // the buffer's start, not the view's
  opaque.pos += n;
  return n;
}
