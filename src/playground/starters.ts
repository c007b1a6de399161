// Playground code in the page's language. Lessons and exercises pass the English file's text
// (`_code/<slug>/<name>.ts?raw`, `exercises/<id>/starter.ts`); a translated copy beside it,
// `<name>.<locale>.ts`, has the same code with its comments translated
// (test/lessons/translation-parity.test.ts checks that the code is identical). Build time only.
import { LOCALES, type Locale } from "../i18n/locales.ts";

const files = import.meta.glob(["../lessons/_code/*/*.ts", "../exercises/*/*.ts"], {
  query: "?raw",
  import: "default",
  eager: true,
}) as Record<string, string>;

const translated = new Map<Locale, Map<string, string>>();
for (const [path, text] of Object.entries(files)) {
  const m = /^(.*)\.([a-z]{2}(?:-[a-z]+)?)\.ts$/.exec(path);
  const locale = LOCALES.find((l) => l === m?.[2]);
  const english = m ? files[`${m[1]}.ts`] : undefined;
  if (!locale || english === undefined) continue;
  if (!translated.has(locale)) translated.set(locale, new Map());
  translated.get(locale)!.set(english, text);
}

/** `code` with its comments in `locale` when a translated copy of its file exists, else `code`. */
export function localizedCode(code: string, locale: Locale): string {
  return translated.get(locale)?.get(code) ?? code;
}
