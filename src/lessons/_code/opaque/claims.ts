import type { PlaygroundClaim } from "../claim.ts";

export const claims: PlaygroundClaim[] = [
  {
    playground: "xor-source",
    file: "xor-source.ts",
    media: "flac-44k-stereo.flac",
    expect: { status: "ok", diagnostics: [], samples: 88200, minReads: 80, maxReads: 80 },
  },
  {
    // "the first open read 3 times, the second probed the remaining 11 calls and failed"
    playground: "shared-state",
    file: "shared-state.ts",
    mode: "script",
    media: "flac-44k-stereo.flac",
    expect: { status: "ok", diagnostics: ["ffmpeg_error"], logIncludes: "Invalid data found when processing input", minReads: 14, maxReads: 14 },
  },
  {
    // "on the MP3, the shared state does not even fail: the probe guesses with a low score"
    playground: "shared-state",
    file: "shared-state.ts",
    mode: "script",
    media: "mp3-cbr-44k-stereo.mp3",
    expect: { status: "ok", diagnostics: [], logIncludes: "detected only with low score of 25" },
  },
];
