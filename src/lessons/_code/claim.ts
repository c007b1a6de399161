// What a lesson's text says a playground's code does when run: the content
// test (test/lessons) runs each claim through the real engine in Node.
import type { DiagnosticCode } from "../../avio/diagnostics.ts";
import type { MuxFormat, RunMode } from "../../playground/protocol.ts";

export interface PlaygroundClaim {
  /** The playground's id in the lesson (same in every language). */
  playground: string;
  /** Code file in src/lessons/_code/<slug>/, as imported with ?raw by the MDX. */
  file: string;
  mode?: RunMode;
  /** Media file name in src/media. */
  media: string;
  bufferSize?: number;
  useSeek?: boolean;
  outputFormat?: MuxFormat;
  /** mux mode, mp4/m4a: avformat_write_header's movflags option. */
  movflags?: string;
  expect: {
    status: "ok" | "ffmpeg-error" | "compile-error" | "missing-export" | "threw" | "timeout";
    /** Exactly these diagnostic codes, in order (omit to not check). */
    diagnostics?: DiagnosticCode[];
    /** Diagnostic codes that must be among them. */
    includesDiagnostics?: DiagnosticCode[];
    /** Decoded samples per channel (exact), or "> 0". */
    samples?: number | "> 0";
    /** A substring of FFmpeg's log or the error message. */
    logIncludes?: string;
    /** Minimum / maximum read_packet calls. */
    minReads?: number;
    maxReads?: number;
    seeks?: number | "> 0";
    /** write_packet calls (mux mode). */
    writes?: number;
    /** buf_size of the first write_packet calls, in order (what each flush hands over). */
    firstWrites?: number[];
    /** Bits that no seek call's whence carried, as FFmpeg passed it (e.g. AVSEEK_FORCE). */
    whenceNever?: number;
    /** buf_size of the first read_packet calls, in order (what the probe asks for). */
    firstReads?: number[];
    /** Return values of those first calls (numbers: bytes, or an AVERROR). */
    firstReturns?: number[];
    /** Offsets of every SEEK_SET the seek callback received in the run, in order (AVSEEK_SIZE questions left out). */
    seekSets?: number[];
    /** Lines the learner's code printed (console.log), each exactly, in this order among the others. */
    consoleLines?: string[];
    /** Whether avio_ctx->buffer after avformat_open_input() differs from the one passed in (the probe replaced it). */
    bufferReplaced?: boolean;
    /** mux mode: output_differs's sizes and first differing byte (the learner's bytes vs FFmpeg's file). */
    outputDiffers?: { expected: number; got: number; at: number };
    /** mux mode: the bytes write_packet calls carried in all (a patch counts again). */
    writeBytes?: number;
    /** mux mode: what native ffprobe (Debian's 5.1.9) reads from the bytes write_packet collected. */
    ffprobe?: { format_name: string; codec_name: string; duration_ts: number };
    /** mux mode: the top-level MP4 boxes of the output, in order (e.g. ["ftyp", "wide", "mdat", "moov"]). */
    boxes?: string[];
  };
}
