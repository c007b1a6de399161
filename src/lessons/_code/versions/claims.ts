import type { PlaygroundClaim } from "../claim.ts";

export const claims: PlaygroundClaim[] = [
  // "Run it: the MP3 decodes to 88,200 samples per channel; the trace shows AVSEEK_SIZE questions and jumps."
  {
    playground: "portable",
    file: "portable.ts",
    media: "mp3-cbr-44k-stereo.mp3",
    expect: { status: "ok", diagnostics: [], samples: 88200, seeks: "> 0" },
  },
  // "... and the M4A with moov at the end, which needs every rule, opens and decodes."
  {
    playground: "portable",
    file: "portable.ts",
    media: "m4a-moov-end-48k-stereo.m4a",
    expect: { status: "ok", diagnostics: [], samples: 96256, seeks: 6 },
  },
];
