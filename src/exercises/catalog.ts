// The exercises, in course order. Each folder holds statement.<lang>.mdx,
// starter.ts, solution.ts and tests.ts (which lists its media, hidden ones too).
import type { ExerciseModule } from "./grade.ts";

export const exerciseIds = ["read-packet", "seek", "fix-the-bug", "propagate-errors", "chunked-source", "forward-only", "write-packet", "cleanup"] as const;
export type ExerciseId = (typeof exerciseIds)[number];

const loaders: Record<ExerciseId, () => Promise<ExerciseModule>> = {
  "read-packet": () => import("./read-packet/tests.ts"),
  seek: () => import("./seek/tests.ts"),
  "fix-the-bug": () => import("./fix-the-bug/tests.ts"),
  "propagate-errors": () => import("./propagate-errors/tests.ts"),
  "chunked-source": () => import("./chunked-source/tests.ts"),
  "forward-only": () => import("./forward-only/tests.ts"),
  "write-packet": () => import("./write-packet/tests.ts"),
  cleanup: () => import("./cleanup/tests.ts"),
};

export function isExerciseId(id: string): id is ExerciseId {
  return (exerciseIds as readonly string[]).includes(id);
}

export function loadExercise(id: ExerciseId): Promise<ExerciseModule> {
  return loaders[id]();
}
