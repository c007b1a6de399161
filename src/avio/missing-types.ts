// What a run records when this build lacks a decoder or demuxer (engine.ts keeps it; missing.ts finds and words it).

/** A container recognised by its first bytes (the magic its FFmpeg demuxer's probe checks). */
export interface Signature {
  /** FFmpeg's demuxer name, e.g. "caf"; null when FFmpeg has no demuxer for it at all. */
  demuxer: string | null;
  /** FFmpeg's long name of that demuxer, or what the file is. */
  description: string;
}

/** What probing the first bytes found, when no demuxer of this build opened the input. */
export interface ProbeFinding {
  /** Bytes read_packet delivered from position 0 that were looked at (0: nothing to probe). */
  bytes: number;
  /** The first (up to 16) of them, as hex. */
  head: string;
  /** The container the bytes' signature names, if one is known. */
  signature: Signature | null;
  /** The best-scoring demuxer of this build (av_probe_input_format3), if any scored above 0; score of 100. */
  closest: { name: string; score: number } | null;
}

export interface MissingComponent {
  kind: "decoder" | "demuxer";
  /** FFmpeg's name: the codec (avcodec_get_name, e.g. "pcm_s64le") or demuxer (e.g. "caf"); null when unknown. */
  name: string | null;
  /** FFmpeg's long name, e.g. "PCM signed 64-bit little-endian"; null when unknown. */
  description: string | null;
  /** A decoder: the container's codec tag when FFmpeg knows no codec for it (e.g. "0x0011" in a WAV). */
  tag?: string;
  /** A demuxer: what probing found. */
  probe?: ProbeFinding;
}
