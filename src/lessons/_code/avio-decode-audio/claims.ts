import type { PlaygroundClaim } from "../claim.ts";

const aac = "aac-adts-44k-stereo.aac";

export const claims: PlaygroundClaim[] = [
  // "The port decodes (4 reads of up to 20480 bytes), then the detector reports three problems."
  { playground: "classic", file: "classic.ts", mode: "script", media: aac, expect: { status: "ok", diagnostics: ["double_free_replaced_buffer", "leak_avio_buffer", "leak_avio_context"], samples: 90112, minReads: 4, maxReads: 4 } },
  // "On a file FFmpeg cannot open, the unchecked return value becomes a use of a freed context."
  { playground: "classic", file: "classic.ts", mode: "script", media: "garbage.bin", expect: { status: "threw", includesDiagnostics: ["ffmpeg_error", "leak_avio_context"] } },
  // "The corrected version: no diagnostics."
  { playground: "corrected", file: "corrected.ts", mode: "script", media: aac, expect: { status: "ok", diagnostics: [], samples: 90112 } },
  { playground: "corrected", file: "corrected.ts", mode: "script", media: "garbage.bin", expect: { status: "ok", diagnostics: ["ffmpeg_error"] } },
];
