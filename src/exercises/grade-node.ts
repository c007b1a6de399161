// Grades a submission in its own worker thread with a time budget and a
// memory cap, so an endless loop or a crash in one cannot stall or sink the others.
import { Worker } from "node:worker_threads";
import type { GradeResult, TestResult } from "./grade.ts";
import type { GradeJob } from "./grade-worker.ts";
import { formatMessage, type Lang } from "./messages.ts";
import type { ExerciseId } from "./catalog.ts";

export interface IsolatedOptions {
  timeoutMs: number;
  /** V8 heap cap for the submission's thread (the wasm heap has its own 1 GiB ceiling). */
  maxHeapMb?: number;
  lang?: Lang;
}

export function gradeIsolated(exercise: ExerciseId, code: string, o: IsolatedOptions): Promise<GradeResult> {
  const lang = o.lang ?? "en";
  const job: GradeJob = { exercise, code, lang };
  const worker = new Worker(new URL("./grade-worker.ts", import.meta.url), {
    workerData: job,
    resourceLimits: { maxOldGenerationSizeMb: o.maxHeapMb ?? 512 },
    stdout: true,
    stderr: true,
  });
  const tests: TestResult[] = [];
  let running: { name: string; title: string } | null = null;
  return new Promise((resolve) => {
    let settled = false;
    const finish = (r: GradeResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      resolve(r);
    };
    const timer = setTimeout(() => {
      const message = formatMessage(lang, "timeout", { seconds: o.timeoutMs / 1000 });
      if (running) tests.push({ ...running, status: "fail", message });
      finish({ status: "error", message, tests });
    }, o.timeoutMs);
    worker.on("message", (m: { type: string; name?: string; title?: string; test?: TestResult; result?: GradeResult }) => {
      if (m.type === "start") running = { name: m.name!, title: m.title! };
      else if (m.type === "test") {
        tests.push(m.test!);
        running = null;
      } else if (m.type === "done") finish(m.result!);
    });
    worker.on("error", (e) => finish({ status: "error", message: formatMessage(lang, "grader_crashed", { error: e.message }), tests }));
    worker.on("exit", (code) => finish({ status: "error", message: formatMessage(lang, "grader_exited", { code }), tests }));
  });
}
