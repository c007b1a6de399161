// Grading reports: a table for people, results JSON for scripts (Exercism's
// results.json v3 vocabulary), JUnit XML for an LMS or CI.
import type { GradeResult, Status } from "./grade.ts";
import { isWide, type Lang } from "./messages.ts";

export interface SubmissionResult {
  submission: string;
  result: GradeResult;
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
    return code < 0x100 ? `\\x${code.toString(16).padStart(2, "0")}` : `\\u${code.toString(16).padStart(4, "0")}`;
  });
}

export function toResultsJson(exercise: string, results: SubmissionResult[]) {
  return {
    exercise,
    results: results.map(({ submission, result }) => ({
      submission: printable(submission),
      status: result.status,
      ...(result.message ? { message: printable(result.message) } : {}),
      // `name` is the stable English name scripts key on; `title` is the name in --lang.
      tests: result.tests.map((t) => ({ name: t.name, status: t.status, message: t.message == null ? null : printable(t.message), title: t.title })),
    })),
  };
}

/** The table's words, per language. */
const tableStrings = {
  en: {
    head: ["submission", "passed", "status", "first failure"],
    status: { pass: "pass", fail: "fail", error: "error" } satisfies Record<Status, string>,
    failure: (title: string, message: string) => `${title}: ${message}`,
    summary: (n: number, c: Record<Status, number>) =>
      `${n} ${n === 1 ? "submission" : "submissions"}: ${c.pass} pass, ${c.fail} fail, ${c.error} error.`,
  },
  "zh-cn": {
    head: ["提交", "通过", "状态", "第一个失败"],
    status: { pass: "通过", fail: "未通过", error: "出错" },
    failure: (title: string, message: string) => `${title}：${message}`,
    summary: (n: number, c: Record<Status, number>) => `共 ${n} 份提交：${c.pass} 份通过，${c.fail} 份未通过，${c.error} 份出错。`,
  },
} satisfies Record<Lang, unknown>;

/** Terminal columns: CJK and full-width characters take two. */
function width(s: string): number {
  let w = 0;
  for (const ch of s) w += isWide(ch) ? 2 : 1;
  return w;
}

export function toTable(results: SubmissionResult[], lang: Lang = "en"): string {
  const t = tableStrings[lang];
  const head = t.head;
  const rows = results.map(({ submission, result }) => {
    const passed = result.tests.filter((x) => x.status === "pass").length;
    const failed = result.tests.find((x) => x.status !== "pass");
    const first = result.message ?? (failed ? t.failure(failed.title, failed.message ?? "") : "");
    return [printable(submission), `${passed}/${result.tests.length}`, t.status[result.status], printable(first)];
  });
  const widths = [0, 1, 2].map((i) => Math.max(width(head[i]), ...rows.map((r) => width(r[i]))));
  const line = (r: string[]) => r.map((c, i) => (i < 3 ? c + " ".repeat(widths[i] - width(c)) : c)).join("  ").trimEnd();
  const count: Record<Status, number> = { pass: 0, fail: 0, error: 0 };
  for (const { result } of results) count[result.status]++;
  return [line(head), ...rows.map(line), "", t.summary(results.length, count)].join("\n");
}

const esc = (s: string) => printable(s).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

export function toJUnit(exercise: string, results: SubmissionResult[]): string {
  const suites = results.map(({ submission, result }) => {
    const failures = result.tests.filter((t) => t.status === "fail").length;
    const errors = result.tests.filter((t) => t.status === "error").length + (result.tests.length === 0 && result.status === "error" ? 1 : 0);
    const cases = result.tests.map((t) => {
      const body =
        t.status === "fail" ? `<failure message="${esc(t.message ?? "")}"/>` : t.status === "error" ? `<error message="${esc(t.message ?? "")}"/>` : "";
      return `    <testcase classname="${esc(`${exercise}.${submission}`)}" name="${esc(t.name)}">${body}</testcase>`;
    });
    if (result.tests.length === 0 && result.message)
      cases.push(`    <testcase classname="${esc(`${exercise}.${submission}`)}" name="compile"><error message="${esc(result.message)}"/></testcase>`);
    return `  <testsuite name="${esc(submission)}" tests="${cases.length}" failures="${failures}" errors="${errors}">\n${cases.join("\n")}\n  </testsuite>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="${esc(exercise)}">\n${suites.join("\n")}\n</testsuites>\n`;
}

