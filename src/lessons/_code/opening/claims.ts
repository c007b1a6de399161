import type { PlaygroundClaim } from "../claim.ts";

import { AVERROR_EOF as EOF } from "../../../avio/constants.ts";

export const claims: PlaygroundClaim[] = [
  // "At 4 KiB the probe's 2,048-byte avio_read() is served by one fill_buffer(): the first call asks for 4,096."
  {
    playground: "watch-the-probe",
    file: "watch-the-probe.ts",
    media: "mp3-cbr-44k-stereo.mp3",
    useSeek: false,
    expect: { status: "ok", diagnostics: [], firstReads: [4096], samples: "> 0", bufferReplaced: true },
  },
  // "At 512 B the first call asks for 2,048 bytes (PROBE_BUF_MIN), straight past the buffer. The MP3 needs a
  //  second round (2,048 more bytes: 4,096 in all) ..."
  {
    playground: "watch-the-probe",
    file: "watch-the-probe.ts",
    media: "mp3-cbr-44k-stereo.mp3",
    bufferSize: 512,
    useSeek: false,
    expect: { status: "ok", diagnostics: [], firstReads: [2048, 2048, 512] },
  },
  // "... the FLAC is recognised in the first 2,048 bytes, and the next call is an ordinary 512-byte refill."
  {
    playground: "watch-the-probe",
    file: "watch-the-probe.ts",
    media: "flac-44k-stereo.flac",
    bufferSize: 512,
    useSeek: false,
    expect: { status: "ok", diagnostics: [], firstReads: [2048, 512, 512], samples: 88200 },
  },
  // "Random bytes: 2,048, 2,048, 4,096, then 8,192 answered with AVERROR_EOF: the probe doubled to 16 KiB,
  //  hit the end, and no demuxer scored above 0: Invalid data found when processing input."
  {
    playground: "watch-the-probe",
    file: "watch-the-probe.ts",
    media: "garbage.bin",
    bufferSize: 512,
    useSeek: false,
    expect: {
      status: "ffmpeg-error",
      firstReads: [2048, 2048, 4096, 8192],
      firstReturns: [2048, 2048, 4096, EOF],
      logIncludes: "Invalid data found when processing input",
      samples: 0,
      // "Every run shows a different AVIO buffer pointer after the open, including Random bytes."
      bufferReplaced: true,
    },
  },
  // "The probe ran: whenever its loop ran … even when the first read met the end at once (empty.bin)."
  {
    playground: "watch-the-probe",
    file: "watch-the-probe.ts",
    media: "empty.bin",
    useSeek: false,
    expect: { status: "ffmpeg-error", firstReturns: [EOF], samples: 0, bufferReplaced: true },
  },
];
