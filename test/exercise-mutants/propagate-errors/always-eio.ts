// expect-fail: a FLAC cut short by a broken pipe: FFmpeg stops with that error :: with AVERROR\(EIO\) \(I/O error\).*should report AVERROR\(EPIPE\)
import { AVERROR, AVERROR_EOF, EIO } from "avio";
export function read_packet(
  opaque: { data: Uint8Array; pos: number; errno: number },
  buf: Uint8Array,
  buf_size: number,
): number {
  const left = opaque.data.length - opaque.pos;
  if (left <= 0) return opaque.errno ? AVERROR(EIO) : AVERROR_EOF; // every failure called EIO, whatever it was
  const n = Math.min(buf_size, left);
  buf.set(opaque.data.subarray(opaque.pos, opaque.pos + n));
  opaque.pos += n;
  return n;
}
