// expect-fail: returns AVERROR_EOF at the end, never 0 :: returned 0; expected AVERROR_EOF
export function read_packet(
  opaque: { data: Uint8Array; pos: number },
  buf: Uint8Array,
  buf_size: number,
): number {
  const chunk = opaque.data.subarray(opaque.pos, opaque.pos + buf_size);
  buf.set(chunk);
  opaque.pos += chunk.length;
  return chunk.length;
}
