// MP4/M4A into memory: the mov muxer (libavformat/movenc.c) writes through
// write_packet, and at av_write_trailer() seeks back to patch the mdat size
// before it writes the moov box (the index) at the end.
// The engine decodes the chosen media to PCM, encodes it with alac and muxes it
// through these two. Untick "Pass a seek callback", or set movflags, and run again.
import { AVERROR, AVSEEK_FORCE, AVSEEK_SIZE, EINVAL, SEEK_CUR, SEEK_END, SEEK_SET } from "avio";

interface OutputBuffer {
  data: Uint8Array; // capacity, grows by doubling
  pos: number; // where the next write lands
  size: number; // bytes of real output (the file)
}

export function create_opaque(): OutputBuffer {
  return { data: new Uint8Array(64 * 1024), pos: 0, size: 0 };
}

export function write_packet(opaque: OutputBuffer, buf: Uint8Array, buf_size: number): number {
  const end = opaque.pos + buf_size;
  if (end > opaque.data.length) {
    const grown = new Uint8Array(Math.max(end, opaque.data.length * 2));
    grown.set(opaque.data.subarray(0, opaque.size));
    opaque.data = grown;
  }
  // Copy: buf is FFmpeg's buffer and is reused for the next write.
  opaque.data.set(buf.subarray(0, buf_size), opaque.pos);
  opaque.pos = end;
  opaque.size = Math.max(opaque.size, end); // the mdat patch lands inside the file
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
