// Worker-thread entry for the grading CLI: one submission, its own engine
// instance. The parent enforces the time budget and the memory cap.
import { parentPort, workerData } from "node:worker_threads";
import { loadEngine } from "../avio/node.ts";
import { isExerciseId, loadExercise } from "./catalog.ts";
import { gradeSubmission } from "./grade.ts";
import { nodeMedia } from "./media-node.ts";
import type { Lang } from "./messages.ts";

export interface GradeJob {
  exercise: string;
  code: string;
  lang: Lang;
}

const job = workerData as GradeJob;
const port = parentPort!;
if (!isExerciseId(job.exercise)) throw new Error(`unknown exercise ${job.exercise}`);
const engine = await loadEngine();
const result = await gradeSubmission({
  engine,
  exercise: await loadExercise(job.exercise),
  code: job.code,
  media: nodeMedia,
  lang: job.lang,
  onStart: (name, index, title) => port.postMessage({ type: "start", name, index, title }),
  onTest: (test, index) => port.postMessage({ type: "test", test: { ...test, trace: undefined }, index }),
});
for (const t of result.tests) delete t.trace;
port.postMessage({ type: "done", result });
