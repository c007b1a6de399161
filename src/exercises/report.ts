// Grading reports: a table for people, results JSON for scripts (Exercism's
// results.json v3 vocabulary), JUnit XML for an LMS or CI.
import type { GradeResult } from "./grade.ts";

export interface SubmissionResult {
  submission: string;
  result: GradeResult;
}

export function toResultsJson(exercise: string, results: SubmissionResult[]) {
  return {
    exercise,
    results: results.map(({ submission, result }) => ({
      submission,
      status: result.status,
      ...(result.message ? { message: result.message } : {}),
      tests: result.tests.map((t) => ({ name: t.name, status: t.status, message: t.message ?? null })),
    })),
  };
}


export function toTable(results: SubmissionResult[], lang: "en" | "zh-cn" = "en"): string {
  const head = lang === "zh-cn" ? ["提交", "通过", "状态", "第一个失败"] : ["submission", "passed", "status", "first failure"];
  const rows = results.map(({ submission, result }) => {
    const passed = result.tests.filter((t) => t.status === "pass").length;
    const failed = result.tests.find((t) => t.status !== "pass");
    const first = result.message ?? (failed ? `${failed.name}: ${failed.message}` : "");
    return [submission, `${passed}/${result.tests.length}`, result.status, first];
  });
  const widths = [0, 1, 2].map((i) => Math.max(head[i].length, ...rows.map((r) => r[i].length)));
  const line = (r: string[]) => r.map((c, i) => (i < 3 ? c.padEnd(widths[i]) : c)).join("  ").trimEnd();
  return [line(head), ...rows.map(line)].join("\n");
}

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

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

