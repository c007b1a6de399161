// The grader's messages in English: the reference shape (zh-cn/exercises.ts must match it). A message
// names the rule broken; `rule` params are keys into `rules`. The browser and the CLI (--lang) both
// format them with formatMessage (src/exercises/messages.ts).
import { plural } from "../plural.ts";
import { runtime } from "./runtime.ts";

/** Params as a message sees them: every Text already in the message's language. */
export type Params = Record<string, string | number>;

export const exercises = {
  missing_export: (p: Params) =>
    `Your module does not export ${p.name}. Export it: export function ${p.name}(…) { … }`,
  empty_module: (p: Params) =>
    `Your module exports nothing (is the file empty, or not saved?). Write and export ${p.name}: export function ${p.name}(…) { … }`,
  default_export: (p: Params) =>
    `Your module has a default export but no export named ${p.name}: FFmpeg's callbacks are looked up by name. Write export function ${p.name}(…) { … } instead of export default.`,
  missing_const: (p: Params) =>
    `${p.name} must be a number (export const ${p.name} = …;), but your module gives ${p.got}.`,
  compile_error: (p: Params) => `Your code does not compile: ${p.error}`,
  hidden_text: () => "(not shown: this is a hidden test)",
  threw_while_loading: (p: Params) => `Your module threw while loading: ${p.error}`,
  import_denied: (p: Params) =>
    `Your module imports ${p.module}, which exercises cannot use: import only from "avio".`,
  threw: (p: Params) =>
    `${p.call} threw ${p.error}. A C callback cannot throw: return a negative AVERROR code instead.`,
  copied_too_much: (p: Params) =>
    `${p.call} threw ${p.error}: it copied more than buf_size bytes into buf. Copy at most buf_size: const n = Math.min(buf_size, data.length - pos); buf.set(data.subarray(pos, pos + n)); return n;`,
  positive_errno: (p: Params) =>
    `${p.call} returned ${p.got}; expected ${p.want}. Errors are negative: return AVERROR(errno), which is -errno (AVERROR(EIO), not EIO); a positive value reads as a count of bytes.`,
  diagnostic: (p: Params) => `Decoding ${p.media}: ${p.message}`,
  mux_diagnostic: (p: Params) => `Muxing ${p.media}: ${p.message}`,
  ffmpeg_failed: (p: Params) => `Decoding ${p.media} failed at ${p.stage}: ${p.error}.`,
  sample_count: (p: Params) =>
    `Decoding ${p.media} gave ${p.got} samples per channel; FFmpeg reading the file directly gives ${p.want}.`,
  pcm_differs: (p: Params) =>
    `Decoding ${p.media} gave different audio than FFmpeg reading the file directly: the bytes your read_packet delivered are not the file's bytes in order (index opaque.data itself, never opaque.data.buffer: data may be a view with a non-zero byteOffset).`,
  unit_return: (p: Params) => `${p.call} returned ${p.got}; expected ${p.want}. ${p.rule}`,
  unit_overflow: (p: Params) =>
    `${p.call} returned a write outside buf; expected at most ${p.limit} bytes written. ${p.rule}`,
  unit_bytes: (p: Params) =>
    `${p.call} put the wrong bytes into buf (first difference at buf[${p.index}]). ${p.rule}`,
  unit_state: (p: Params) => `After ${p.call}, ${p.field} is ${p.got}; expected ${p.want}. ${p.rule}`,
  output_differs: (p: Params) =>
    `The ${p.format} you collected differs from FFmpeg's at byte ${p.index} (${p.got} instead of ${p.want}). ${p.hint}`,
  output_length: (p: Params) =>
    `The ${p.format} you collected is ${p.got} bytes; FFmpeg wrote ${p.want} bytes. ${p.hint}`,
  error_swallowed: (p: Params) =>
    `Decoding ${p.media} finished as if the file were complete (${p.samples} samples per channel), but the transfer broke with ${p.errno} after ${p.bytes} bytes: FFmpeg should have stopped with ${p.want}. ${p.rule}`,
  error_changed: (p: Params) =>
    `Decoding ${p.media} stopped at ${p.stage} with ${p.got}; the transfer broke with ${p.errno} after ${p.bytes} bytes, so FFmpeg should report ${p.want}. ${p.rule}`,
  error_early: (p: Params) =>
    `Decoding ${p.media} gave ${p.got} samples per channel before the error; the ${p.bytes} bytes that arrived hold ${p.samples}. ${p.rule}`,
  should_fail: (p: Params) => `Decoding ${p.media} ${p.got}, but this source cannot deliver it: ${p.rule}`,
  seek_broke_rules: (p: Params) =>
    `Decoding ${p.media}: ${p.call} returned ${p.got} and moved opaque.pos from ${p.from} to ${p.to}. ${p.rule}`,
  leak_or_free: (p: Params) => `The engine's memory checker: ${p.message}`,
  no_lifecycle: () => `main() ran, but no AVIOContext was created: call avio_alloc_context.`,
  timeout: (p: Params) => runtime.timeout(Number(p.seconds)),
  engine_poisoned: () => `FFmpeg aborted in an earlier test; this test could not run.`,
  /** An AuthoringError (harness.ts): the exercise's tests.ts threw by itself. */
  authoring_error: (p: Params) =>
    `This test has a bug of its own (in the exercise's tests.ts, not in your code): ${p.error}. Tell your teacher.`,
  submission_exited: (p: Params) =>
    `The submission's process exited (code ${p.code}) before its tests finished.`,
  submission_crashed: (p: Params) =>
    `The submission's process crashed (${p.signal}) before its tests finished.`,
  submission_oom: (p: Params) => `Out of memory: the submission used more than ${p.mb} MiB and was stopped.`,
  /** The grader's own measurements (grade-node.ts): CPU time per test, wall clock as a backstop. */
  cpu_limit: (p: Params) =>
    `Test "${p.test}" used ${p.used} s of CPU, the limit for one test: an endless loop?`,
  cpu_limit_load: (p: Params) =>
    `Loading the module used ${p.used} s of CPU, the limit: an endless loop at its top level?`,
  never_settled: (p: Params) =>
    `Test "${p.test}" waited ${p.seconds} s without using the CPU and never finished: a promise that never settles?`,
  /** The grader could not run the submission properly: nothing here is about the student. */
  grader_problem: (p: Params) => `grader problem: regrade this submission (${p.reason}).`,
  grader_slow: (p: Params) =>
    `the machine was too busy to measure it: ${p.seconds} s of wall-clock time passed while it used ${p.used} s of CPU`,
  grader_start: (p: Params) => `its process could not start: ${p.error}`,
  grader_killed: (p: Params) => `its process was stopped from outside the grader (${p.signal})`,
  /** Folder entries that are not graded (scripts/grade.ts examines each with lstat first). */
  entry_folder: () => "a folder named like a .ts file: not graded",
  entry_link: () => "a symbolic link: not graded (links are never followed)",
  entry_fifo: () => "a FIFO (named pipe): not graded",
  entry_socket: () => "a socket: not graded",
  entry_device: () => "a device file: not graded",
  entry_size: (p: Params) => `${p.size}: over the ${p.limit} limit for a submission: not graded`,
  entry_unreadable: (p: Params) => `could not be read (${p.code}): not graded`,
  entry_no_export: (p: Params) => `no .ts file in this folder exports ${p.names}: nothing graded`,
  entry_helpers_bundle: (p: Params) =>
    `imports ${p.module}: the packaged grader (dist-grader) grades one file per student, without helper files; put that code in this file (or grade the folder with npm run grade)`,
  entry_import: (p: Params) => `imports ${p.module}, which is not a .ts file of the same folder`,
  entry_handin: (p: Params) =>
    `not a valid hand-in or /progress/ export (${p.reason}): not graded (the recorded browser result is never used)`,
  entry_handin_exercise: (p: Params) => `a hand-in for exercise ${p.exercise}, not this one: not graded`,
  missing: () => "no submission from this student",
  unchanged: () => "the starter as it was (ignoring spaces and comments): nothing to grade, score 0",
  /** --strict-types: the first type error is why the submission fails (score 0). */
  type_error: (p: Params) =>
    `type error at line ${p.line}, column ${p.column}: ${p.text} (--strict-types: a submission with type errors fails, score 0)`,
  /** The grader's type check could not finish; counted as one type error. */
  type_check_size: (p: Params) =>
    `not type-checked: ${p.size} is over the ${p.limit} limit of the type check`,
  type_check_time: () => "the type check took too long and was stopped",
  type_check_crash: () => "TypeScript could not check this file (nested too deeply?)",
  /** Report size caps (report.ts). */
  message_cut: (p: Params) => `… [${p.n} more characters not shown]`,
  report_cap: (p: Params) => `[not shown: this submission's messages reached their cap of ${p.n} characters]`,
  rules: {
    eof: "At the end of the data, read_packet must return AVERROR_EOF — never 0.",
    count: "read_packet returns the number of bytes it put into buf.",
    limit: "read_packet may fill at most buf_size bytes.",
    partial: "A read may return fewer than buf_size bytes; the next read continues where it stopped.",
    seek_set: "SEEK_SET: offset is the new absolute position; return it.",
    seek_cur: "SEEK_CUR: the new position is the current one plus offset.",
    seek_end: "SEEK_END: the new position is the size plus offset.",
    seek_size: "AVSEEK_SIZE: return the size in bytes and do not move.",
    seek_force: "AVSEEK_FORCE is a flag OR-ed into whence: mask it off.",
    seek_invalid:
      "A position before 0 or past the end is invalid: return a negative AVERROR such as AVERROR(EINVAL) and do not move.",
    seek_to_end:
      "The end itself (position = size) is a valid position: accept it; the next read_packet returns AVERROR_EOF.",
    propagate:
      "When the source fails, read_packet returns its error as a negative AVERROR, AVERROR(errno): not AVERROR_EOF, which would make a cut-off file look complete, and never 0.",
    deliver_first:
      "Hand over every byte that arrived first; report the error on the call after the last byte.",
    fwd_size:
      "AVSEEK_SIZE: this source knows its length (like an HTTP Content-Length): return it, and do not move.",
    fwd_ahead: "A move ahead within the window is possible: do it and return the new position.",
    fwd_refuse:
      "A move back, or ahead past the window, is impossible here: return a negative AVERROR such as AVERROR(ESPIPE) and do not move — never pretend.",
    fwd_seekable:
      "seekable tells demuxers they may jump anywhere. This source cannot: export seekable = 0 (seek then only answers AVSEEK_SIZE and refuses the rest).",
    fwd_moov:
      "this M4A keeps its index (moov) after the audio, and the audio cannot be read again once passed. FFmpeg must fail with its own error, not decode something else.",
    chunks: "Cross chunk boundaries: a read may take bytes from several chunks.",
    write_all: "write_packet must keep every byte FFmpeg gives it, at the current position.",
    write_return:
      "write_packet returns the number of bytes it took: all of them, buf_size (or a negative AVERROR on failure). FFmpeg 5.1 itself only checks for a negative value, so 0 slips through there: the contract is buf_size.",
    byte_offset:
      "opaque.data may be a view into a larger ArrayBuffer (a subarray, byteOffset ≠ 0): index data itself (data.subarray(pos, pos + n)), never new Uint8Array(data.buffer, pos, n), which ignores byteOffset.",
    write_size:
      "opaque.size is the file's length, the furthest byte ever written: a write after a seek back overwrites bytes in place and must never shrink it.",
    eof_complete:
      "When every byte has arrived, the end is a normal end: read_packet returns AVERROR_EOF there, not an error code.",
    write_seek: "The WAV muxer seeks back to patch sizes in the header: seek must move the write position.",
    write_seek_negative:
      "A position before 0 does not exist: return a negative AVERROR such as AVERROR(EINVAL) and do not move.",
  },
  /** Phrases several exercises' tests use as params. */
  phrases: {
    negative_averror: "a negative AVERROR",
    /** FFmpeg's error, and which decoder or demuxer this build lacks. */
    failedFor: (error: string, missing: string) => `${error} (${missing})`,
    /** `{ 100 bytes, pos: 0 }`: an in-memory opaque as a call shows it. */
    memoryState: (size: number, pos: string) => `{ ${size} bytes${pos} }`,
  },
  /** The grader's table (npm run grade). */
  report: {
    head: ["submission", "passed", "status", "first failure"],
    status: {
      pass: "pass",
      fail: "fail",
      error: "error",
      missing: "missing",
      unchanged: "unchanged",
    } satisfies Record<"pass" | "fail" | "error" | "missing" | "unchanged", string>,
    failure: (title: string, message: string) => `${title}: ${message}`,
    /** Beside the status: a warning (an error only with --strict-types). */
    typeErrors: (n: number) => `${n} type ${plural("en", n, { one: "error", other: "errors" })}`,
    /** The table's status cell of a submission with type errors. */
    statusWithTypes: (status: string, n: number) =>
      `${status} (${n} type ${plural("en", n, { one: "error", other: "errors" })})`,
    /** JUnit system-out: one line per type error. */
    typeErrorLine: (line: number, column: number, text: string) => `type error ${line}:${column}: ${text}`,
    /** Below a submission's console lines (--console): the lines not kept. */
    consoleMore: (n: number) => `… ${n} more ${plural("en", n, { one: "line", other: "lines" })}`,
    summary: (
      n: number,
      c: Record<"pass" | "fail" | "error", number> & { missing?: number; unchanged?: number },
    ) =>
      `${n} ${plural("en", n, { one: "submission", other: "submissions" })}: ${c.pass} pass, ${c.fail} fail, ${c.error} error${c.unchanged ? `, ${c.unchanged} unchanged` : ""}${c.missing ? `, ${c.missing} missing` : ""}.`,
  },
};

export type ExercisesStrings = typeof exercises;
