// Learner TypeScript → a module evaluated in the sandbox. Types are stripped (sucrase); the
// editor type-checks, the runtime only needs runnable code. `import … from "avio"` resolves
// to a hardened copy of the learner API; any other import is refused.
import { transform } from "sucrase";
import { describeThrown, snapshotExports, thrownPlace } from "../avio/boundary.ts";
import * as avio from "../avio/index.ts";
import { strings } from "../i18n/index.ts";
import type { Locale } from "../i18n/locales.ts";
import {
  ConsoleCapture,
  ensureLockdown,
  evaluateInCompartment,
  type LearnerExports,
  type WhereProvider,
} from "./sandbox.ts";

export type { LearnerExports };

export type CompileResult =
  | {
      ok: true;
      exports: LearnerExports;
      console: ConsoleCapture;
      /** The code as evaluated (its lines are the source's): for finding where a function is written. */
      js: string;
    }
  | {
      ok: false;
      /** syntax: the source does not parse; import: it imports something other than "avio"; load: its top level threw. */
      stage: "syntax" | "import" | "load" | "exports";
      message: string;
      /** The learner's line (1-based) it is about: where parsing failed, or the top-level throw. */
      line?: number;
      column?: number;
      /** stage "import": the module it asked for. */
      module?: string;
      console?: ConsoleCapture;
    };

/** A failed compile as one line: the compiler's text, after the line number when known. */
export function compileErrorText(c: { message: string; line?: number }, lang: Locale = "en"): string {
  return c.line ? strings(lang).runtime.line(c.line, c.message) : c.message;
}

let learnerAvio: object | null = null;
/** The "avio" module as learner code sees it: the FFmpeg API and constants, frozen. */
function avioModule(): object {
  ensureLockdown();
  learnerAvio ??= harden({ ...avio });
  return learnerAvio;
}

/** An exception's text, without running more than the learner's own getters. */
export function errorText(e: unknown, lang: Locale = "en"): string {
  return describeThrown(e) ?? strings(lang).runtime.unshowable;
}

export interface CompileOptions {
  lang?: Locale;
  /** Also hand each console line here (the browser worker echoes to devtools). */
  echo?: (level: string, text: string) => void;
  /** Which callback is running, to tag each printed line with (see followCallbacks). */
  where?: WhereProvider;
}

/** Strips the types and evaluates the module in its own compartment. */
export function compileLearnerModule(code: string, o: CompileOptions = {}): CompileResult {
  const say = strings(o.lang ?? "en").runtime;
  let js: string;
  try {
    // import() is kept as written, so the sandbox refuses it by name instead of failing later.
    js = transform(code, {
      transforms: ["typescript", "imports"],
      disableESTransforms: true,
      production: true,
      preserveDynamicImport: true,
    }).code;
  } catch (e) {
    const err = e as Error & { loc?: { line: number; column: number } };
    return {
      ok: false,
      stage: "syntax",
      message: err.message,
      ...(err.loc ? { line: err.loc.line, column: err.loc.column + 1 } : {}),
    };
  }
  const capture = new ConsoleCapture(200, 20_000, o.echo, o.where ?? null);
  let denied: string | undefined;
  const importDenied = (name: string) => ((denied = name), say.importDenied(name));
  let exported: unknown;
  try {
    exported = evaluateInCompartment(js, { avio: avioModule() }, capture, importDenied);
  } catch (e) {
    if (denied !== undefined)
      return {
        ok: false,
        stage: "import",
        module: denied,
        message: say.importDenied(denied),
        console: capture,
      };
    // SES refuses source with an import expression before running any of it. What was thrown may be
    // the learner's own value: it is read only as describeThrown's text.
    const thrown = errorText(e, o.lang);
    if (/^SyntaxError: .*import expression/i.test(thrown))
      return {
        ok: false,
        stage: "import",
        module: "import()",
        message: say.importExpression,
        console: capture,
      };
    const at = thrownPlace(e);
    return { ok: false, stage: "load", message: thrown, ...(at ?? {}), console: capture };
  }
  // module.exports is whatever the learner made it (a Proxy included): read once, into the host's own object.
  const snap = snapshotExports(exported);
  if (!snap.ok)
    return {
      ok: false,
      stage: "exports",
      message: say.exportsUnreadable(snap.thrown ?? say.unshowable),
      console: capture,
    };
  return { ok: true, exports: snap.exports, console: capture, js };
}
