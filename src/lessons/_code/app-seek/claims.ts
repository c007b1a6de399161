import type { PlaygroundClaim } from "../claim.ts";

const flac = "flac-44k-stereo.flac";
const mp3 = "mp3-cbr-44k-stereo.mp3";
const m4aEnd = "m4a-moov-end-48k-stereo.m4a";
const m4aFast = "m4a-faststart-44k-mono.m4a";
const wav = "wav-s16-44k-stereo.wav";
const opus = "opus-48k-stereo.opus";
const seeked = (ts: number, tb: string) => [
  `av_seek_frame(fmt_ctx, 0, ${ts}, 0), time_base ${tb}`,
  "av_seek_frame returned 0",
];

// Every figure below was also measured with Debian's native libavformat 5.1.9 (the same callbacks
// in C, 4,096-byte buffer): the same read_packet/seek calls during the seek, offset for offset, and
// the same samples decoded after it.
export const claims: PlaygroundClaim[] = [
  // "FLAC: 13 SEEK_SETs, the first to 8,288 (the first frame), the search ends at 169,141; 42,120 samples follow."
  { playground: "seek-burst", file: "seek-burst.ts", mode: "script", media: flac, expect: { status: "ok", diagnostics: [], samples: 42120, seekSets: [8288, 313702, 311654, 307558, 299366, 282982, 296350, 161445, 154532, 81409, 147545, 152976, 169141], minReads: 347, maxReads: 347, consoleLines: [...seeked(44100, "1/44100"), "samples per channel after the seek: 42120"] } },
  // "MP3: two SEEK_SETs, to 462 (the last indexed frame) and to 14,798; 44,377 samples follow."
  { playground: "seek-burst", file: "seek-burst.ts", mode: "script", media: mp3, expect: { status: "ok", diagnostics: [], samples: 44377, seekSets: [462, 14798], consoleLines: [...seeked(14112000, "1/14112000"), "samples per channel after the seek: 44377"] } },
  // "WAV: one SEEK_SET, to 78 + 44,100 × 4 = 176,478; exactly 44,100 samples follow."
  { playground: "seek-burst", file: "seek-burst.ts", mode: "script", media: wav, expect: { status: "ok", diagnostics: [], samples: 44100, seekSets: [176478], consoleLines: [...seeked(44100, "1/44100"), "samples per channel after the seek: 44100"] } },
  // "M4A: no I/O in the seek; the only SEEK_SET of the run is the open's, to 44; 48,128 samples follow."
  { playground: "seek-burst", file: "seek-burst.ts", mode: "script", media: m4aEnd, expect: { status: "ok", diagnostics: [], samples: 48128, seekSets: [44], consoleLines: [...seeked(48000, "1/48000"), "samples per channel after the seek: 48128"] } },
  // "Opus in Ogg: 5 SEEK_SETs in the seek, the first to 18,663 (the first three of the run are the open's); 48,000 samples follow."
  { playground: "seek-burst", file: "seek-burst.ts", mode: "script", media: opus, expect: { status: "ok", diagnostics: [], samples: 48000, seekSets: [0, 10260, 137, 18663, 14567, 6375, 10261, 10260], consoleLines: [...seeked(48000, "1/48000"), "samples per channel after the seek: 48000"] } },
  // "Without seek, MP3: the seek's first move is backward, and avio_seek() returns AVERROR(EPIPE)."
  { playground: "no-seek", file: "no-seek.ts", mode: "script", media: mp3, expect: { status: "ok", diagnostics: [], seeks: 0, consoleLines: ["av_seek_frame(fmt_ctx, 0, 14112000, 0), time_base 1/14112000", "av_seek_frame returned -64 (Broken pipe)"] } },
  // "Without seek, faststart M4A: the target is ahead, read through; the same 44,032 samples as with seek."
  { playground: "no-seek", file: "no-seek.ts", mode: "script", media: m4aFast, expect: { status: "ok", diagnostics: [], seeks: 0, samples: 44032, consoleLines: [...seeked(44100, "1/44100"), "samples per channel after the seek: 44032"] } },
  // "Without seek, moov-at-end M4A: av_seek_frame returns 0, then 'partial file' and 0 samples."
  { playground: "no-seek", file: "no-seek.ts", mode: "script", media: m4aEnd, expect: { status: "ok", seeks: 0, logIncludes: "partial file", consoleLines: [...seeked(48000, "1/48000"), "samples per channel after the seek: 0"] } },
  // "Without seek, FLAC: -1, not an AVERROR (av_err2str prints errno 1's text)."
  { playground: "no-seek", file: "no-seek.ts", mode: "script", media: flac, expect: { status: "ok", diagnostics: [], seeks: 0, consoleLines: ["av_seek_frame(fmt_ctx, 0, 44100, 0), time_base 1/44100", "av_seek_frame returned -1 (Argument list too long)"] } },
];
