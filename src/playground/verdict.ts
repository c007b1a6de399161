// One verdict per Run: the status line says what the diagnostics say, in the same colour. A run
// that finished but broke a rule is an error, not "Done"; a run FFmpeg stopped after a broken rule
// names that rule first (what the engine gave FFmpeg), then where FFmpeg stopped.
import type { Diagnostic } from "../avio/diagnostics.ts";
import { returnName } from "../avio/error-names.ts";
import type { PlaygroundStrings, ViewStrings } from "../i18n/index.ts";
import type { RunResult } from "./protocol.ts";
import { formatMs } from "./views/format.ts";

export type StatusKind = "" | "error" | "busy" | "expected";

export interface Verdict {
  text: string;
  kind: StatusKind;
}

/** The rules the callbacks broke: errors only, FFmpeg's own failure aside (it is the consequence). */
export const brokenRules = (diagnostics: readonly Diagnostic[]): Diagnostic[] =>
  diagnostics.filter((d) => d.severity === "error" && d.code !== "ffmpeg_error");

export function runVerdict(
  r: RunResult,
  t: PlaygroundStrings,
  v: ViewStrings,
  o: { expectedError?: string; notAudioFile?: string } = {},
): Verdict {
  if (r.status === "compile-error") return { text: t.compileError(r.error!.message), kind: "error" };
  if (r.status === "missing-export") return { text: t.missingExport(r.error!.message), kind: "error" };
  if (r.status === "threw") return { text: t.threw(r.error!.message), kind: "error" };
  const broken = o.notAudioFile ? [] : brokenRules(r.diagnostics);
  const first = broken[0];
  const stage = r.error?.stage ?? "?";
  const raw = r.error?.message ?? "";
  // FFmpeg's text is English (av_err2str); each language says what it means (zh-cn explains it).
  const message = t.ffmpegMessage(raw, typeof r.error?.code === "number" ? returnName(r.error.code) : "");
  if (r.status === "ok") {
    const ms = v.milliseconds(formatMs(r.ms, v.locale));
    if (first) return { text: t.doneBroken(ms, broken.length, v.diagnostic(first)), kind: "error" };
    return { text: t.done(ms), kind: "" };
  }
  if (first) return { text: t.failedAfter(v.diagnostic(first), stage, message), kind: "error" };
  if (o.expectedError && raw.includes(o.expectedError))
    return { text: t.expectedError(stage, message), kind: "expected" };
  if (o.notAudioFile) return { text: t.notAudioStatus(o.notAudioFile), kind: "error" };
  return { text: t.failed(stage, message), kind: "error" };
}

/** What the status adds about a learner's file with pictures: cover art is not "the video stream". */
export function ignoredVideoNote(log: readonly { text: string }[], t: PlaygroundStrings): string {
  // av_dump_format's stream lines (libavformat/dump.c:dump_stream_format); an attached picture's
  // ends with "(attached pic)". Other lines (warnings) may name the stream too.
  const video = log.filter((line) => /^\s*Stream #\d+:\d+.*: Video: /.test(line.text));
  if (video.length === 0) return "";
  return video.every((line) => line.text.includes("(attached pic)")) ? t.coverIgnored : t.videoIgnored;
}
