// A write_packet that ignores the position: every block is appended.
// The seek callback moves opaque.pos, but nothing reads it. Run it, look at
// the header view and the file size, then make write_packet write at pos.
import { AVSEEK_FORCE, AVSEEK_SIZE, SEEK_CUR, SEEK_END } from "avio";

interface OutputBuffer {
  data: Uint8Array;
  pos: number;
  size: number;
}

export function create_opaque(): OutputBuffer {
  return { data: new Uint8Array(64 * 1024), pos: 0, size: 0 };
}

export function write_packet(opaque: OutputBuffer, buf: Uint8Array, buf_size: number): number {
  const end = opaque.size + buf_size; // BUG: should be opaque.pos + buf_size
  if (end > opaque.data.length) {
    const grown = new Uint8Array(Math.max(end, opaque.data.length * 2));
    grown.set(opaque.data.subarray(0, opaque.size));
    opaque.data = grown;
  }
  opaque.data.set(buf.subarray(0, buf_size), opaque.size); // BUG: always at the end
  opaque.size = end;
  opaque.pos = end;
  return buf_size;
}

export function seek(opaque: OutputBuffer, offset: number, whence: number): number {
  if (whence & AVSEEK_SIZE) return opaque.size;
  whence &= ~AVSEEK_FORCE;
  const pos = whence === SEEK_CUR ? opaque.pos + offset : whence === SEEK_END ? opaque.size + offset : offset;
  opaque.pos = pos;
  return pos;
}
