// expect-fail: muxes the WAV sample into a file identical to FFmpeg's :: Muxing the WAV sample: seek\(offset=\d+, SEEK_SET\) returned 0
// Pretends to seek: the header patch is appended at the end instead of overwriting byte 4.
export function write_packet(
  opaque: { data: Uint8Array; pos: number; size: number },
  buf: Uint8Array,
  buf_size: number,
): number {
  const grown = new Uint8Array(opaque.size + buf_size);
  grown.set(opaque.data.subarray(0, opaque.size));
  grown.set(buf, opaque.size);
  opaque.data = grown;
  opaque.size += buf_size;
  opaque.pos = opaque.size;
  return buf_size;
}
export function seek(
  opaque: { data: Uint8Array; pos: number; size: number },
  _offset: number,
  whence: number,
): number {
  if (whence & 0x10000) return opaque.size;
  return 0;
}
