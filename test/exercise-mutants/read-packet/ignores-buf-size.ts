// expect-fail: never writes more than buf_size bytes :: threw RangeError.*copied more than buf_size bytes into buf. Copy at most buf_size
export function read_packet(
  opaque: { data: Uint8Array; pos: number },
  buf: Uint8Array,
  _buf_size: number,
): number {
  const chunk = opaque.data.subarray(opaque.pos, opaque.pos + 4096); // assumes a 4 KiB buffer
  if (chunk.length === 0) return -541478725;
  buf.set(chunk);
  opaque.pos += chunk.length;
  return chunk.length;
}
