// Is a submission the exercise's starter, handed in as it was? Compared token by token (the
// TypeScript scanner's tokens), so whitespace, line endings, a BOM and comments never count,
// while a changed string, number or name does (a template's text after a `${…}` is read as
// tokens too: deterministic, which is all a comparison needs). Both languages' starters count as the starter.
import { readFileSync } from "node:fs";
import ts from "typescript";

/** The code's tokens joined by a separator no token holds; comments and whitespace left out. */
export function tokens(code: string): string {
  const scanner = ts.createScanner(ts.ScriptTarget.Latest, true, ts.LanguageVariant.Standard, code);
  const out: string[] = [];
  for (let k = scanner.scan(); k !== ts.SyntaxKind.EndOfFileToken; k = scanner.scan()) {
    out.push(scanner.getTokenText());
  }
  return out.join("\u0000");
}

/** The starters of an exercise (src/exercises/<id>/starter*.ts), as tokens. */
export function starterTokens(exerciseDir: URL): Set<string> {
  const out = new Set<string>();
  for (const name of ["starter.ts", "starter.zh-cn.ts"]) {
    try {
      out.add(tokens(readFileSync(new URL(name, exerciseDir), "utf8")));
    } catch {
      /* an exercise without a translated starter */
    }
  }
  return out;
}
