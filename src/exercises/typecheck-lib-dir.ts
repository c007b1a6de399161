// Where the type check (typecheck-node.ts) reads TypeScript's lib .d.ts files: the installed
// package's. In dist-grader/ scripts/grader-dist/typecheck-lib-dir.ts stands in for this module:
// the bundle carries those files alone, in typescript/lib/, and no node_modules.
export const LIB_DIR = new URL("../../node_modules/typescript/lib/", import.meta.url);
