// expect-fail: returns AVERROR_EOF at the end, never 0 :: returned -1; expected AVERROR_EOF
export function read_packet(
  opaque: { data: Uint8Array; pos: number },
  buf: Uint8Array,
  buf_size: number,
): number {
  const chunk = opaque.data.subarray(opaque.pos, opaque.pos + buf_size);
  if (chunk.length === 0) return -1; // EOF in stdio terms, AVERROR(EPERM) to FFmpeg
  buf.set(chunk);
  opaque.pos += chunk.length;
  return chunk.length;
}
