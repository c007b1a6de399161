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
