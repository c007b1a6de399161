import type { PlaygroundClaim } from "../claim.ts";

export const claims: PlaygroundClaim[] = [
  {
    playground: "watch-the-buffer",
    file: "watch-the-buffer.ts",
    media: "flac-44k-stereo.flac",
    expect: { status: "ok", diagnostics: [], samples: 88200 },
  },
  {
    playground: "free-the-right-one",
    file: "free-the-right-one.ts",
    mode: "script",
    media: "flac-44k-stereo.flac",
    expect: { status: "ok", diagnostics: ["double_free_replaced_buffer", "leak_avio_buffer"] },
  },
];
