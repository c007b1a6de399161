import { AVSEEK_FORCE } from "../../../avio/constants.ts";
import type { PlaygroundClaim } from "../claim.ts";

export const claims: PlaygroundClaim[] = [
  // "Run it: the MP3 decodes to 88,200 samples per channel; the trace shows AVSEEK_SIZE questions and jumps."
  {
    playground: "portable",
    file: "portable.ts",
    media: "mp3-cbr-44k-stereo.mp3",
    expect: { status: "ok", diagnostics: [], samples: 88200, seeks: "> 0" },
  },
  // "... the M4A whose moov is at the end … decode 96,256 samples with 6 calls to seek (… the
  //  AVSEEK_FORCE mask never matters here, since avio_seek() strips the bit before calling you)."
  {
    playground: "portable",
    file: "portable.ts",
    media: "m4a-moov-end-48k-stereo.m4a",
    expect: { status: "ok", diagnostics: [], samples: 96256, seeks: 6, whenceNever: AVSEEK_FORCE },
  },
];
