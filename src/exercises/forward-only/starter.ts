// A network stream: bytes arrive in order, the connection has buffered
// `window` bytes ahead, and what was read is gone. read_packet is done;
// the seek below was written for a file in memory.
import { AVERROR, AVERROR_EOF, AVIO_SEEKABLE_NORMAL, AVSEEK_FORCE, AVSEEK_SIZE, EINVAL, ESPIPE, SEEK_CUR, SEEK_END, SEEK_SET } from "avio";

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
  // TODO: which of these moves can this source really make?
  void ESPIPE;
  if (whence & AVSEEK_SIZE) return opaque.data.length;
  whence &= ~AVSEEK_FORCE;
  let pos: number;
  if (whence === SEEK_SET) pos = offset;
  else if (whence === SEEK_CUR) pos = opaque.pos + offset;
  else if (whence === SEEK_END) pos = opaque.data.length + offset;
  else return AVERROR(EINVAL);
  if (pos < 0 || pos > opaque.data.length) return AVERROR(EINVAL);
  opaque.pos = pos;
  return pos;
}

// The engine sets avio_ctx->seekable to this right after avio_alloc_context.
// TODO: what should this source promise? (This is what passing seek sets.)
export const seekable = AVIO_SEEKABLE_NORMAL;

/** For the playground: the sample as a stream with a 4 KiB window (the tests use their own). */
export function create_opaque(data: Uint8Array): Stream {
  return { data, pos: 0, window: 4096 };
}
