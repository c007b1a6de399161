// Output mode: FFmpeg's WAV muxer calls write_packet with the bytes it
// produces, and seek to go back and patch the header at the end.
// Collect everything into a growable buffer.
import { AVERROR, AVSEEK_FORCE, AVSEEK_SIZE, EINVAL, SEEK_CUR, SEEK_END, SEEK_SET } from "avio";

export interface OutputBuffer {
  data: Uint8Array; // capacity; grow it as needed
  pos: number; // where the next write goes
  size: number; // bytes of real output (the file's length)
}

export function write_packet(opaque: OutputBuffer, buf: Uint8Array, buf_size: number): number {
  // TODO: store buf[0..buf_size) at opaque.pos, growing opaque.data if needed;
  // advance pos, update size, return buf_size.
  return buf_size;
}

export function seek(opaque: OutputBuffer, offset: number, whence: number): number {
  // TODO: like an input seek, but over what was written so far (opaque.size).
  void [AVSEEK_FORCE, AVSEEK_SIZE, SEEK_CUR, SEEK_END, SEEK_SET];
  return AVERROR(EINVAL);
}
