// The safety net's findings. Each has a stable code (the key translations and
// lesson links hang off) and the facts of the call that broke a rule. Their texts are avio's
// section of the catalogue (messages/en.ts, messages/zh-cn.ts).
import { strings } from "../i18n/index.ts";
import type { DiagnosticCode } from "./messages/en.ts";

export type CallbackName = "read_packet" | "write_packet" | "seek";

/** The findings' codes: the keys of their texts in the catalogue (messages/en.ts). */
export type { DiagnosticCode };

export interface Diagnostic {
  code: DiagnosticCode;
  severity: "error" | "warning";
  /** The learner's callback involved, if any. */
  callback?: CallbackName;
  /** 1-based number of the call to that callback. */
  call?: number;
  /** What the callback returned (or threw), as text. */
  value?: string;
  /**
   * The learner's source line (1-based) the finding is about: where a throw came from, or the
   * declaration of the callback whose return broke the rule (params.line and params.column).
   */
  line?: number;
  column?: number;
  /** Facts the message is built from (offsets, sizes, pointers, AVERROR text). */
  params: Record<string, string | number>;
  /** English text; other languages format from code + params (strings(lang).avio.diagnostic). */
  message: string;
  /** Lesson slug and anchor that teaches the rule. */
  lesson: string;
}

type Params = Record<string, string | number>;

const rules: Record<DiagnosticCode, { severity: Diagnostic["severity"]; lesson: string }> = {
  read_packet_returned_zero: { severity: "error", lesson: "read-packet#never-return-0" },
  read_packet_zero_loop: { severity: "error", lesson: "read-packet#never-return-0" },
  read_packet_overflow: { severity: "error", lesson: "read-packet#the-contract" },
  callback_not_integer: { severity: "error", lesson: "read-packet#the-contract" },
  callback_threw: { severity: "error", lesson: "read-packet#errors" },
  callback_threw_unshowable: { severity: "error", lesson: "read-packet#errors" },
  buffer_detached: { severity: "error", lesson: "read-packet#the-contract" },
  read_budget_exceeded: { severity: "error", lesson: "read-packet#never-return-0" },
  seek_wrong_position: { severity: "error", lesson: "seek#return-value" },
  seek_size_wrong: { severity: "error", lesson: "seek#avseek-size" },
  // Allowed (a stream of unknown size answers so), but the size was known: a warning, not a broken rule.
  seek_size_fallback: { severity: "warning", lesson: "seek#avseek-size" },
  seek_force_not_masked: { severity: "warning", lesson: "seek#avseek-force" },
  write_packet_modified_buffer: { severity: "warning", lesson: "write-packet#the-contract" },
  output_differs: { severity: "error", lesson: "write-packet#when-the-position-is-ignored" },
  double_free_replaced_buffer: { severity: "error", lesson: "buffer#replaced" },
  double_free: { severity: "error", lesson: "lifecycle#cleanup" },
  invalid_free: { severity: "error", lesson: "lifecycle#cleanup" },
  buffer_not_av_malloc: { severity: "error", lesson: "buffer#av-malloc" },
  leak_avio_context: { severity: "error", lesson: "lifecycle#cleanup" },
  leak_avio_buffer: { severity: "error", lesson: "lifecycle#cleanup" },
  leak_av_malloc: { severity: "error", lesson: "lifecycle#cleanup" },
  leak_format_context: { severity: "error", lesson: "lifecycle#cleanup" },
  ffmpeg_error: { severity: "error", lesson: "lifecycle#errors" },
  // Severity and lesson are those of the finding it counts (diagnose's `like`).
  more_of_the_same: { severity: "warning", lesson: "lifecycle#errors" },
};

/** English text after the learner's line, when the finding names one. */
const withLine = (text: string, params: Params) =>
  typeof params.line === "number" ? strings("en").runtime.line(params.line, text) : text;

/** A finding; `like` gives it the severity and lesson of another code (more_of_the_same counts one). */
export function diagnose(code: DiagnosticCode, params: Params = {}, like: DiagnosticCode = code): Diagnostic {
  const rule = rules[like];
  const d: Diagnostic = {
    code,
    severity: rule.severity,
    params,
    message: withLine(strings("en").avio.diagnostics[code](params), params),
    lesson: rule.lesson,
  };
  if (typeof params.callback === "string") d.callback = params.callback as CallbackName;
  if (typeof params.call === "number") d.call = params.call;
  if (params.value !== undefined) d.value = String(params.value);
  if (typeof params.line === "number") d.line = params.line;
  if (typeof params.column === "number") d.column = params.column;
  return d;
}

/** Formats a value returned by learner code for a message (boundary.ts reads it without running its code). */
export { describeValue } from "./boundary.ts";
