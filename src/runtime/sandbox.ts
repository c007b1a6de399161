// The trust boundary for learner code: SES's lockdown() freezes every intrinsic of this realm
// (so a learner cannot patch Array.prototype.push, JSON, Promise… under the host's feet), and
// each learner module is evaluated in its own Compartment whose global object holds only the
// standard library, a captured console and the modules handed to it. No process, require,
// self, postMessage, fetch, Worker, import() or storage is in reach from inside.
import "ses";
import { cap, LEARNER_SOURCE_URL } from "../avio/boundary.ts";
import type { CallbackName } from "../avio/diagnostics.ts";
import type { ConsoleLine, ConsoleOutput, PrintedAt } from "./types.ts";

const LOCKDOWN_OPTIONS = {
  // Learners need readable errors and stacks, and console output as they wrote it.
  errorTaming: "unsafe",
  consoleTaming: "unsafe",
  stackFiltering: "verbose",
  // Lets code assign e.g. obj.toString = … on its own objects, as ordinary JS allows.
  overrideTaming: "severe",
} as const;

/** Freezes the realm's intrinsics once. Host code keeps working; nothing may patch them afterwards. */
export function ensureLockdown(): void {
  if (Object.isFrozen(Array.prototype) && Object.isFrozen(Function.prototype)) return;
  lockdown(LOCKDOWN_OPTIONS);
}

/** Characters of one printed item kept: a 5 MB string prints as its start and a note, not a frozen panel. */
export const PRINT_ITEM_MAX = 2000;

/** Which callback (and call of it) is running now, or null outside every callback. */
export type WhereProvider = () => PrintedAt | null;

/** Lines a learner printed, kept within limits so a print loop cannot exhaust memory or reports. */
export class ConsoleCapture {
  readonly entries: ConsoleLine[] = [];
  private chars = 0;
  truncated = false;
  /** Lines printed once the limit was reached: counted, not kept. */
  dropped = 0;
  /** Tags each line with the callback running when it was printed (set by the run). */
  where: WhereProvider | null;
  private readonly maxLines: number;
  private readonly maxChars: number;
  private readonly echo?: (level: string, text: string) => void;
  constructor(
    maxLines = 200,
    maxChars = 20_000,
    echo?: (level: string, text: string) => void,
    where: WhereProvider | null = null,
  ) {
    this.maxLines = maxLines;
    this.maxChars = maxChars;
    this.echo = echo;
    this.where = where;
  }

  /** The kept lines' text, in order. */
  get lines(): string[] {
    return this.entries.map((e) => e.text);
  }

  /** Plain data for a result: the kept lines and how many more were printed; undefined when nothing was. */
  output(): ConsoleOutput | undefined {
    if (this.entries.length === 0 && this.dropped === 0) return undefined;
    return {
      lines: this.entries.map((e) => (e.at ? { text: e.text, at: { ...e.at } } : { text: e.text })),
      more: this.dropped,
    };
  }

  /** The console object learner code sees (hardened: it cannot be used to reach this capture). */
  console(): Console {
    const method =
      (level: string) =>
      (...args: unknown[]) =>
        this.add(level, args);
    return harden({
      log: method("log"),
      info: method("info"),
      warn: method("warn"),
      error: method("error"),
      debug: method("debug"),
    }) as unknown as Console;
  }

  private add(level: string, args: unknown[]): void {
    if (this.truncated) {
      this.dropped++;
      return;
    }
    const text = args
      .slice(0, 20)
      .map((a) => cap(show(a), PRINT_ITEM_MAX))
      .join(" ");
    this.echo?.(level, text);
    if (this.entries.length >= this.maxLines || this.chars + text.length > this.maxChars) {
      this.truncated = true;
      this.dropped++;
      return;
    }
    const line: ConsoleLine = { text: level === "log" ? text : `${level}: ${text}` };
    const at = this.whereNow();
    if (at) line.at = at;
    this.entries.push(line);
    this.chars += text.length;
  }

  private whereNow(): PrintedAt | null {
    try {
      const at = this.where?.();
      return at ? { callback: at.callback, call: at.call } : null;
    } catch {
      return null;
    }
  }
}

/** The engine's hooks around each learner callback (src/avio/engine.ts: onEnter/onExit). */
interface CallbackHooks {
  onEnter: ((callback: CallbackName, call: number) => void) | null;
  onExit: (() => void) | null;
}

/**
 * Follows which callback the engine is in, for tagging printed lines, keeping the hooks already
 * set (the worker's watchdog). `restore()` puts the previous hooks back.
 */
export function followCallbacks(engine: CallbackHooks): { where: WhereProvider; restore: () => void } {
  let at: PrintedAt | null = null;
  const { onEnter, onExit } = engine;
  engine.onEnter = (callback, call) => {
    at = { callback, call };
    onEnter?.(callback, call);
  };
  engine.onExit = () => {
    at = null;
    onExit?.();
  };
  return {
    where: () => at,
    restore: () => {
      engine.onEnter = onEnter;
      engine.onExit = onExit;
      at = null;
    },
  };
}

/** A printed value as text; a learner's toString that throws prints as [unprintable]. */
function show(v: unknown): string {
  try {
    if (typeof v === "string") return v;
    if (v instanceof Uint8Array) return `Uint8Array(${v.length})`;
    if (typeof v === "object" && v !== null && !(v instanceof Error)) return JSON.stringify(v) ?? String(v);
    return String(v);
  } catch {
    return "[unprintable]";
  }
}

export type LearnerExports = Record<string, unknown>;

/**
 * Evaluates CommonJS-shaped `js` (what the TypeScript compile produces) in a fresh Compartment.
 * `require(name)` answers only with `modules[name]`, which must already be hardened.
 * Throws what the module's top level throws.
 */
export function evaluateInCompartment(
  js: string,
  modules: Record<string, object>,
  capture: ConsoleCapture,
  importDenied: (name: string) => string,
): LearnerExports {
  ensureLockdown();
  const compartment = new Compartment({
    globals: {
      console: capture.console(),
      // The realm's own Math and Date: the compartment defaults throw on Math.random() and Date.now().
      Math,
      Date,
    },
    __options__: true,
  });
  const module = { exports: {} as LearnerExports };
  const require = harden((name: string) => {
    if (Object.hasOwn(modules, name)) return modules[name];
    throw new Error(importDenied(name));
  });
  undeclaredNamesThrow(compartment.globalThis, js);
  // The wrapper shares the module's first line, so a stack's learner.ts line is the compiled
  // code's line, which sucrase keeps equal to the source's.
  const factory = compartment.evaluate(
    `(function (require, exports, module) {${js}\n})\n//# sourceURL=${LEARNER_SOURCE_URL}\n`,
  ) as (r: unknown, e: unknown, m: unknown) => void;
  factory(require, module.exports, module);
  const exported = module.exports;
  return typeof exported === "object" && exported !== null ? exported : {};
}

/** Distinct names looked at: a module has far fewer; more is a source written to slow the sandbox down. */
const NAMES_MAX = 20_000;
const IDENTIFIER = /[\p{ID_Start}$_][\p{ID_Continue}$\u200c\u200d]*/gu;

/**
 * SES ends a compartment's scope chain with a proxy that answers every name (so none reaches the
 * host's globals) with undefined: `return AVERROR_EOFF;` would run and return undefined. JavaScript
 * throws "ReferenceError: AVERROR_EOFF is not defined". Every identifier-shaped word of the code that
 * is not a global gets a global accessor that throws just that; a name the module declares shadows
 * it, so only free names reach it (words in strings or property names are never looked up as
 * variables). `typeof name` stays "undefined", as in JavaScript, for names only ever used so.
 */
function undeclaredNamesThrow(global: object, js: string): void {
  const names = new Set<string>();
  for (const m of js.matchAll(IDENTIFIER)) {
    names.add(m[0]);
    if (names.size >= NAMES_MAX) break;
  }
  const typeofOnly = new Set<string>();
  for (const m of js.matchAll(/\btypeof\s+([\p{ID_Start}$_][\p{ID_Continue}$\u200c\u200d]*)/gu))
    if (m[1]) typeofOnly.add(m[1]);
  for (const name of names) {
    if (name in global || typeofOnly.has(name) || PARAMETERS.has(name)) continue;
    const fail = () => {
      throw new ReferenceError(`${name} is not defined`);
    };
    Object.defineProperty(global, name, { get: fail, set: fail, configurable: false, enumerable: false });
  }
}
/** The wrapper's own parameters (and what sucrase's module code names). */
const PARAMETERS = new Set(["require", "exports", "module", "arguments", "this"]);
