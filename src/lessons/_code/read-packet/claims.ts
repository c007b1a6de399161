import type { PlaygroundClaim } from "../claim.ts";

const flac = "flac-44k-stereo.flac";

export const claims: PlaygroundClaim[] = [
  {
    // 1000-byte partial reads: 315 data calls + 3 AVERROR_EOF answers, same samples as 4096-byte reads
    playground: "partial-reads",
    file: "partial-reads.ts",
    media: flac,
    expect: { status: "ok", diagnostics: [], samples: 88200, minReads: 318, maxReads: 318 },
  },
  {
    // all 88,200 samples come out, then FFmpeg keeps asking; the safety net stops it after 1000 zeros
    playground: "return-zero",
    file: "return-zero.ts",
    media: flac,
    expect: { status: "ffmpeg-error", diagnostics: ["read_packet_returned_zero", "read_packet_zero_loop"], samples: 88200, minReads: 1077, maxReads: 1077 },
  },
  {
    // "on the MP3 the same bug goes unnoticed by FFmpeg"
    playground: "return-zero",
    file: "return-zero.ts",
    media: "mp3-cbr-44k-stereo.mp3",
    expect: { status: "ok", diagnostics: ["read_packet_returned_zero"], samples: 88751 },
  },
  {
    // "set buffer_size to 512 B and the MP3 spins too": mp3_read_packet()'s 1,024-byte avio_read() is larger
    // than the buffer, so at the end it takes the bypass branch, which calls read_packet again at once.
    playground: "return-zero",
    file: "return-zero.ts",
    media: "mp3-cbr-44k-stereo.mp3",
    bufferSize: 512,
    expect: { status: "ffmpeg-error", diagnostics: ["read_packet_returned_zero", "read_packet_zero_loop"], samples: 88751 },
  },
  {
    // "Fix the marked line and both work": the solution of the return-zero playground
    playground: "return-zero",
    file: "return-zero-fixed.ts",
    media: flac,
    expect: { status: "ok", diagnostics: [], samples: 88200, minReads: 80, maxReads: 80 },
  },
  {
    playground: "return-zero",
    file: "return-zero-fixed.ts",
    media: "mp3-cbr-44k-stereo.mp3",
    // no seek export: the MP3 keeps its end padding (see the seek lesson)
    expect: { status: "ok", diagnostics: [], samples: 88751 },
  },
  {
    // "Fix the marked line and all three runs work": the MP3 at 512 B too
    playground: "return-zero",
    file: "return-zero-fixed.ts",
    media: "mp3-cbr-44k-stereo.mp3",
    bufferSize: 512,
    expect: { status: "ok", diagnostics: [], samples: 88751 },
  },
  {
    playground: "too-many",
    file: "too-many.ts",
    media: flac,
    expect: { status: "ffmpeg-error", diagnostics: ["read_packet_overflow", "ffmpeg_error"], minReads: 1, maxReads: 1 },
  },
  {
    // the solution of the too-many playground: same program, returns n
    playground: "too-many",
    file: "too-many-fixed.ts",
    media: flac,
    expect: { status: "ok", diagnostics: [], samples: 88200 },
  },
  {
    playground: "throws",
    file: "throws.ts",
    media: flac,
    expect: { status: "ffmpeg-error", diagnostics: ["callback_threw"], samples: 23040, logIncludes: "Generic error in an external library", minReads: 26, maxReads: 26 },
  },
  {
    // the solution of the throws playground: FFmpeg stops at the same place, now with "I/O error"
    playground: "throws",
    file: "throws-fixed.ts",
    media: flac,
    expect: { status: "ffmpeg-error", diagnostics: [], samples: 23040, logIncludes: "I/O error", minReads: 26, maxReads: 26 },
  },
  {
    playground: "io-error",
    file: "io-error.ts",
    media: flac,
    expect: { status: "ffmpeg-error", diagnostics: [], samples: 23040, logIncludes: "I/O error", minReads: 26, maxReads: 26 },
  },
];
