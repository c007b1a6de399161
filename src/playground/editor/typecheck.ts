// typecheck: the editor's diagnostics for a piece of learner code, without an editor. For tests
// (e.g. "every lesson's starter code type-checks"); runs wherever Vite runs (Vitest included).
import type { VirtualTypeScriptEnvironment } from "@typescript/vfs";
import { LIB_FILES } from "./libs.ts";
import {
  createAvioEnv,
  diagnose,
  LEARNER_FILE,
  setFile,
  syntaxError,
  type SyntaxPlace,
  type TypeDiagnostic,
} from "./tsenv.ts";

export type { SyntaxPlace, TypeDiagnostic } from "./tsenv.ts";

// Building the environment parses ~1 MB of lib files: do it once, then swap the file's text.
let env: VirtualTypeScriptEnvironment | null = null;

/** Syntax and type errors of `code`, a module that may import from "avio". */
export function typecheck(code: string): TypeDiagnostic[] {
  env ??= createAvioEnv(LIB_FILES);
  setFile(env, LEARNER_FILE, code);
  return diagnose(env, LEARNER_FILE);
}

/** Where TypeScript's parser lost track in `code` (see tsenv.syntaxError), or null if it parses. */
export function syntaxPlace(code: string): SyntaxPlace | null {
  env ??= createAvioEnv(LIB_FILES);
  setFile(env, LEARNER_FILE, code);
  return syntaxError(env, LEARNER_FILE);
}
