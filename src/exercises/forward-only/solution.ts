import { AVERROR, AVERROR_EOF, AVSEEK_FORCE, AVSEEK_SIZE, ESPIPE, SEEK_CUR, SEEK_END, SEEK_SET } from "avio";

export interface Stream {
  data: Uint8Array; // the response, in the order it arrives
  pos: number; // bytes consumed so far
  window: number; // how far ahead the connection has already buffered
}

export function read_packet(opaque: Stream, buf: Uint8Array, buf_size: number): number {
  const left = opaque.data.length - opaque.pos;
  if (left <= 0) return AVERROR_EOF;
  const n = Math.min(buf_size, left);
  buf.set(opaque.data.subarray(opaque.pos, opaque.pos + n));
  opaque.pos += n;
  return n;
}

export function seek(opaque: Stream, offset: number, whence: number): number {
  if (whence & AVSEEK_SIZE) return opaque.data.length; // the length is known (Content-Length)
  whence &= ~AVSEEK_FORCE;
  let pos: number;
  if (whence === SEEK_SET) pos = offset;
  else if (whence === SEEK_CUR) pos = opaque.pos + offset;
  else if (whence === SEEK_END) pos = opaque.data.length + offset;
  else return AVERROR(ESPIPE);
  // Only forward, and only as far as what is already buffered: anything else is impossible.
  if (pos < opaque.pos || pos > opaque.pos + opaque.window || pos > opaque.data.length) return AVERROR(ESPIPE);
  opaque.pos = pos;
  return pos;
}

// Passing seek makes avio_alloc_context promise AVIO_SEEKABLE_NORMAL; this source cannot keep it.
export const seekable = 0;

/** For the playground: the sample as a stream with a 4 KiB window (the tests use their own). */
export function create_opaque(data: Uint8Array): Stream {
  return { data, pos: 0, window: 4096 };
}
