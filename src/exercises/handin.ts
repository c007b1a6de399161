// The hand-in file: one exercise's code as the learner downloads it from the exercise page, and what
// the grader reads back (with a whole /progress/ export). DOM-free, the one place for the format.
// Everything in such a file is the learner's to write: the recorded Check result is shown for
// information only and never trusted; the grader regrades the code.

export const HANDIN_FORMAT = "avio-workbook-handin";
export const HANDIN_VERSION = 1;
/** A hand-in or progress file read by the grader is at most this big (the site saves at most 256 KiB of code). */
export const MAX_HANDIN_BYTES = 1024 * 1024;
/** The most code, in UTF-8 bytes, a hand-in may carry (the playground's own limit). */
export const MAX_HANDIN_CODE_BYTES = 256 * 1024;
/** A name or student id as typed: at most this many characters. */
export const MAX_STUDENT_CHARS = 100;

export type CheckStatus = "pass" | "fail" | "error" | "not-run";

export interface HandinCheck {
  /** Always false: the browser ran it, the learner could have changed anything. */
  verified: false;
  status: CheckStatus;
  passed?: number;
  total?: number;
}

export interface HandinFile {
  format: typeof HANDIN_FORMAT;
  version: typeof HANDIN_VERSION;
  exercise: string;
  /** The learner's name or id exactly as they typed it (trimmed). */
  student: string;
  code: string;
  /** ISO 8601 date of the download. */
  created: string;
  browserCheck: HandinCheck;
}

const EXERCISE_ID = /^[a-z0-9][a-z0-9-]{0,63}$/;
// No control characters, no bidi overrides: a name must read the same in a terminal and a spreadsheet.
const BAD_NAME_CHARS = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\ufeff]/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;
const utf8Bytes = (s: string) => new TextEncoder().encode(s).length;

/** Why a name cannot go in a hand-in, or null when it can (after trimming). */
export function studentProblem(raw: string): "empty" | "long" | "chars" | null {
  const s = raw.trim();
  if (!s) return "empty";
  if ([...s].length > MAX_STUDENT_CHARS) return "long";
  if (BAD_NAME_CHARS.test(s)) return "chars";
  return null;
}

export function makeHandin(o: {
  exercise: string;
  student: string;
  code: string;
  check?: { status: Exclude<CheckStatus, "not-run">; passed: number; total: number };
  when?: Date;
}): HandinFile {
  return {
    format: HANDIN_FORMAT,
    version: HANDIN_VERSION,
    exercise: o.exercise,
    student: o.student.trim(),
    code: o.code,
    created: (o.when ?? new Date()).toISOString(),
    browserCheck: o.check ? { verified: false, ...o.check } : { verified: false, status: "not-run" },
  };
}

export const serializeHandin = (f: HandinFile) => `${JSON.stringify(f, null, 2)}\n`;

/** A file name safe on every system: `<exercise>-<name>.handin.json`, the name's letters kept (CJK too). */
export function handinFileName(exercise: string, student: string): string {
  const name =
    [...student.trim().normalize("NFC")]
      .map((c) => (/[\p{L}\p{N}_-]/u.test(c) ? c : "-"))
      .join("")
      .replace(/-+/g, "-")
      .replace(/^-|-$/g, "")
      .slice(0, 60) || "student";
  return `${exercise}-${name}.handin.json`;
}

export type HandinError =
  | "size"
  | "json"
  | "format"
  | "version"
  | "fields"
  | "exercise"
  | "student"
  | "code"
  | "date"
  | "check"
  | "no_code";

export class HandinParseError extends Error {
  readonly reason: HandinError;
  readonly detail: string;
  constructor(reason: HandinError, detail = "") {
    super(detail ? `${reason}: ${detail}` : reason);
    this.reason = reason;
    this.detail = detail;
  }
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

function parseJson(text: string): Record<string, unknown> {
  if (text.length > MAX_HANDIN_BYTES || utf8Bytes(text) > MAX_HANDIN_BYTES)
    throw new HandinParseError("size");
  let v: unknown;
  try {
    v = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch {
    throw new HandinParseError("json");
  }
  if (!isRecord(v)) throw new HandinParseError("format");
  return v;
}

function onlyKeys(o: Record<string, unknown>, allowed: string[], required: string[]) {
  const keys = Object.keys(o);
  if (keys.some((k) => !allowed.includes(k)) || required.some((k) => !Object.hasOwn(o, k)))
    throw new HandinParseError("fields");
}

const count = (v: unknown) => typeof v === "number" && Number.isInteger(v) && v >= 0 && v <= 10_000;

/** Strictly parses a hand-in file; throws HandinParseError on anything else. */
export function parseHandin(text: string): HandinFile {
  const o = parseJson(text);
  if (o.format !== HANDIN_FORMAT) throw new HandinParseError("format");
  if (o.version !== HANDIN_VERSION) throw new HandinParseError("version");
  const all = ["format", "version", "exercise", "student", "code", "created", "browserCheck"];
  onlyKeys(o, all, all);
  if (typeof o.exercise !== "string" || !EXERCISE_ID.test(o.exercise)) throw new HandinParseError("exercise");
  if (typeof o.student !== "string" || o.student !== o.student.trim() || studentProblem(o.student))
    throw new HandinParseError("student");
  if (typeof o.code !== "string" || utf8Bytes(o.code) > MAX_HANDIN_CODE_BYTES)
    throw new HandinParseError("code");
  if (typeof o.created !== "string" || !ISO_DATE.test(o.created) || Number.isNaN(Date.parse(o.created)))
    throw new HandinParseError("date");
  const c = o.browserCheck;
  if (!isRecord(c) || c.verified !== false) throw new HandinParseError("check");
  if (c.status === "not-run") onlyKeys(c, ["verified", "status"], ["verified", "status"]);
  else if (c.status === "pass" || c.status === "fail" || c.status === "error") {
    onlyKeys(c, ["verified", "status", "passed", "total"], ["verified", "status", "passed", "total"]);
    if (!count(c.passed) || !count(c.total) || (c.passed as number) > (c.total as number))
      throw new HandinParseError("check");
  } else throw new HandinParseError("check");
  return {
    format: HANDIN_FORMAT,
    version: HANDIN_VERSION,
    exercise: o.exercise,
    student: o.student,
    code: o.code,
    created: o.created,
    browserCheck: { ...(c as unknown as HandinCheck) },
  };
}

/** The progress export's key for an exercise's saved code (the playground's scope, "<path>/exercise"). */
const exerciseKey = (key: string, exercise: string) =>
  key.replace(/^\/+/, "").split("/").join("/") === `exercises/${exercise}/exercise`;

/** One exercise's code out of a /progress/ export (src/site/exercise-progress.ts's format). */
export function codeFromProgress(o: Record<string, unknown>, exercise: string): string {
  if (o.version !== 1) throw new HandinParseError("version");
  if (!isRecord(o.code)) throw new HandinParseError("fields");
  const found = Object.entries(o.code).filter(([k]) => exerciseKey(k, exercise));
  if (found.length === 0) throw new HandinParseError("no_code");
  const code = found[0]![1];
  if (typeof code !== "string" || utf8Bytes(code) > MAX_HANDIN_CODE_BYTES) throw new HandinParseError("code");
  return code;
}

/**
 * What the grader takes from a .json submission: a hand-in (must be for `exercise`) or a progress
 * export (its saved code of `exercise`). `student` is the typed name (hand-in) or undefined (export).
 */
export function readHandinSubmission(
  text: string,
  exercise: string,
): { code: string; student?: string; handin?: HandinFile } {
  const o = parseJson(text);
  if (o.format === "avio-workbook-progress") return { code: codeFromProgress(o, exercise) };
  const h = parseHandin(text);
  if (h.exercise !== exercise) throw new HandinParseError("exercise", h.exercise);
  return { code: h.code, student: h.student, handin: h };
}
