// opaque carries everything read_packet needs: here an "encrypted" copy of
// the file, the key to undo it, and the read position. create_opaque builds
// that state once; FFmpeg hands it back on every call.
// Change KEY_USED_TO_READ to 0x5b and run again.
import { AVERROR_EOF } from "avio";

const KEY = 0x5a;
const KEY_USED_TO_READ = 0x5a;

interface XorSource {
  blob: Uint8Array; // the bytes as stored: every byte XOR KEY
  key: number;
  pos: number;
}

export function create_opaque(data: Uint8Array): XorSource {
  const blob = data.map((b) => b ^ KEY); // pretend it arrived encrypted
  return { blob, key: KEY_USED_TO_READ, pos: 0 };
}

export function read_packet(opaque: XorSource, buf: Uint8Array, buf_size: number): number {
  const n = Math.min(buf_size, opaque.blob.length - opaque.pos);
  if (n <= 0) return AVERROR_EOF;
  for (let i = 0; i < n; i++) buf[i] = opaque.blob[opaque.pos + i] ^ opaque.key;
  opaque.pos += n;
  return n;
}
