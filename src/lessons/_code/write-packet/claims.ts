import type { PlaygroundClaim } from "../claim.ts";

const wav = "wav-s16-44k-stereo.wav";
// 352,800 bytes of samples in encoder packets of 16,384 bytes: 21 whole ones and one of 8,736.
const packets = [...Array<number>(21).fill(16384), 8736];

export const claims: PlaygroundClaim[] = [
  // "With seek: 90 write_packet calls, then 4 seeks at av_write_trailer (74, back, 4, back)."
  // "avformat_write_header(): 1 × 78 bytes … The header is flushed at once": the first call is the
  //  header alone, before any sample reaches the 4,096-byte buffer (mux.c flush_if_needed()).
  { playground: "mux-to-memory", file: "mux-to-memory.ts", mode: "mux", media: wav, useSeek: true, outputFormat: "wav", expect: { status: "ok", diagnostics: [], seeks: 4, writes: 90, firstWrites: [78, 4096, 4096, 4096, 4096] } },
  // "Without seek … 88 write_packet calls, 0 seeks."
  { playground: "mux-to-memory", file: "mux-to-memory.ts", mode: "mux", media: wav, useSeek: false, outputFormat: "wav", expect: { status: "ok", diagnostics: [], seeks: 0, writes: 88 } },
  // "Change the buffer size to 64 KiB: the samples now arrive in 21 calls of 16,384 bytes plus one of
  //  8,736, one per encoder packet" — a flush after every packet, never a full 65,536-byte buffer.
  { playground: "mux-to-memory", file: "mux-to-memory.ts", mode: "mux", media: wav, useSeek: true, outputFormat: "wav", bufferSize: 65536, expect: { status: "ok", diagnostics: [], seeks: 4, writes: 1 + packets.length + 2, firstWrites: [78, ...packets, 4, 4] } },
  // "FLAC patches STREAMINFO at offset 8 with two seeks."
  { playground: "mux-to-memory", file: "mux-to-memory.ts", mode: "mux", media: wav, useSeek: true, outputFormat: "flac", expect: { status: "ok", diagnostics: [], seeks: 2 } },
  // "FLAC without seek logs a warning (flac_write_trailer) and still succeeds: no seek call."
  { playground: "mux-to-memory", file: "mux-to-memory.ts", mode: "mux", media: wav, useSeek: false, outputFormat: "flac", expect: { status: "ok", seeks: 0, logIncludes: "unable to rewrite FLAC header" } },
  // "FFmpeg reports success (it cannot tell), but the playground compares the bytes: output_differs at byte 4."
  { playground: "append-only", file: "append-only.ts", mode: "mux", media: wav, useSeek: true, outputFormat: "wav", expect: { status: "ok", diagnostics: ["output_differs"], seeks: 4, outputDiffers: { expected: 352878, got: 352886, at: 4 } } },
];
