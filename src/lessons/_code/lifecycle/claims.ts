import type { PlaygroundClaim } from "../claim.ts";

export const claims: PlaygroundClaim[] = [
  // "The complete lifecycle leaves nothing behind."
  { playground: "lifecycle", file: "lifecycle.ts", mode: "script", media: "mp3-cbr-44k-stereo.mp3", expect: { status: "ok", diagnostics: [], samples: 88751 } },
  // "On garbage.bin avformat_open_input fails; the same cleanup still frees everything."
  { playground: "lifecycle", file: "lifecycle.ts", mode: "script", media: "garbage.bin", expect: { status: "ok", diagnostics: ["ffmpeg_error"] } },
  // "The three mistakes: double free of the replaced buffer, then two leaks."
  { playground: "cleanup-mistakes", file: "mistakes.ts", mode: "script", media: "mp3-cbr-44k-stereo.mp3", expect: { status: "ok", diagnostics: ["double_free_replaced_buffer", "leak_avio_buffer", "leak_avio_context"] } },
  // "On garbage.bin the early return leaks the context and its buffer."
  { playground: "cleanup-mistakes", file: "mistakes.ts", mode: "script", media: "garbage.bin", expect: { status: "ok", diagnostics: ["ffmpeg_error", "leak_avio_buffer", "leak_avio_context"] } },
];
