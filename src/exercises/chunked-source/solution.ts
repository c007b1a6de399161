import { AVERROR_EOF } from "avio";

export interface ChunkedSource {
  chunks: Uint8Array[];
  index: number;
  offset: number;
}

export function read_packet(opaque: ChunkedSource, buf: Uint8Array, buf_size: number): number {
  let written = 0;
  while (written < buf_size && opaque.index < opaque.chunks.length) {
    const chunk = opaque.chunks[opaque.index];
    const n = Math.min(buf_size - written, chunk.length - opaque.offset);
    buf.set(chunk.subarray(opaque.offset, opaque.offset + n), written);
    written += n;
    opaque.offset += n;
    if (opaque.offset === chunk.length) {
      opaque.index++; // also steps over empty chunks
      opaque.offset = 0;
    }
  }
  return written > 0 ? written : AVERROR_EOF;
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
