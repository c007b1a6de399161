// The browser's Check: an exercise's tests against the learner's code, in the runner worker.
// It gives the verdict the class grader gives (scripts/grade.ts): the starter as it was is
// `unchanged` and never run, and the result carries the points of the exercise's own tests.
import type { Engine } from "../avio/host.ts";
import type { GradeResult, TestResult } from "../runtime/types.ts";
import { isExerciseId, loadExercise, loadStarters } from "./catalog.ts";
import { gradeSubmission, type ExerciseModule } from "./grade.ts";
import { testTitle } from "./harness.ts";
import { browserMedia } from "./media-browser.ts";
import { formatMessage, type Lang } from "./messages.ts";
import { awardPoints } from "./report.ts";
import { isStarter } from "./scan-tokens.ts";

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
  const [exercise, starters] = await Promise.all([loadExercise(req.exercise), loadStarters(req.exercise)]);
  // Instead of the tests, as in the grader: some tests pass on the starter by luck, and a
  // learner who has changed nothing should hear that, not spend a hint or pass.
  if (isStarter(req.code, starters)) return awardPoints(unchanged(exercise, req.lang), exercise.tests);
  const result = await gradeSubmission({
    engine,
    exercise,
    code: req.code,
    media: browserMedia(hooks.fetch),
    lang: req.lang,
    onStart: (name, _index, title) => hooks.onStart(name, title),
    onTest: (test) => hooks.onTest?.(test),
  });
  return awardPoints(result, exercise.tests);
}

/** The grader's row for the starter handed in as it was: every test skipped, the reason said once. */
function unchanged(exercise: ExerciseModule, lang: Lang): GradeResult {
  const message = formatMessage(lang, "unchanged");
  return {
    status: "error",
    message,
    unchanged: true,
    tests: exercise.tests.map((t) => ({
      name: t.name,
      title: testTitle(t, lang),
      status: "skipped",
      message,
      ...(t.hidden ? { hidden: true } : {}),
    })),
  };
}
