// expect-fail: muxes the WAV sample into a file identical to FFmpeg's :: is (8|44) bytes; FFmpeg wrote \d+ bytes\. The header sizes at bytes 4 and 40\+ are patched by seeking back at the end\. opaque\.size is .* must never shrink it\.$
// The same size bug, seen by the mux test: the file ends where the last header patch did.
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
  opaque.size = end; // shrinks when the muxer writes after seeking back
  return buf_size;
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
