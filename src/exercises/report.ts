// Grading reports: a table for people, results JSON for scripts (Exercism's results.json v3
// vocabulary plus totals; schema in report.schema.json), a CSV gradebook, and JUnit XML that CI
// tools read (classname = exercise id, one suite per submission, times, failure text).
import type { GradeResult, Status, TestResult } from "../runtime/types.ts";
import { strings } from "../i18n/index.ts";
import { isWide } from "../i18n/wide.ts";
import type { Lang } from "./messages.ts";

export interface SubmissionResult {
  /** Relative to the folder the teacher gave: stable wherever the command runs. */
  submission: string;
  result: GradeResult;
  /** Wall-clock milliseconds for the whole submission. */
  ms?: number;
}

export interface ReportOptions {
  shard?: { index: number; count: number };
}

/**
 * Text a submission controls (its messages, its file name) made safe to print: control
 * characters, line breaks and bidirectional overrides become visible escapes, so a message can
 * neither draw a fake row into a terminal table nor make a report ill-formed.
 */
export function printable(s: string): string {
  return s.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, (c) => {
    if (c === "\n") return "\\n";
    if (c === "\r") return "\\r";
    if (c === "\t") return "\\t";
    const code = c.charCodeAt(0);
    return code < 0x100
      ? `\\x${code.toString(16).padStart(2, "0")}`
      : `\\u${code.toString(16).padStart(4, "0")}`;
  });
}

/** Tests passed, tests in the exercise, and their ratio (0 when nothing could run). */
export function score(result: GradeResult): { passed: number; total: number; score: number } {
  const passed = result.tests.filter((t) => t.status === "pass").length;
  const total = result.tests.length;
  return { passed, total, score: total ? Math.round((passed / total) * 10_000) / 10_000 : 0 };
}

/** The first thing a teacher should read about a submission: its error, or its first failing test. */
export function firstFailure(
  result: GradeResult,
  failure: (title: string, message: string) => string,
): string {
  if (result.message) return result.message;
  const t = result.tests.find((x) => x.status === "fail" || x.status === "error");
  return t ? failure(t.title, t.message ?? "") : "";
}

export type ResultsJson = ReturnType<typeof toResultsJson>;

export function toResultsJson(exercise: string, results: SubmissionResult[], o: ReportOptions = {}) {
  const totals = { submissions: results.length, passed: 0, failed: 0, errored: 0, score: 0 };
  const out = results.map(({ submission, result }) => {
    const s = score(result);
    totals[result.status === "pass" ? "passed" : result.status === "fail" ? "failed" : "errored"]++;
    totals.score += s.score;
    return {
      submission: printable(submission),
      status: result.status,
      ...s,
      ...(result.message ? { message: printable(result.message) } : {}),
      // `name` is the stable English name scripts key on; `title` is the name in --lang.
      tests: result.tests.map((t) => ({
        name: t.name,
        status: t.status,
        message: t.message == null ? null : printable(t.message),
        title: t.title,
        ...(t.hidden ? { hidden: true } : {}),
      })),
    };
  });
  totals.score = results.length ? Math.round((totals.score / results.length) * 10_000) / 10_000 : 0;
  return { exercise, results: out, totals, ...(o.shard ? { shard: o.shard } : {}) };
}

/** Terminal columns: CJK and full-width characters take two. */
function width(s: string): number {
  let w = 0;
  for (const ch of s) w += isWide(ch) ? 2 : 1;
  return w;
}

export function toTable(results: SubmissionResult[], lang: Lang = "en"): string {
  const t = strings(lang).exercises.report;
  const head = t.head;
  const rows = results.map(({ submission, result }) => {
    const { passed, total } = score(result);
    return [
      printable(submission),
      `${passed}/${total}`,
      t.status[result.status],
      printable(firstFailure(result, t.failure)),
    ];
  });
  const widths = [0, 1, 2].map((i) => Math.max(width(head[i]), ...rows.map((r) => width(r[i]))));
  const line = (r: string[]) =>
    r
      .map((c, i) => (i < 3 ? c + " ".repeat(widths[i] - width(c)) : c))
      .join("  ")
      .trimEnd();
  const count: Record<Status, number> = { pass: 0, fail: 0, error: 0 };
  for (const { result } of results) count[result.status]++;
  return [line(head), ...rows.map(line), "", t.summary(results.length, count)].join("\n");
}

/** RFC 4180: quoted when needed; a leading = + - @ is prefixed so a spreadsheet never runs it as a formula. */
function csvCell(v: string | number): string {
  let s = printable(String(v));
  if (typeof v === "string" && /^[=+\-@]/.test(s)) s = `'${s}`;
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(results: SubmissionResult[], lang: Lang = "en"): string {
  const rows = [["submission", "status", "passed", "total", "score", "first_failure"]];
  for (const { submission, result } of results) {
    const s = score(result);
    rows.push([
      submission,
      result.status,
      String(s.passed),
      String(s.total),
      String(s.score),
      firstFailure(result, strings(lang).exercises.report.failure),
    ]);
  }
  return `${rows.map((r) => r.map((c, i) => (i >= 2 && i <= 4 ? c : csvCell(c))).join(",")).join("\r\n")}\r\n`;
}

const esc = (s: string) =>
  printable(s).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
const seconds = (ms: number | undefined) => ((ms ?? 0) / 1000).toFixed(3);

function junitCase(exercise: string, t: TestResult): string {
  const open = `    <testcase classname="${esc(exercise)}" name="${esc(t.name)}" time="${seconds(t.ms)}"`;
  const m = esc(t.message ?? "");
  if (t.status === "pass") return `${open}/>`;
  if (t.status === "skipped") return `${open}><skipped message="${m}"/></testcase>`;
  const tag = t.status === "fail" ? "failure" : "error";
  return `${open}><${tag} message="${m}">${m}</${tag}></testcase>`;
}

export function toJUnit(exercise: string, results: SubmissionResult[]): string {
  const suites = results.map(({ submission, result, ms }) => {
    const cases = result.tests.map((t) => junitCase(exercise, t));
    const count = (s: TestResult["status"]) => result.tests.filter((t) => t.status === s).length;
    // The module could not be loaded (compile error, missing export): one errored case says why,
    // so CI shows the submission as broken rather than as skipped.
    const unloaded = result.status === "error" && !!result.message && count("error") === 0;
    if (unloaded)
      cases.unshift(
        junitCase(exercise, { name: "load", title: "load", status: "error", message: result.message }),
      );
    const errors = count("error") + (unloaded ? 1 : 0);
    return (
      `  <testsuite name="${esc(submission)}" tests="${cases.length}" failures="${count("fail")}" errors="${errors}" skipped="${count("skipped")}" time="${seconds(ms)}">\n` +
      `${cases.join("\n")}\n  </testsuite>`
    );
  });
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="${esc(exercise)}">\n${suites.join("\n")}\n</testsuites>\n`;
}
