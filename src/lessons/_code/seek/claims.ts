import type { PlaygroundClaim } from "../claim.ts";

const m4a = "m4a-moov-end-48k-stereo.m4a";
const mp3 = "mp3-cbr-44k-stereo.mp3";
const opus = "opus-48k-stereo.opus";

export const claims: PlaygroundClaim[] = [
  // "With seek the moov-at-end M4A decodes: 6 seek calls (5 AVSEEK_SIZE, 1 SEEK_SET to 44), 96256 samples."
  { playground: "seek-callback", file: "seek-callback.ts", media: m4a, useSeek: true, expect: { status: "ok", diagnostics: [], samples: 96256, seeks: 6 } },
  // "Without seek: 'partial file', AVERROR_INVALIDDATA, 0 samples."
  { playground: "seek-callback", file: "seek-callback.ts", media: m4a, useSeek: false, expect: { status: "ffmpeg-error", samples: 0, seeks: 0, logIncludes: "partial file" } },
  // "MP3: 88200 samples per channel with seek, 88751 without."
  { playground: "seek-callback", file: "seek-callback.ts", media: mp3, useSeek: true, expect: { status: "ok", diagnostics: [], samples: 88200, seeks: 5 } },
  { playground: "seek-callback", file: "seek-callback.ts", media: mp3, useSeek: false, expect: { status: "ok", samples: 88751, seeks: 0, logIncludes: "invalid concatenated file detected" } },
  // "Opus: same 96000 samples either way; with seek 7 seek calls and the tail is read again."
  { playground: "seek-callback", file: "seek-callback.ts", media: opus, useSeek: true, expect: { status: "ok", diagnostics: [], samples: 96000, seeks: 7, minReads: 19, maxReads: 19 } },
  { playground: "seek-callback", file: "seek-callback.ts", media: opus, useSeek: false, expect: { status: "ok", samples: 96000, seeks: 0, maxReads: 8 } },
  // "fseek-style seek on the M4A: size 1, 'moov atom not found', seek_wrong_position."
  { playground: "fseek-style", file: "fseek-style.ts", media: m4a, useSeek: true, expect: { status: "ffmpeg-error", includesDiagnostics: ["seek_wrong_position"], logIncludes: "moov atom not found" } },
];
