// One submission in its own Node process, started by grade-node.ts under Node's permission
// model (reads of the grader's own code, the engine and the media only; no writes, no child
// processes, no workers, no addons) with an empty environment. The job arrives on the IPC
// channel; progress and the verdict leave on it. Learner code runs in the runtime's sandbox
// and cannot reach `process`, so nothing it does can speak on this channel.
// The exercise's tests are bundled in with it (grade-node.ts writes the entry that calls serveChild).
import { loadEngine } from "../avio/node.ts";
import { gradeSubmission, type ExerciseModule } from "./grade.ts";
import { nodeMedia } from "./media-node.ts";
import type { Lang } from "./messages.ts";

export interface GradeJob {
  exercise: string;
  code: string;
  lang: Lang;
}

export type ChildMessage =
  | { type: "start"; name: string; title: string }
  | { type: "test"; test: import("../runtime/types.ts").TestResult }
  | { type: "done"; result: import("../runtime/types.ts").GradeResult };

export function serveChild(exercise: ExerciseModule): void {
  const send = process.send!.bind(process);
  const disconnect = process.disconnect.bind(process);
  process.once("message", async (job: GradeJob) => {
    const engine = await loadEngine();
    const result = await gradeSubmission({
      engine,
      exercise,
      code: job.code,
      media: nodeMedia,
      lang: job.lang,
      onStart: (name, _index, title) => send({ type: "start", name, title } satisfies ChildMessage),
      onTest: (test) => send({ type: "test", test: { ...test, trace: undefined } } satisfies ChildMessage),
    });
    for (const t of result.tests) delete t.trace;
    send({ type: "done", result } satisfies ChildMessage, () => disconnect());
  });
}
