import type { PlaygroundClaim } from "../claim.ts";

export const claims: PlaygroundClaim[] = [
  {
    // "11 read_packet calls read the 33,062-byte MP3; 88 write_packet calls took the WAV"
    playground: "both-directions",
    file: "both-directions.ts",
    mode: "script",
    media: "mp3-cbr-44k-stereo.mp3",
    expect: { status: "ok", diagnostics: [], samples: 88751, minReads: 11, maxReads: 11, seeks: 0 },
  },
];
