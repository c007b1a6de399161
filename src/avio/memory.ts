// Reference callbacks over bytes in memory (FFmpeg's avio_reading.c in TS).
// Used by the CLI, tests and benchmarks — not exported to learners, since
// writing these is what the exercises ask for.
import { AVERROR } from "./api.ts";
import { AVERROR_EOF, AVSEEK_FORCE, AVSEEK_SIZE, EINVAL, SEEK_CUR, SEEK_END, SEEK_SET } from "./constants.ts";

export interface BufferData {
  data: Uint8Array;
  pos: number;
}

export function memory_read_packet(opaque: BufferData, buf: Uint8Array, buf_size: number): number {
  const n = Math.min(buf_size, opaque.data.length - opaque.pos);
  if (n <= 0) return AVERROR_EOF;
  buf.set(opaque.data.subarray(opaque.pos, opaque.pos + n));
  opaque.pos += n;
  return n;
}

/** Where SEEK_SET/SEEK_CUR/SEEK_END (AVSEEK_FORCE ignored) lands, or -1 for any other whence. */
function seekTarget(whence: number, offset: number, pos: number, size: number): number {
  const base = whence & ~AVSEEK_FORCE;
  if (base === SEEK_SET) return offset;
  if (base === SEEK_CUR) return pos + offset;
  if (base === SEEK_END) return size + offset;
  return -1;
}

export function memory_seek(opaque: BufferData, offset: number, whence: number): number {
  if (whence & AVSEEK_SIZE) return opaque.data.length;
  const to = seekTarget(whence, offset, opaque.pos, opaque.data.length);
  if (to < 0 || to > opaque.data.length) return AVERROR(EINVAL);
  opaque.pos = to;
  return to;
}

/** A growable byte sink for write_packet/seek (output mode). */
export interface OutputData {
  data: Uint8Array;
  pos: number;
  size: number;
}

export function memory_write_packet(opaque: OutputData, buf: Uint8Array, buf_size: number): number {
  const end = opaque.pos + buf_size;
  if (end > opaque.data.length) {
    const grown = new Uint8Array(Math.max(end, opaque.data.length * 2, 4096));
    grown.set(opaque.data.subarray(0, opaque.size));
    opaque.data = grown;
  }
  opaque.data.set(buf, opaque.pos);
  opaque.pos = end;
  opaque.size = Math.max(opaque.size, end);
  return buf_size;
}

export function memory_output_seek(opaque: OutputData, offset: number, whence: number): number {
  if (whence & AVSEEK_SIZE) return opaque.size;
  const to = seekTarget(whence, offset, opaque.pos, opaque.size);
  if (to < 0) return AVERROR(EINVAL);
  opaque.pos = to;
  return to;
}
