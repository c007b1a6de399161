// In dist-grader/ this module stands in for src/exercises/typecheck-lib-dir.ts: the lib .d.ts
// files the type check reads are copied (alone) to dist-grader/typescript/lib/ by build-grader.ts.
export const LIB_DIR = new URL("../../typescript/lib/", import.meta.url);
