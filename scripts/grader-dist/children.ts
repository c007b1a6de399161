// In dist-grader/ this module stands in for src/exercises/grade-child-build.ts: every exercise's
// child was bundled ahead of time (scripts/build-grader.ts), so nothing is built, and no esbuild
// is needed, at grading time. The same exports, the same permission paths below the bundle's root.
import { fileURLToPath } from "node:url";
import type { ExerciseId } from "../../src/exercises/catalog.ts";

/** dist-grader/ itself (build-grader.ts rewrites import.meta.url to this file's place in the bundle). */
export const root = fileURLToPath(new URL("../../", import.meta.url));

/** The prebuilt child of one exercise: dist-grader/children/<id>.mjs. */
export function childBundle(exercise: ExerciseId): Promise<string> {
  return Promise.resolve(`${root}children/${exercise}.mjs`);
}

/** Nothing temporary is made. */
export function removeTemp(): void {}
