// Grading reports: a table for people, results JSON for scripts (Exercism's results.json v3
// vocabulary plus totals; schema in report.schema.json), a CSV gradebook, and JUnit XML that CI
// tools read (classname = exercise id, one suite per submission, times, failure text).
// Every text a submission controls goes through printable() (report-text.ts) first.
import type { GradeResult, TestResult } from "../runtime/types.ts";
import { strings } from "../i18n/index.ts";
import type { Lang } from "./messages.ts";
import { capResult, printable, width } from "./report-text.ts";

export { printable };

export interface SubmissionResult {
  /** Relative to the common parent of the folders given: stable wherever the command runs. */
  submission: string;
  result: GradeResult;
  /** Who handed it in: the student's folder, or the file's name without .ts (see grade-entries.ts). */
  student?: string;
  /** A roster's student with no submission: a row with status `missing`. */
  missing?: boolean;
  /** The starter handed in as it was (starter-match.ts): a row with status `unchanged`, score 0. */
  unchanged?: boolean;
  /**
   * Its TypeScript type errors against the "avio" declarations (typecheck-node.ts), counted in the
   * grader's process: a warning beside the status (with --strict-types the status is fail). Absent
   * when the code was not checked (nothing handed in, unreadable, unchanged).
   */
  typeErrors?: TypeErrors;
  /** When it was graded (ISO 8601, UTC). */
  gradedAt?: string;
  /** Wall-clock milliseconds for the whole submission. */
  ms?: number;
}

/** A submission's type errors: how many, and the first few (1-based line and column). */
export interface TypeErrors {
  count: number;
  errors: { line: number; column: number; text: string }[];
}

/** A row's status: a result's, or `missing` for a roster's student who handed nothing in. */
export type RowStatus = GradeResult["status"] | "missing" | "unchanged";
export const rowStatus = (r: SubmissionResult): RowStatus =>
  r.missing ? "missing" : r.unchanged ? "unchanged" : r.result.status;

export interface ReportOptions {
  shard?: { index: number; count: number };
}

const round = (x: number) => Math.round(x * 10_000) / 10_000;

/** A test's own points, when tests.ts gives it some. */
function testPoints(t: TestResult): { points?: number } {
  return typeof t.points === "number" ? { points: t.points } : {};
}

/** A test's worth: its own `points` in tests.ts when that is a finite number ≥ 0, else 1. */
export const worth = (p: unknown) => (typeof p === "number" && Number.isFinite(p) && p >= 0 ? p : 1);

/**
 * The result with its points, from the exercise's own tests (host data; never from the
 * submission's process): each passed test earns its worth once, max_points is the sum of all.
 * Tests without points weigh 1, so an exercise without points scores its share of tests passed.
 */
export function awardPoints(
  result: GradeResult,
  tests: readonly { name: string; points?: number }[],
): GradeResult {
  const passed = new Set(result.tests.filter((t) => t.status === "pass").map((t) => t.name));
  const weighted = tests.some((t) => t.points !== undefined);
  const byName = new Map(tests.map((t) => [t.name, worth(t.points)]));
  let points = 0;
  for (const [name, w] of byName) if (passed.has(name)) points += w;
  const max_points = [...byName.values()].reduce((a, b) => a + b, 0);
  return {
    ...result,
    tests: result.tests.map((t) =>
      weighted && byName.has(t.name) ? { ...t, points: byName.get(t.name) } : t,
    ),
    points: round(points),
    max_points: round(max_points),
  };
}

/**
 * Tests passed, tests in the exercise, points earned and possible (awardPoints's when set, else
 * one per test), and the score: points / max_points, 0 when nothing counts.
 */
export function score(result: GradeResult) {
  const passed = result.tests.filter((t) => t.status === "pass").length;
  const total = result.tests.length;
  const weighted =
    typeof result.points === "number" && typeof result.max_points === "number" && result.max_points >= 0;
  const points = weighted ? (result.points as number) : passed;
  const max_points = weighted ? (result.max_points as number) : total;
  return { passed, total, score: max_points ? round(points / max_points) : 0, points, max_points };
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

/** Each row with its messages capped (report-text.ts): whatever a caller hands in, a report stays small. */
function capped(results: SubmissionResult[], lang: Lang): SubmissionResult[] {
  const m = strings(lang).exercises;
  const notes = { cut: (n: number) => m.message_cut({ n }), capped: (n: number) => m.report_cap({ n }) };
  return results.map((r) => ({ ...r, result: capResult(r.result, notes) }));
}

export type ResultsJson = ReturnType<typeof toResultsJson>;

export function toResultsJson(exercise: string, all: SubmissionResult[], o: ReportOptions = {}) {
  const results = capped(all, "en");
  const totals = {
    submissions: results.length,
    passed: 0,
    failed: 0,
    errored: 0,
    score: 0,
    missing: 0,
    unchanged: 0,
  };
  const out = results.map((r) => {
    const { submission, result } = r;
    const s = score(result);
    const status = rowStatus(r);
    if (status === "pass") totals.passed++;
    else if (status === "fail") totals.failed++;
    else if (status === "missing") totals.missing++;
    else if (status === "unchanged") totals.unchanged++;
    else totals.errored++;
    totals.score += s.score;
    return {
      submission: printable(submission),
      status,
      passed: s.passed,
      total: s.total,
      score: s.score,
      points: s.points,
      max_points: s.max_points,
      ...(r.student === undefined ? {} : { student: printable(r.student) }),
      ...(r.gradedAt ? { graded_at: r.gradedAt } : {}),
      ...(r.typeErrors
        ? {
            type_errors: r.typeErrors.count,
            type_error_messages: r.typeErrors.errors.map((e) => ({ ...e, text: printable(e.text) })),
          }
        : {}),
      ...(result.message ? { message: printable(result.message) } : {}),
      ...(result.console
        ? {
            console: {
              lines: result.console.lines.map((l) => ({ ...l, text: printable(l.text) })),
              more: result.console.more,
            },
          }
        : {}),
      // `name` is the stable English name scripts key on; `title` is the name in --lang.
      tests: result.tests.map((t) => ({
        name: t.name,
        status: t.status,
        message: t.message == null ? null : printable(t.message),
        title: t.title,
        ...(t.hidden ? { hidden: true } : {}),
        ...testPoints(t),
      })),
    };
  });
  totals.score = results.length ? round(totals.score / results.length) : 0;
  return { exercise, results: out, totals, ...(o.shard ? { shard: o.shard } : {}) };
}

const label = (lang: Lang, s: RowStatus) =>
  (strings(lang).exercises.report.status as Record<string, string>)[s] ?? s;

/** A submission's console under its row (`--console`): each line tagged with its callback call. */
function consoleLines(r: SubmissionResult, lang: Lang): string[] {
  const c = r.result.console;
  if (!c) return [];
  const t = strings(lang).exercises.report;
  const out = c.lines.map(
    (l) => `    | ${l.at ? `[${l.at.callback} #${l.at.call}] ` : ""}${printable(l.text)}`,
  );
  if (c.more) out.push(`    | ${t.consoleMore(c.more)}`);
  return out;
}

export function toTable(all: SubmissionResult[], lang: Lang = "en", o: { console?: boolean } = {}): string {
  const results = capped(all, lang);
  const t = strings(lang).exercises.report;
  const head = t.head;
  const rows = results.map((r) => {
    const { passed, total } = score(r.result);
    return [
      // A roster's student with nothing handed in: named by the student, in brackets.
      r.missing ? `[${printable(r.student ?? "")}]` : printable(r.submission),
      `${passed}/${total}`,
      // Type errors are a warning beside the status, not a status of their own.
      r.typeErrors?.count
        ? t.statusWithTypes(label(lang, rowStatus(r)), r.typeErrors.count)
        : label(lang, rowStatus(r)),
      printable(firstFailure(r.result, t.failure)),
    ];
  });
  const widths = [0, 1, 2].map((i) => Math.max(width(head[i]), ...rows.map((r) => width(r[i]))));
  const line = (r: string[]) =>
    r
      .map((c, i) => (i < 3 ? c + " ".repeat(widths[i] - width(c)) : c))
      .join("  ")
      .trimEnd();
  const count = { pass: 0, fail: 0, error: 0, missing: 0, unchanged: 0 };
  for (const r of results) {
    const s = rowStatus(r);
    count[s === "pass" || s === "fail" || s === "missing" || s === "unchanged" ? s : "error"]++;
  }
  const body = rows.flatMap((row, i) => [line(row), ...(o.console ? consoleLines(results[i], lang) : [])]);
  return [line(head), ...body, "", t.summary(results.length, count)].join("\n");
}

/** RFC 4180: quoted when needed; a leading = + - @ is prefixed so a spreadsheet never runs it as a formula. */
function csvCell(v: string): string {
  let s = printable(v);
  if (/^[=+\-@]/.test(s)) s = `'${s}`;
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * The gradebook. The first six columns are the original ones (scripts that read them keep
 * working); the rest were added after, each at the end: exercise, student, points, max_points,
 * graded_at, type_errors (empty when the code was not type-checked). Every
 * exercise's CSV has the same header, so several stack into one sheet.
 */
export const CSV_COLUMNS = [
  "submission",
  "status",
  "passed",
  "total",
  "score",
  "first_failure",
  "exercise",
  "student",
  "points",
  "max_points",
  "graded_at",
  "type_errors",
] as const;

export function toCsv(
  exercise: string,
  all: SubmissionResult[],
  lang: Lang = "en",
  o: { bom?: boolean } = {},
): string {
  const results = capped(all, lang);
  const rows = [CSV_COLUMNS.join(",")];
  for (const r of results) {
    const s = score(r.result);
    const text = [
      r.submission,
      rowStatus(r),
      firstFailure(r.result, strings(lang).exercises.report.failure),
      exercise,
      r.student ?? "",
    ].map(csvCell);
    rows.push(
      [
        text[0],
        text[1],
        s.passed,
        s.total,
        s.score,
        text[2],
        text[3],
        text[4],
        s.points,
        s.max_points,
        r.gradedAt ?? "",
        r.typeErrors ? r.typeErrors.count : "",
      ].join(","),
    );
  }
  return `${o.bom ? "\uFEFF" : ""}${rows.join("\r\n")}\r\n`;
}

const esc = (s: string) =>
  printable(s).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
const seconds = (ms: number | undefined) => ((ms ?? 0) / 1000).toFixed(3);

function junitCase(exercise: string, t: Pick<TestResult, "name" | "status" | "message" | "ms">): string {
  const open = `    <testcase classname="${esc(exercise)}" name="${esc(t.name)}" time="${seconds(t.ms)}"`;
  const m = esc(t.message ?? "");
  if (t.status === "pass") return `${open}/>`;
  if (t.status === "skipped") return `${open}><skipped message="${m}"/></testcase>`;
  const tag = t.status === "fail" ? "failure" : "error";
  return `${open}><${tag} message="${m}">${m}</${tag}></testcase>`;
}

export function toJUnit(exercise: string, rows: SubmissionResult[], lang: Lang = "en"): string {
  const results = capped(rows, lang);
  const t = strings(lang).exercises.report;
  // The root's totals: the attributes the common JUnit schema allows there (no skipped).
  const all = { tests: 0, failures: 0, errors: 0, ms: 0 };
  const suites = results.map((r) => {
    const { submission, result, ms } = r;
    const cases = result.tests.map((t) => junitCase(exercise, t));
    const count = (s: TestResult["status"]) => result.tests.filter((t) => t.status === s).length;
    // The module could not be loaded (compile error, missing export), or nothing was handed in:
    // one errored case says why, so CI shows the submission as broken rather than as skipped.
    const unloaded =
      r.missing ||
      r.unchanged ||
      (result.status !== "pass" && result.status !== "fail" && !!result.message && count("error") === 0);
    if (unloaded)
      cases.unshift(
        junitCase(exercise, {
          name: r.missing ? "missing" : r.unchanged ? "unchanged" : "load",
          status: "error",
          message: result.message ?? strings(lang).exercises.missing(),
        }),
      );
    const errors = count("error") + (unloaded ? 1 : 0);
    all.tests += cases.length;
    all.failures += count("fail");
    all.errors += errors;
    all.ms += ms ?? 0;
    // Type errors: a property CI tools show, and the first ones in system-out.
    const types = r.typeErrors
      ? `    <properties>\n      <property name="type_errors" value="${r.typeErrors.count}"/>\n    </properties>\n`
      : "";
    const typeLines = r.typeErrors?.count
      ? `\n    <system-out>${[
          t.typeErrors(r.typeErrors.count),
          ...r.typeErrors.errors.map((e) => t.typeErrorLine(e.line, e.column, e.text)),
        ]
          .map(esc)
          .join("\n")}</system-out>`
      : "";
    return (
      `  <testsuite name="${esc(submission)}" tests="${cases.length}" failures="${count("fail")}" errors="${errors}" skipped="${count("skipped")}" time="${seconds(ms)}">\n` +
      `${types}${cases.join("\n")}${typeLines}\n  </testsuite>`
    );
  });
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="${esc(exercise)}" tests="${all.tests}" failures="${all.failures}" errors="${all.errors}" time="${seconds(all.ms)}">\n${suites.join("\n")}\n</testsuites>\n`;
}
