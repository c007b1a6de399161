// The grader's type check: a submission against the "avio" declarations and the libs the editor
// uses (runtime/typecheck.ts), in the grader's own process. It only parses and checks, never runs
// the code, and is bounded: code over maxChars is not checked, and TypeScript's cancellation
// stops a check after TYPECHECK_CPU_MS of the grader's CPU time.
import { readFileSync } from "node:fs";
import {
  createTypeChecker,
  DEFAULT_TYPECHECK_LIMITS,
  libClosure,
  type TypeCheckResult,
} from "../runtime/typecheck.ts";
import { sizeText } from "./grade-entries.ts";
import { LIB_DIR } from "./typecheck-lib-dir.ts";
import { formatMessage, type Lang } from "./messages.ts";
import type { TypeErrors } from "./report.ts";

export type { TypeCheckResult };

/** CPU milliseconds one submission's type check may take. */
export const TYPECHECK_CPU_MS = 10_000;

let checker: ReturnType<typeof createTypeChecker> | null = null;

/** The lib files the check reads (names only): what the packaged grader must carry. */
export function typecheckLibNames(): string[] {
  return [...readLibs().keys()];
}

function readLibs(): Map<string, string> {
  const { files, missing } = libClosure((name) => {
    try {
      return readFileSync(new URL(name, LIB_DIR), "utf8");
    } catch {
      return undefined;
    }
  });
  if (missing.length)
    throw new Error(`TypeScript lib files missing in ${LIB_DIR.pathname}: ${missing.join(", ")}`);
  return files;
}

const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

/** The submission's type errors (at most `keep` listed), bounded in size and CPU time. */
export function typeCheckSubmission(
  code: string,
  o: Partial<{ maxChars: number; cpuMs: number; keep: number; helpers: boolean }> = {},
): TypeCheckResult {
  checker ??= createTypeChecker(readLibs());
  const limit = cpuMs() + (o.cpuMs ?? TYPECHECK_CPU_MS);
  return checker(code, {
    ...DEFAULT_TYPECHECK_LIMITS,
    ...(o.maxChars === undefined ? {} : { maxChars: o.maxChars }),
    ...(o.keep === undefined ? {} : { keep: o.keep }),
    helpers: o.helpers ?? false,
    overBudget: () => cpuMs() > limit,
  });
}

/** A check's result as a report row carries it: a check that could not finish is one error, saying why. */
export function typeErrorsOf(r: TypeCheckResult, lang: Lang, size = 0): TypeErrors {
  if (!r.stopped) return { count: r.count, errors: r.errors };
  const text =
    r.stopped === "size"
      ? formatMessage(lang, "type_check_size", {
          size: sizeText(size),
          limit: sizeText(DEFAULT_TYPECHECK_LIMITS.maxChars),
        })
      : formatMessage(lang, r.stopped === "time" ? "type_check_time" : "type_check_crash");
  return { count: 1, errors: [{ line: 1, column: 1, text }] };
}
