// Grades one submission: compile, check exports, run the exercise's tests in
// order against the real engine. DOM-free; the browser worker and the CLI's
// worker threads both call it. Vocabulary follows Exercism's results.json v3.
import { strings } from "../i18n/index.ts";
import type { Engine } from "../avio/host.ts";
import { compileErrorText, compileLearnerModule, errorText } from "../runtime/compile.ts";
import { followCallbacks } from "../runtime/sandbox.ts";
import type { GradeResult, PrintedAt, Status, TestResult } from "../runtime/types.ts";
import {
  AuthoringError,
  Failure,
  missingExportKey,
  testTitle,
  type ExerciseTest,
  type MediaSource,
} from "./harness.ts";
import { formatMessage, type Lang } from "./messages.ts";

export type { GradeResult, Status, TestResult };

export interface ExerciseModule {
  requiredExports: string[];
  tests: ExerciseTest[];
}

export interface GradeOptions {
  engine: Engine;
  exercise: ExerciseModule;
  code: string;
  media: MediaSource;
  lang?: Lang;
  /** Each result as soon as it is known (so a hang can be pinned on the test that was running). */
  onTest?: (result: TestResult, index: number) => void;
  /** Before each test starts. */
  onStart?: (name: string, index: number, title: string) => void;
}

export async function gradeSubmission(o: GradeOptions): Promise<GradeResult> {
  // What the learner's code prints while loaded and tested, each line tagged with its callback.
  const followed = followCallbacks(o.engine);
  try {
    return await gradeWithConsole(o, followed.where);
  } finally {
    followed.restore();
  }
}

async function gradeWithConsole(o: GradeOptions, where: () => PrintedAt | null): Promise<GradeResult> {
  const lang = o.lang ?? "en";
  // The tests (host code) call into the learner's module; the module itself runs in the sandbox
  // and never holds a reference to these results.
  const compiled = compileLearnerModule(o.code, { lang, where });
  const printed = () => {
    const out = compiled.console?.output();
    return out ? { console: out } : {};
  };
  if (!compiled.ok) {
    const message =
      compiled.stage === "import"
        ? compiled.module === "import()"
          ? compiled.message
          : formatMessage(lang, "import_denied", { module: compiled.module ?? "?" })
        : compiled.stage === "exports"
          ? compiled.message
          : compiled.stage === "load"
            ? formatMessage(lang, "threw_while_loading", { error: compiled.message })
            : formatMessage(lang, "compile_error", { error: compileErrorText(compiled, lang) });
    return { status: "error", message, tests: [], ...printed() };
  }
  const missing = o.exercise.requiredExports.filter((n) => typeof compiled.exports[n] !== "function");
  if (missing.length) {
    return {
      status: "error",
      message: missing
        .map((name) => formatMessage(lang, missingExportKey(compiled.exports), { name }))
        .join(" "),
      tests: [],
      ...printed(),
    };
  }
  const tests: TestResult[] = [];
  for (const [i, t] of o.exercise.tests.entries()) {
    const named = { name: t.name, title: testTitle(t, lang) };
    o.onStart?.(named.name, i, named.title);
    const t0 = performance.now();
    // A hidden test's prints are counted, not kept: they could carry its media into the report.
    const printedBefore = compiled.console.entries.length;
    let r: TestResult;
    if (o.engine.poisoned) r = { ...named, status: "error", message: formatMessage(lang, "engine_poisoned") };
    else {
      try {
        await t.run({ exports: compiled.exports, engine: o.engine, media: o.media });
        r = { ...named, status: "pass" };
      } catch (e) {
        // What reaches here may be the learner's own value (rethrown by guardAuthoring): instanceof
        // on a Proxy runs its trap, so the test for the host's classes is guarded too.
        const kind = hostErrorKind(e);
        if (kind === "failure" && e instanceof Failure) {
          const { params: own, diagnostic } = t.hidden ? hideLearnerText(e, lang) : e;
          const params = diagnostic ? { ...own, message: strings(lang).avio.diagnostic(diagnostic) } : own;
          // A hidden test's trace keeps what FFmpeg got, not what the learner's code returned as text.
          const trace = t.hidden
            ? e.trace?.map((x) => (typeof x.ret === "string" && x.ret !== "threw" ? { ...x, ret: "?" } : x))
            : e.trace;
          r = { ...named, status: "fail", message: formatMessage(lang, e.key, params), trace };
        } else if (kind === "authoring" && e instanceof AuthoringError)
          r = {
            ...named,
            status: "error",
            message: formatMessage(lang, "authoring_error", { error: errorText(e.cause) }),
          };
        else r = { ...named, status: "error", message: errorText(e) };
      }
    }
    if (t.hidden) {
      r.hidden = true;
      compiled.console.dropped += compiled.console.entries.splice(printedBefore).length;
    }
    r.ms = Math.round(performance.now() - t0);
    tests.push(r);
    o.onTest?.(r, i);
  }
  const status: Status = tests.every((t) => t.status === "pass")
    ? "pass"
    : tests.some((t) => t.status === "error")
      ? "error"
      : "fail";
  return { status, tests, ...printed() };
}

function hostErrorKind(e: unknown): "failure" | "authoring" | "other" {
  try {
    return e instanceof Failure ? "failure" : e instanceof AuthoringError ? "authoring" : "other";
  } catch {
    return "other";
  }
}

/** Params that carry text the learner's code chose: what it threw, or a string or object it returned. */
const LEARNER_TEXT = ["error", "value", "got"] as const;

/**
 * A hidden test's failure, without the learner's own words: its code ran on media the statement does
 * not list, so anything it chose to say (a message, a returned string) could carry those bytes into
 * every report. Numbers, AVERROR names and the engine's own facts stay.
 */
function hideLearnerText(e: Failure, lang: Lang): Pick<Failure, "params" | "diagnostic"> {
  const hidden = formatMessage(lang, "hidden_text", {});
  const strip = <P extends Record<string, unknown>>(p: P): P => {
    const out: Record<string, unknown> = { ...p };
    for (const k of LEARNER_TEXT)
      if (typeof out[k] === "string" && !/^-?\d|^AVERROR/.test(out[k] as string)) out[k] = hidden;
    return out as P;
  };
  return {
    params: strip(e.params),
    diagnostic: e.diagnostic && { ...e.diagnostic, params: strip(e.diagnostic.params) },
  };
}
