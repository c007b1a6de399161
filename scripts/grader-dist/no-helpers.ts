// In dist-grader/ this module stands in for src/exercises/grade-bundle.ts: joining a student's
// helper files needs esbuild, a native binary the bundle does not carry. A submission that
// imports a file of its own folder gets an error row saying so; one without such an import is
// graded exactly as by `npm run grade`.
import { formatMessage, type Lang } from "../../src/exercises/messages.ts";

// grade-bundle.ts's own test, so exactly the same submissions are set aside.
const RELATIVE_IMPORT = /(?:\bfrom|\bimport)\s*\(?\s*["'](\.\.?\/[^"'\n]*)/;

export async function withHelpers(
  code: string,
  _folder: string,
  lang: Lang,
): Promise<{ code: string } | { message: string }> {
  const m = RELATIVE_IMPORT.exec(code);
  if (!m) return { code };
  return { message: formatMessage(lang, "entry_helpers_bundle", { module: m[1]! }) };
}
