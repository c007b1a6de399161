// The playground's starting code as highlighted lines, at build time: the editor's own parser
// (Lezer TypeScript) and token classes, so the page shows code that looks like the editor without
// loading it. The editor (CodeMirror) loads when the learner focuses, clicks or types in it.
import { typescriptLanguage } from "@codemirror/lang-javascript";
import { highlightCode } from "@lezer/highlight";
import { tokenHighlighter } from "./tokens.ts";

export interface Token {
  text: string;
  /** Space-separated pg-tok-* classes, "" for plain text. */
  classes: string;
}

/** Lines of tokens (no line breaks inside): rendered one element per line, like the editor's. */
export function highlightLines(code: string): Token[][] {
  const lines: Token[][] = [[]];
  highlightCode(
    code,
    typescriptLanguage.parser.parse(code),
    tokenHighlighter,
    (text, classes) => lines[lines.length - 1]!.push({ text, classes }),
    () => lines.push([]),
  );
  return lines;
}
