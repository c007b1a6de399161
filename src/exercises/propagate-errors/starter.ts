// A download that may break before the end: `data` holds the bytes that
// arrived, `errno` says how the transfer ended (0 if it completed).
import { AVERROR, AVERROR_EOF, EIO } from "avio";

export interface Download {
  data: Uint8Array; // the bytes that arrived
  pos: number; // where the next read starts
  errno: number; // 0: the transfer completed; otherwise the error that cut it short
}

export function read_packet(opaque: Download, buf: Uint8Array, buf_size: number): number {
  const left = opaque.data.length - opaque.pos;
  if (left <= 0) {
    // TODO: is this really the end of the file?
    void AVERROR;
    return AVERROR_EOF;
  }
  const n = Math.min(buf_size, left);
  buf.set(opaque.data.subarray(opaque.pos, opaque.pos + n));
  opaque.pos += n;
  return n;
}

/** For the playground: the transfer breaks with EIO after 60% of the file (the tests use their own). */
export function create_opaque(data: Uint8Array): Download {
  return { data: data.subarray(0, Math.floor(data.length * 0.6)), pos: 0, errno: EIO };
}
