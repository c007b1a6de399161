import type { PlaygroundClaim } from "../claim.ts";

// The lesson's table: read_packet calls for the 314,727-byte FLAC sample.
const table: [number, number][] = [
  [512, 615],
  [1024, 310],
  [4096, 80],
  [16384, 23],
  [65536, 8],
  [262144, 5],
  [1048576, 4],
];

export const claims: PlaygroundClaim[] = table.map(([bufferSize, reads]) => ({
  playground: "count-reads",
  file: "count-reads.ts",
  media: "flac-44k-stereo.flac",
  bufferSize,
  expect: { status: "ok", diagnostics: [], samples: 88200, minReads: reads, maxReads: reads },
}));
