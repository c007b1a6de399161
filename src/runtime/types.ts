// Plain data in and out of the runtime: what a Run asks for, what it returns, and the
// verdicts of a Check. Only primitives, arrays and typed arrays: everything here can cross a
// worker or process boundary, and none of it is an object learner code ever held.
import type { CallbackName, Diagnostic } from "../avio/diagnostics.ts";
import type { LogLine } from "../avio/session.ts";
import type { Trace, TraceEntry } from "../avio/trace.ts";
import type { MuxFormat, Stage, StreamSummary } from "../avio/lifecycle.ts";

export type { MuxFormat };

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
  media:
    | { name: string; bytes: ArrayBuffer; file?: undefined }
    | { name: string; file: Blob; bytes?: undefined };
  buffer_size: number;
  /** false: the seek export is ignored (the "no seek callback" experiments). */
  useSeek: boolean;
  /** mux mode: container to produce (mp4 and m4a: alac in FFmpeg's mp4 and ipod muxers). */
  outputFormat?: MuxFormat;
  /** mux mode: avformat_write_header's "movflags" option (mp4/m4a), e.g. "frag_keyframe+empty_moov"; empty or absent: none. */
  movflags?: string;
  /** Points in the downsampled waveform (min/max pairs). */
  waveformPoints?: number;
  /** Seconds of PCM kept for playback (the rest is only counted). */
  playbackSeconds?: number;
  /** read_packet budget etc. */
  maxReadCalls?: number;
  /** Language of the runner's own messages (default en). */
  lang?: "en" | "zh-cn";
}

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
  error?: {
    stage?: Stage | "compile" | "load";
    message: string;
    code?: number;
    /** The learner's line (1-based) it came from: where parsing failed, or where the throw was. */
    line?: number;
    column?: number;
    /** When FFmpeg failed for want of a decoder or demuxer this build leaves out: which, and what is built in (page's language). */
    missing?: string;
  };
  /** Script mode: a decoder or demuxer the learner's lifecycle needed and this build lacks, worded for the learner. */
  missing?: string;
  info?: StreamSummary & { bytesRead: number; fileSize: number; decodedSamples: number };
  trace: Trace;
  diagnostics: Diagnostic[];
  log: LogLine[];
  byteMap: { size: number; reads: ByteRange[]; seeks: SeekJump[] };
  waveform?: Waveform;
  /** Interleaved float PCM for playback (first playbackSeconds). */
  playback?: { pcm: Float32Array; sampleRate: number; channels: number };
  /** mux mode: what write_packet collected. */
  output?: { bytes: Uint8Array; format: MuxFormat };
  /** The AVIO buffer pointer before and after avformat_open_input. */
  buffer?: { original: number; afterOpen: number };
  /**
   * Opening the input failed, and it fails the same way with FFmpeg's own memory callbacks:
   * the file is not audio this FFmpeg can read, whatever the learner's callbacks do.
   */
  inputUnreadable?: boolean;
  /** What the learner's code printed with console.* (capped). */
  console?: ConsoleOutput;
  ms: number;
}

/** Where a printed line came from: the callback running when it was printed, and which call of it (1-based). */
export interface PrintedAt {
  callback: CallbackName;
  call: number;
}

/** One console.* call of the learner's code: its text ("warn: …" for levels other than log). */
export interface ConsoleLine {
  text: string;
  /** Absent when printed outside a callback (the module's top level, create_opaque, main). */
  at?: PrintedAt;
}

/** What the learner's code printed, in order, within the capture's limits. */
export interface ConsoleOutput {
  lines: ConsoleLine[];
  /** Lines printed after the limit was reached (not kept). */
  more: number;
}

export type Status = "pass" | "fail" | "error";

export interface TestResult {
  /** The test's stable English name (what scripts key on). */
  name: string;
  /** The name in the graded language, for people. */
  title: string;
  /** skipped: never ran (an earlier test's timeout or crash ended the submission); message says why. */
  status: Status | "skipped";
  message?: string;
  hidden?: boolean;
  /** The calls around the failure, when a decode was involved. */
  trace?: TraceEntry[];
  /** Milliseconds the test took (the grader measures it). */
  ms?: number;
  /** What the test is worth, when tests.ts gives it points (set by the host, report.ts awardPoints). */
  points?: number;
}

export interface GradeResult {
  status: Status;
  /** Why nothing could be tested (status "error"). */
  message?: string;
  tests: TestResult[];
  /** What the learner's code printed while it was loaded and tested (capped). */
  console?: ConsoleOutput;
  /** Points earned and possible, from the exercise's tests (set by the host, report.ts awardPoints). */
  points?: number;
  max_points?: number;
  /**
   * The browser's Check of the starter as it was, spaces and comments aside: nothing was run, score 0,
   * as the grader's `unchanged` row (which the grader marks on its report row instead).
   */
  unchanged?: boolean;
}
