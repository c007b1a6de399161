// A Run's findings on the learner's lines: where a compile error really is (TypeScript's parser,
// in the editor's worker), which lines the editor marks, and whether the code has type errors.
import type { EditorHandle, RunMark } from "./editor/index.ts";
import type { RunResult } from "./protocol.ts";
import { strings, type PlaygroundStrings, type ViewStrings } from "../i18n/index.ts";
import type { Locale } from "../i18n/locales.ts";

/** Lines marked per Run: the first findings are the ones to read; the panel lists every one. */
export const MARKS_MAX = 5;

/** `message` without the "line N: " the runtime put in front of it (the mark is on that line already). */
export function withoutLine(message: string, line: number, lang: Locale): string {
  const prefix = strings(lang).runtime.line(line, "");
  return message.startsWith(prefix) ? message.slice(prefix.length) : message;
}

/** The marks of a Run: what stopped it (a compile error, a throw), then the findings that name a line. */
export function runMarksOf(r: RunResult, v: ViewStrings, lang: Locale): RunMark[] {
  const marks: RunMark[] = [];
  if (r.error?.line !== undefined)
    marks.push({
      line: r.error.line,
      message: withoutLine(r.error.message, r.error.line, lang),
      severity: "error",
    });
  for (const d of r.diagnostics) {
    if (marks.length >= MARKS_MAX) break;
    if (d.line === undefined) continue;
    marks.push({ line: d.line, message: withoutLine(v.diagnostic(d), d.line, lang), severity: d.severity });
  }
  return marks;
}

/**
 * A compile error placed where TypeScript's parser lost track (sucrase, which compiles the Run,
 * reports a missing `}` at the end of the file). Changes `r` when the editor's TypeScript has a place.
 */
export async function placeSyntaxError(
  r: RunResult,
  editor: EditorHandle | null,
  lang: Locale,
): Promise<void> {
  if (r.status !== "compile-error" || !r.error || !editor) return;
  let place: Awaited<ReturnType<EditorHandle["syntaxError"]>> = null;
  try {
    place = await editor.syntaxError();
  } catch {
    return; // the TypeScript worker failed: the compiler's own position stands
  }
  if (!place) return;
  r.error = {
    ...r.error,
    line: place.line,
    column: place.column,
    message: strings(lang).runtime.line(place.line, place.message),
  };
}

/** `text`, then `note` as a sentence of its own (a full stop added where `text` has none). */
export function addSentence(text: string, note: string, t: PlaygroundStrings): string {
  if (!text) return note;
  const ended = /[.!?。！？]$/.test(text) ? text : `${text}${t.sentenceEnd}`;
  return `${ended}${t.sentenceGap}${note}`;
}

/** "2 type errors — see the marked lines", or "" when the editor found none (or has no TypeScript yet). */
export async function typeErrorNote(editor: EditorHandle | null, t: PlaygroundStrings): Promise<string> {
  if (!editor) return "";
  try {
    const n = await editor.typeErrors();
    return n ? t.typeErrors(n) : "";
  } catch {
    return "";
  }
}
