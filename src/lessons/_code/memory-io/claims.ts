import type { PlaygroundClaim } from "../claim.ts";

export const claims: PlaygroundClaim[] = [
  {
    playground: "decode-from-memory",
    file: "decode-from-memory.ts",
    media: "mp3-cbr-44k-stereo.mp3",
    expect: { status: "ok", diagnostics: [], samples: 88200, minReads: 3, seeks: "> 0" },
  },
  {
    // "without seek the MP3 keeps its padding: 88,751 samples instead of 88,200"
    playground: "whole-flow",
    file: "whole-flow.ts",
    mode: "script",
    media: "mp3-cbr-44k-stereo.mp3",
    expect: { status: "ok", diagnostics: [], samples: 88751, seeks: 0 },
  },
];
