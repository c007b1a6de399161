import type { PlaygroundClaim } from "../claim.ts";

const wav = "wav-s16-44k-stereo.wav";

export const claims: PlaygroundClaim[] = [
  // "With seek: 90 write_packet calls, then 4 seeks at av_write_trailer (74, back, 4, back)."
  { playground: "mux-to-memory", file: "mux-to-memory.ts", mode: "mux", media: wav, useSeek: true, outputFormat: "wav", expect: { status: "ok", diagnostics: [], seeks: 4 } },
  // "Without seek the muxer still succeeds: no seek call, sizes stay 0xFFFFFFFF."
  { playground: "mux-to-memory", file: "mux-to-memory.ts", mode: "mux", media: wav, useSeek: false, outputFormat: "wav", expect: { status: "ok", diagnostics: [], seeks: 0 } },
  // "FLAC patches STREAMINFO at offset 8 with two seeks."
  { playground: "mux-to-memory", file: "mux-to-memory.ts", mode: "mux", media: wav, useSeek: true, outputFormat: "flac", expect: { status: "ok", diagnostics: [], seeks: 2 } },
  // "FLAC without seek logs a warning (flac_write_trailer) and still succeeds: no seek call."
  { playground: "mux-to-memory", file: "mux-to-memory.ts", mode: "mux", media: wav, useSeek: false, outputFormat: "flac", expect: { status: "ok", seeks: 0, logIncludes: "unable to rewrite FLAC header" } },
  // "The append-only write_packet runs without any error: FFmpeg cannot tell."
  { playground: "append-only", file: "append-only.ts", mode: "mux", media: wav, useSeek: true, outputFormat: "wav", expect: { status: "ok", diagnostics: [], seeks: 4 } },
];
