// The bytes arrive as chunks of uneven sizes (as from a network or an archive).
// `index` is the chunk being read and `offset` the position inside it.
import { AVERROR_EOF } from "avio";

export interface ChunkedSource {
  chunks: Uint8Array[];
  index: number;
  offset: number;
}

export function read_packet(opaque: ChunkedSource, buf: Uint8Array, buf_size: number): number {
  // TODO: copy up to buf_size bytes, continuing into the next chunks when one runs out.
  void buf_size;
  return AVERROR_EOF;
}

/** For the playground: cuts the file into chunks of uneven sizes (the tests use their own). */
export function create_opaque(data: Uint8Array): ChunkedSource {
  const sizes = [1, 700, 3, 4096, 0, 12000, 5];
  const chunks: Uint8Array[] = [];
  for (let at = 0, i = 0; at < data.length; i++) {
    const n = sizes[i % sizes.length];
    chunks.push(data.subarray(at, at + n));
    at += n;
  }
  return { chunks, index: 0, offset: 0 };
}
