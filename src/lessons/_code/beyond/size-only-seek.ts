// A source that knows its length but cannot move: a download with a
// Content-Length, a pipe whose producer told you the size. seek answers
// AVSEEK_SIZE and refuses every move with AVERROR(ESPIPE).
import { AVERROR, AVERROR_EOF, AVSEEK_SIZE, ESPIPE } from "avio";

interface Download {
  data: Uint8Array; // stands in for the bytes still to arrive
  pos: number;
}

export function read_packet(opaque: Download, buf: Uint8Array, buf_size: number): number {
  const n = Math.min(buf_size, opaque.data.length - opaque.pos);
  if (n <= 0) return AVERROR_EOF;
  buf.set(opaque.data.subarray(opaque.pos, opaque.pos + n));
  opaque.pos += n;
  return n;
}

export function seek(opaque: Download, _offset: number, whence: number): number {
  if (whence & AVSEEK_SIZE) return opaque.data.length; // measuring is fine
  return AVERROR(ESPIPE); // moving is not: "Illegal seek"
}
