// Bytes that arrive over time. create_opaque cuts the file into "network
// packets" of 1400 bytes; each read_packet call hands FFmpeg what the next
// packet brought, like recv() on a socket. There is no seek: what has been
// handed over is gone. Try the MP3, ADTS AAC, Ogg and Opus samples, then the
// M4A whose moov atom is at the end.
import { AVERROR_EOF } from "avio";

interface Stream {
  packets: Uint8Array[]; // what the network will deliver, in order
  next: number; // index of the next packet to arrive
  carry: Uint8Array | null; // the part of a packet that did not fit into buf
}

export function create_opaque(data: Uint8Array): Stream {
  const packets: Uint8Array[] = [];
  for (let at = 0; at < data.length; at += 1400) packets.push(data.subarray(at, at + 1400));
  return { packets, next: 0, carry: null };
}

export function read_packet(s: Stream, buf: Uint8Array, buf_size: number): number {
  // A real source would block here until a packet arrives (or the connection closes).
  const chunk = s.carry ?? s.packets[s.next++];
  if (!chunk) return AVERROR_EOF; // connection closed: the stream is over
  const n = Math.min(buf_size, chunk.length);
  buf.set(chunk.subarray(0, n));
  s.carry = n < chunk.length ? chunk.subarray(n) : null;
  return n; // short reads are fine: FFmpeg asks again for the rest
}
