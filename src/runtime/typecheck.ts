// The TypeScript setup learner code is checked against, and a bounded checker over it. DOM-free and
// fs-free: the editor's environment (playground/editor/tsenv.ts) takes its libs and options from
// here, and the grader (exercises/typecheck-node.ts) hands in the lib files it read from disk, so a
// submission has the same type errors in the editor and in the teacher's report. Only TypeScript's
// parser and checker see the code: nothing of it is ever run.
import ts from "typescript";
import { AVIO_TYPE_FILES } from "./avio-types.generated.ts";

export { AVIO_TYPE_FILES };

/**
 * Libs the learner's code sees: the language up to ES2022 plus the globals of the module Web
 * Worker it runs in (console, TextDecoder, WebAssembly…) — and no DOM.
 */
export const LIBS = ["lib.es2022.d.ts", "lib.webworker.d.ts"] as const;

export const COMPILER_OPTIONS: ts.CompilerOptions = {
  strict: true,
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  // Every editor is a module, so two editors' top-level names never collide in one program.
  moduleDetection: ts.ModuleDetectionKind.Force,
  lib: [...LIBS],
  types: [],
  noEmit: true,
  skipLibCheck: true,
};

/** Lib file names reachable from LIBS through `/// <reference lib>`, read through `read`. */
export function libClosure(read: (name: string) => string | undefined): {
  files: Map<string, string>;
  missing: string[];
} {
  const files = new Map<string, string>();
  const missing: string[] = [];
  const seen = new Set<string>();
  const visit = (name: string): void => {
    if (seen.has(name)) return;
    seen.add(name);
    const text = read(name);
    if (text === undefined) {
      missing.push(name);
      return;
    }
    files.set(name, text);
    for (const ref of ts.preProcessFile(text, true, false).libReferenceDirectives) {
      visit(`lib.${ref.fileName.toLowerCase()}.d.ts`);
    }
  };
  LIBS.forEach(visit);
  return { files, missing };
}

/** Lib files reachable from LIBS that `libFiles` lacks. */
export function missingLibs(libFiles: ReadonlyMap<string, string>): string[] {
  return libClosure((name) => libFiles.get(name)).missing;
}

/** One type error as a report shows it: 1-based line and column, TypeScript's text. */
export interface TypeErrorAt {
  line: number;
  column: number;
  text: string;
}

export interface TypeCheckResult {
  /** Errors found (all of them, though only the first `keep` are listed). */
  count: number;
  errors: TypeErrorAt[];
  /** Why the check stopped before the end: the code is too large, took too long, or broke TypeScript. */
  stopped?: "size" | "time" | "crash";
}

export interface TypeCheckLimits {
  /** Code longer than this (UTF-16 units) is not checked at all. */
  maxChars: number;
  /** Checking stops (TypeScript's cancellation) once this returns true. */
  overBudget: () => boolean;
  /** Errors listed; the count goes on past them. */
  keep: number;
  /** Characters kept of each error's text. */
  textChars: number;
  /**
   * The code imports helper files the checker does not have (a student's folder): an unresolved
   * relative import is not the student's error here.
   */
  helpers?: boolean;
}

/** Cannot find module; an import path ending in .ts (both about a helper file the checker lacks). */
const HELPER_IMPORT_CODES = new Set([2307, 5097]);

export const DEFAULT_TYPECHECK_LIMITS = { maxChars: 512 * 1024, keep: 10, textChars: 500 } as const;

const LEARNER = "/submission.ts";

/**
 * A checker for learner modules that may import "avio". `libFiles` maps lib names to text and must
 * hold LIBS and what they reference. The lib files are parsed once and shared by every check;
 * each check is a fresh program (no state of one submission's check reaches the next).
 */
export function createTypeChecker(libFiles: ReadonlyMap<string, string>) {
  const missing = missingLibs(libFiles);
  if (missing.length > 0) throw new Error(`TypeScript lib files missing: ${missing.join(", ")}`);
  const fixed = new Map<string, string>();
  for (const [name, text] of libFiles) fixed.set(`/${name}`, text);
  for (const [file, text] of Object.entries(AVIO_TYPE_FILES)) fixed.set(file, text);
  const parsed = new Map<string, ts.SourceFile>();

  return function check(code: string, limits: TypeCheckLimits): TypeCheckResult {
    if (code.length > limits.maxChars) return { count: 1, errors: [], stopped: "size" };
    const sourceOf = (name: string): ts.SourceFile | undefined => {
      if (name === LEARNER) return ts.createSourceFile(name, code, ts.ScriptTarget.ES2022, true);
      const text = fixed.get(name);
      if (text === undefined) return undefined;
      let sf = parsed.get(name);
      if (!sf) {
        sf = ts.createSourceFile(name, text, ts.ScriptTarget.ES2022, true);
        parsed.set(name, sf);
      }
      return sf;
    };
    const exists = (name: string) => name === LEARNER || fixed.has(name);
    const host: ts.CompilerHost = {
      getSourceFile: sourceOf,
      getDefaultLibFileName: () => "/lib.d.ts",
      getDefaultLibLocation: () => "/",
      writeFile: () => {},
      getCurrentDirectory: () => "/",
      getCanonicalFileName: (f) => f,
      useCaseSensitiveFileNames: () => true,
      getNewLine: () => "\n",
      fileExists: exists,
      readFile: (name) => (name === LEARNER ? code : fixed.get(name)),
      directoryExists: (dir) =>
        dir === "/" || [...fixed.keys()].some((f) => f.startsWith(dir.endsWith("/") ? dir : `${dir}/`)),
      getDirectories: () => [],
    };
    const token: ts.CancellationToken = {
      isCancellationRequested: limits.overBudget,
      throwIfCancellationRequested() {
        if (limits.overBudget()) throw new ts.OperationCanceledException();
      },
    };
    let diagnostics: readonly ts.Diagnostic[];
    try {
      const program = ts.createProgram({ rootNames: [LEARNER], options: COMPILER_OPTIONS, host });
      const file = program.getSourceFile(LEARNER)!;
      diagnostics = [
        ...program.getSyntacticDiagnostics(file, token),
        ...program.getSemanticDiagnostics(file, token),
      ];
    } catch (e) {
      // Cancelled by the budget, or TypeScript itself gave up (a stack overflow on absurd nesting).
      return { count: 1, errors: [], stopped: e instanceof ts.OperationCanceledException ? "time" : "crash" };
    }
    const errors = diagnostics.filter(
      (d) =>
        d.category === ts.DiagnosticCategory.Error &&
        d.file?.fileName === LEARNER &&
        !(limits.helpers && HELPER_IMPORT_CODES.has(d.code) && relativeImportAt(d)),
    );
    return {
      count: errors.length,
      errors: errors.slice(0, limits.keep).map((d) => {
        const { line, character } = d.file!.getLineAndCharacterOfPosition(d.start ?? 0);
        const text = ts.flattenDiagnosticMessageText(d.messageText, " ");
        return {
          line: line + 1,
          column: character + 1,
          text: text.length > limits.textChars ? `${text.slice(0, limits.textChars - 1)}…` : text,
        };
      }),
    };
  };
}

/** Whether the diagnostic sits on a relative module specifier ("./util.ts"). */
function relativeImportAt(d: ts.Diagnostic): boolean {
  const at = d.file!.text.slice(d.start ?? 0, (d.start ?? 0) + (d.length ?? 0));
  return /^["'`]\.\.?\//.test(at);
}
