// Messages between a playground (main thread) and its runner (module Web
// Worker). The worker knows nothing of the DOM; the views know nothing of wasm.
import type { Diagnostic } from "../avio/diagnostics.ts";
import type { LogLine } from "../avio/engine.ts";
import type { Trace, TraceEntry } from "../avio/trace.ts";
import type { Stage, StreamSummary } from "../avio/run.ts";
import type { GradeResult } from "../exercises/grade.ts";

/** What the learner's module is expected to export, per playground kind. */
export type RunMode =
  /** exports read_packet (and optionally seek, create_opaque): the engine runs the lifecycle. */
  | "decode"
  /** exports write_packet (and optionally seek, create_opaque): the engine muxes the media's PCM. */
  | "mux"
  /** exports main(input: Uint8Array): the learner writes the whole lifecycle with the avio API. */
  | "script";

export interface RunRequest {
  type: "run";
  id: number;
  /** The learner's TypeScript source. */
  code: string;
  mode: RunMode;
  /** Built-in samples travel as bytes; a learner's own file as a File (read in the worker, so the page holds no copy). */
  media: { name: string; bytes: ArrayBuffer; file?: undefined } | { name: string; file: Blob; bytes?: undefined };
  buffer_size: number;
  /** false: the seek export is ignored (the "no seek callback" experiments). */
  useSeek: boolean;
  /** mux mode: container to produce. */
  outputFormat?: "wav" | "flac";
  /** Points in the downsampled waveform (min/max pairs). */
  waveformPoints?: number;
  /** Seconds of PCM kept for playback (the rest is only counted). */
  playbackSeconds?: number;
  /** read_packet budget etc. */
  maxReadCalls?: number;
  /** Language of the runner's own messages (default en). */
  lang?: "en" | "zh-cn";
}

/** Grade the code against an exercise's tests (the Check button). */
export interface CheckRequest {
  type: "check";
  id: number;
  exercise: string;
  code: string;
  lang: "en" | "zh-cn";
}

export interface CheckResult {
  type: "check-result";
  id: number;
  result: GradeResult;
}

export type ToWorker = RunRequest | CheckRequest | { type: "load"; wasm: WebAssembly.Module; live: SharedArrayBuffer | null };

export interface ByteRange {
  start: number;
  end: number;
  /** Trace sequence number of the first call that read this range. */
  seq: number;
}

export interface SeekJump {
  from: number;
  to: number;
  seq: number;
  size: boolean;
}

export interface Waveform {
  /** min,max per point for the first channel mix, in [-1, 1]. */
  peaks: Float32Array;
  points: number;
  totalSamples: number;
}

export interface RunResult {
  type: "result";
  id: number;
  /** ok: FFmpeg decoded; ffmpeg-error: FFmpeg reported an error; compile-error / missing-export / threw: learner code problems. */
  status: "ok" | "ffmpeg-error" | "compile-error" | "missing-export" | "threw";
  /** The failing step and FFmpeg's text (av_err2str), or the compiler's / exception's message. */
  error?: { stage?: Stage | "compile" | "load"; message: string; code?: number };
  info?: StreamSummary & { bytesRead: number; fileSize: number; decodedSamples: number };
  trace: Trace;
  diagnostics: Diagnostic[];
  log: LogLine[];
  byteMap: { size: number; reads: ByteRange[]; seeks: SeekJump[] };
  waveform?: Waveform;
  /** Interleaved float PCM for playback (first playbackSeconds). */
  playback?: { pcm: Float32Array; sampleRate: number; channels: number };
  /** mux mode: what write_packet collected. */
  output?: { bytes: Uint8Array; format: "wav" | "flac" };
  /** The AVIO buffer pointer before and after avformat_open_input. */
  buffer?: { original: number; afterOpen: number };
  ms: number;
}

/** The run did not finish in time: the worker was terminated. */
export interface TimeoutResult {
  type: "timeout";
  id: number;
  ms: number;
  /** The last calls recorded before the worker stopped answering. */
  last: TraceEntry[];
  /** The callback call that never returned, when the shared status says so. */
  stuck: { callback: (typeof LIVE_CALLBACKS)[number]; call: number } | null;
}

export type FromWorker =
  | { type: "ready"; ffmpegVersion: string }
  | { type: "load-error"; message: string }
  | { type: "heartbeat"; id: number; last: TraceEntry[] }
  | { type: "check-start"; id: number; name: string; title: string }
  | CheckResult
  | RunResult;

/** Layout of the shared Int32Array the worker updates on every callback entry (if SharedArrayBuffer is available). */
export const LIVE = { callback: 0, call: 1, inCallback: 2, length: 4 } as const;
export const LIVE_CALLBACKS = ["read_packet", "write_packet", "seek"] as const;
