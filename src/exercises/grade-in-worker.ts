// The browser's Check: an exercise's tests against the learner's code, in the runner worker.
import type { Engine } from "../avio/host.ts";
import type { GradeResult, TestResult } from "../runtime/types.ts";
import { isExerciseId, loadExercise } from "./catalog.ts";
import { gradeSubmission } from "./grade.ts";
import { browserMedia } from "./media-browser.ts";
import type { Lang } from "./messages.ts";

export async function gradeInWorker(
  engine: Engine,
  req: { exercise: string; code: string; lang: Lang },
  hooks: {
    onStart: (name: string, title: string) => void;
    onTest?: (test: TestResult) => void;
    fetch: typeof fetch;
  },
): Promise<GradeResult | null> {
  if (!isExerciseId(req.exercise)) return null;
  return gradeSubmission({
    engine,
    exercise: await loadExercise(req.exercise),
    code: req.code,
    media: browserMedia(hooks.fetch),
    lang: req.lang,
    onStart: (name, _index, title) => hooks.onStart(name, title),
    onTest: (test) => hooks.onTest?.(test),
  });
}
