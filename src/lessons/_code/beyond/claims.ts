import type { PlaygroundClaim } from "../claim.ts";

export const claims: PlaygroundClaim[] = [
  // "On the MP3 a size-only seek is enough: avio_size() works, the padding is trimmed, 88,200 samples."
  {
    playground: "size-only-seek",
    file: "size-only-seek.ts",
    media: "mp3-cbr-44k-stereo.mp3",
    expect: { status: "ok", diagnostics: [], samples: 88200 },
  },
  // "On the Ogg Vorbis sample the run says Done and decodes 44,736 samples per channel instead of 88,200:
  //  ogg_get_length() tried to jump, failed, and read the stream to its end."
  {
    playground: "size-only-seek",
    file: "size-only-seek.ts",
    media: "ogg-vorbis-44k-stereo.ogg",
    expect: { status: "ok", diagnostics: [], samples: 44736 },
  },
  // "Untick the seek callback: all 88,200."
  {
    playground: "size-only-seek",
    file: "size-only-seek.ts",
    media: "ogg-vorbis-44k-stereo.ogg",
    useSeek: false,
    expect: { status: "ok", diagnostics: [], samples: 88200, seeks: 0 },
  },
  // "The Opus sample: 47,688 instead of 96,000."
  {
    playground: "size-only-seek",
    file: "size-only-seek.ts",
    media: "opus-48k-stereo.opus",
    expect: { status: "ok", diagnostics: [], samples: 47688 },
  },
  // "The M4A with moov at the end fails either way: partial file."
  {
    playground: "size-only-seek",
    file: "size-only-seek.ts",
    media: "m4a-moov-end-48k-stereo.m4a",
    expect: { status: "ffmpeg-error", logIncludes: "partial file", samples: 0 },
  },
];
