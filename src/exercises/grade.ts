// Grades one submission: compile, check exports, run the exercise's tests in
// order against the real engine. DOM-free; the browser worker and the CLI's
// worker threads both call it. Vocabulary follows Exercism's results.json v3.
import type { Engine } from "../avio/engine.ts";
import type { TraceEntry } from "../avio/trace.ts";
import { compileLearnerModule } from "../playground/runner.ts";
import { Failure, type ExerciseTest, type MediaSource } from "./harness.ts";
import { formatMessage } from "./messages.ts";
import { viewStrings } from "../playground/views/strings.ts";

export type Status = "pass" | "fail" | "error";

export interface TestResult {
  name: string;
  status: Status;
  message?: string;
  hidden?: boolean;
  /** The calls around the failure, when a decode was involved. */
  trace?: TraceEntry[];
}

export interface GradeResult {
  status: Status;
  /** Why nothing could be tested (status "error"). */
  message?: string;
  tests: TestResult[];
}

export interface ExerciseModule {
  requiredExports: string[];
  tests: ExerciseTest[];
}

export interface GradeOptions {
  engine: Engine;
  exercise: ExerciseModule;
  code: string;
  media: MediaSource;
  lang?: "en" | "zh-cn";
  /** Each result as soon as it is known (so a hang can be pinned on the test that was running). */
  onTest?: (result: TestResult, index: number) => void;
  /** Before each test starts. */
  onStart?: (name: string, index: number) => void;
}

export async function gradeSubmission(o: GradeOptions): Promise<GradeResult> {
  const lang = o.lang ?? "en";
  const compiled = compileLearnerModule(o.code);
  if (!compiled.ok) {
    const error = compiled.line ? `line ${compiled.line}: ${compiled.message}` : compiled.message;
    return { status: "error", message: formatMessage(lang, "compile_error", { error }), tests: [] };
  }
  const missing = o.exercise.requiredExports.filter((n) => typeof compiled.exports[n] !== "function");
  if (missing.length) {
    return { status: "error", message: missing.map((name) => formatMessage(lang, "missing_export", { name })).join(" "), tests: [] };
  }
  const tests: TestResult[] = [];
  for (const [i, t] of o.exercise.tests.entries()) {
    o.onStart?.(t.name, i);
    let r: TestResult;
    if (o.engine.poisoned) r = { name: t.name, status: "error", message: "FFmpeg aborted in an earlier test; this test could not run." };
    else {
      try {
        await t.run({ exports: compiled.exports, engine: o.engine, media: o.media });
        r = { name: t.name, status: "pass" };
      } catch (e) {
        if (e instanceof Failure) {
          const params = e.diagnostic ? { ...e.params, message: viewStrings[lang].diagnostic(e.diagnostic) } : e.params;
          r = { name: t.name, status: "fail", message: formatMessage(lang, e.key, params), trace: e.trace };
        }
        else r = { name: t.name, status: "error", message: e instanceof Error ? `${e.name}: ${e.message}` : String(e) };
      }
    }
    if (t.hidden) r.hidden = true;
    tests.push(r);
    o.onTest?.(r, i);
  }
  const status: Status = tests.every((t) => t.status === "pass") ? "pass" : tests.some((t) => t.status === "error") ? "error" : "fail";
  return { status, tests };
}
