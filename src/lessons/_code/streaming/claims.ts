import type { PlaygroundClaim } from "../claim.ts";

const play = (media: string, expect: PlaygroundClaim["expect"]): PlaygroundClaim => ({ playground: "network-chunks", file: "network-chunks.ts", media, useSeek: false, expect });

export const claims: PlaygroundClaim[] = [
  play("mp3-cbr-44k-stereo.mp3", { status: "ok", samples: 88751, seeks: 0, minReads: 26, maxReads: 26 }),
  play("aac-adts-44k-stereo.aac", { status: "ok", samples: 90112, seeks: 0 }),
  play("ogg-vorbis-44k-stereo.ogg", { status: "ok", samples: 88200, seeks: 0 }),
  play("opus-48k-stereo.opus", { status: "ok", samples: 96000, seeks: 0 }),
  play("m4a-faststart-44k-mono.m4a", { status: "ok", samples: 89088, seeks: 0 }),
  play("m4a-moov-end-48k-stereo.m4a", { status: "ffmpeg-error", samples: 0, logIncludes: "partial file" }),
];
