import type { PlaygroundClaim } from "../claim.ts";

export const claims: PlaygroundClaim[] = [
  // "Run it on the MP3: Done, no diagnostics. The trace has the MP3's reads, the FLAC writes and the two
  //  seeks of flac_write_trailer(), then the reads of the FLAC; the waveform shows both passes."
  {
    playground: "transcode",
    file: "transcode.ts",
    mode: "script",
    media: "mp3-cbr-44k-stereo.mp3",
    expect: { status: "ok", diagnostics: [], samples: 176400, seeks: "> 0" },
  },
  // "Any input the engine decodes works: the Ogg Vorbis sample round-trips just as exactly."
  {
    playground: "transcode",
    file: "transcode.ts",
    mode: "script",
    media: "ogg-vorbis-44k-stereo.ogg",
    expect: { status: "ok", diagnostics: [] },
  },
  {
    playground: "transcode",
    file: "transcode.ts",
    mode: "script",
    media: "wav-s16-44k-stereo.wav",
    expect: { status: "ok", diagnostics: [], samples: 176400 },
  },
  // "Random bytes: avformat_open_input() fails, main() throws with FFmpeg's message, and nothing leaks."
  {
    playground: "transcode",
    file: "transcode.ts",
    mode: "script",
    media: "garbage.bin",
    expect: { status: "threw", diagnostics: ["ffmpeg_error"], logIncludes: "Invalid data found when processing input" },
  },
];
