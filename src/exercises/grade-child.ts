// One submission in its own Node process, started by grade-node.ts under Node's permission
// model (reads of the grader's own code, the engine and the media only; no writes, no child
// processes, no workers, no addons) with an empty environment. The job arrives on the IPC
// channel; progress and the verdict leave on it. Learner code runs in the runtime's sandbox
// and cannot reach `process`, so nothing it does can speak on this channel.
// The exercise's tests are bundled in with it (grade-child-build.ts writes the entry that calls serveChild).
import { loadEngine } from "../avio/node.ts";
import type { GradeResult, TestResult } from "../runtime/types.ts";
import { gradeSubmission, type ExerciseModule } from "./grade.ts";
import { nodeMedia } from "./media-node.ts";
import { formatMessage, type Lang } from "./messages.ts";
import { capResult } from "./report-text.ts";

export interface GradeJob {
  exercise: string;
  code: string;
  lang: Lang;
}

export type ChildMessage =
  /** The engine is loaded: from here on, CPU time is the submission's (its module loads next). */
  | { type: "ready" }
  | { type: "start"; name: string; title: string }
  | { type: "test"; test: TestResult }
  | { type: "done"; result: GradeResult };

export function serveChild(exercise: ExerciseModule): void {
  const send = process.send!.bind(process);
  const disconnect = process.disconnect.bind(process);
  // The grader is gone (its end of the channel closed): stop at once. A busy child does not get
  // here; the kernel stops it instead (grade-node.ts starts it with a parent-death signal).
  process.once("disconnect", () => process.exit(0));
  process.once("message", async (job: GradeJob) => {
    const notes = (lang: Lang) => ({
      cut: (n: number) => formatMessage(lang, "message_cut", { n }),
      capped: (n: number) => formatMessage(lang, "report_cap", { n }),
    });
    // What leaves on the channel is bounded here, at the source (the grader caps it again).
    const capTest = (test: TestResult) =>
      capResult({ status: "error", tests: [{ ...test, trace: undefined }] }, notes(job.lang)).tests[0];
    const engine = await loadEngine();
    send({ type: "ready" } satisfies ChildMessage);
    const result = await gradeSubmission({
      engine,
      exercise,
      code: job.code,
      media: nodeMedia,
      lang: job.lang,
      onStart: (name, _index, title) => send({ type: "start", name, title } satisfies ChildMessage),
      onTest: (test) => send({ type: "test", test: capTest(test) } satisfies ChildMessage),
    });
    for (const t of result.tests) delete t.trace;
    send({ type: "done", result: capResult(result, notes(job.lang)) } satisfies ChildMessage, () =>
      disconnect(),
    );
  });
}
