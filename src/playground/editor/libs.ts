// TypeScript's own lib .d.ts files, bundled as text: the CDN @typescript/vfs would fetch them
// from is unreachable offline. Only what tsenv.ts's LIBS pull in (tested by editor-ts.test.ts).
// Vite-only (import.meta.glob, paths relative to this file); imported by the worker and by
// typecheck, never by index.ts.
const texts: Record<string, string> = import.meta.glob(
  [
    "../../../node_modules/typescript/lib/lib.{es5,decorators,decorators.legacy,webworker}.d.ts",
    "../../../node_modules/typescript/lib/lib.es20{15,16,17,18,19,20,21,22}*.d.ts",
    "!**/*.full.d.ts",
  ],
  { query: "?raw", import: "default", eager: true },
);

/** Lib file name ("lib.es5.d.ts") → text. */
export const LIB_FILES: ReadonlyMap<string, string> = new Map(
  Object.entries(texts).map(([path, text]) => [path.slice(path.lastIndexOf("/") + 1), text]),
);
