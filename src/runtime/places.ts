// Lines of the learner's source that a Run's findings point at. The compiled code keeps the
// source's lines (sucrase replaces types and imports within their lines), so a line of the
// compiled module is the line the learner wrote.
import type { CallbackName, Diagnostic } from "../avio/diagnostics.ts";
import { strings } from "../i18n/index.ts";

const apply = Reflect.apply;
const fnToString = Function.prototype.toString;

/** 1-based line of character `at` in `text`. */
export function lineAt(text: string, at: number): number {
  let line = 1;
  for (let i = text.indexOf("\n"); i !== -1 && i < at; i = text.indexOf("\n", i + 1)) line++;
  return line;
}

/**
 * The line where function `f` (a value learner code handed over) is written in `js`, found by its
 * source text. Function.prototype.toString is the realm's own (frozen by lockdown): it runs no
 * learner code, and answers "[native code]" for a Proxy or a bound function, which is never found.
 */
export function functionLine(js: string, f: unknown): number | null {
  if (typeof f !== "function") return null;
  try {
    const text = apply(fnToString, f, []) as string;
    if (text.length === 0 || text.length > js.length) return null;
    const at = js.indexOf(text);
    return at === -1 ? null : lineAt(js, at);
  } catch {
    return null;
  }
}

/** The line declaring a function or variable called `name` (`function seek(`, `const seek =`), if any. */
export function declarationLine(code: string, name: string): number | null {
  const m = new RegExp(`\\b(?:function\\s*\\*?\\s*${name}\\s*\\(|(?:const|let|var)\\s+${name}\\b)`).exec(
    code,
  );
  return m ? lineAt(code, m.index) : null;
}

/**
 * Points each finding about a callback (what it returned, or a throw whose stack had no learner
 * frame) at that callback's declaration: the function the run used (`fns`), or else a declaration
 * of that name. Findings that already name a line (a throw) keep theirs.
 */
export function placeCallbackFindings(
  diagnostics: Diagnostic[],
  js: string,
  fns: Partial<Record<CallbackName, unknown>>,
): void {
  const lines = new Map<CallbackName, number | null>();
  for (const d of diagnostics) {
    if (!d.callback || d.line !== undefined) continue;
    if (!lines.has(d.callback))
      lines.set(d.callback, functionLine(js, fns[d.callback]) ?? declarationLine(js, d.callback));
    const line = lines.get(d.callback);
    if (!line) continue;
    d.line = line;
    d.params = { ...d.params, line };
    d.message = strings("en").runtime.line(line, d.message);
  }
}
