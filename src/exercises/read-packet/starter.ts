// Fill `buf` with the next bytes of the file and return how many you copied.
import { AVERROR_EOF } from "avio";

export interface BufferData {
  data: Uint8Array; // the whole file
  pos: number; // where the next read starts
}

export function read_packet(opaque: BufferData, buf: Uint8Array, buf_size: number): number {
  // TODO: copy up to buf_size bytes from opaque.data at opaque.pos into buf,
  // advance opaque.pos, and return the number of bytes copied.
  return AVERROR_EOF;
}
