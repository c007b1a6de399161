// Formatting the grader's messages (their texts: the catalogue's `exercises` section, src/i18n/*/exercises.ts),
// and Text: a piece of an exercise's own content (a test's param) written in every language.
import type { Params } from "../i18n/en/exercises.ts";
import { type ExercisesStrings, strings } from "../i18n/index.ts";
import type { Locale } from "../i18n/locales.ts";
import { isWide } from "../i18n/wide.ts";

export type Lang = Locale;
/** A piece of text in every language (a param that reads differently per language). */
export type Text = Record<Lang, string>;
export type MessageParams = Record<string, string | number | Text>;

export function text(en: string, zhCn: string): Text {
  return { en, "zh-cn": zhCn };
}

export function isText(v: unknown): v is Text {
  return (
    typeof v === "object" &&
    v !== null &&
    typeof (v as Text).en === "string" &&
    typeof (v as Text)["zh-cn"] === "string"
  );
}

/** Text → the same text with `f` applied in every language. */
export function mapText(t: string | Text, f: (s: string, lang: Lang) => string): Text {
  return isText(t)
    ? { en: f(t.en, "en"), "zh-cn": f(t["zh-cn"], "zh-cn") }
    : { en: f(t, "en"), "zh-cn": f(t, "zh-cn") };
}

export { isWide };

/** Phrases several exercises' tests use as params, in every language (from the catalogue). */
export const phrases = {
  negative_averror: mapText("", (_, lang) => strings(lang).exercises.phrases.negative_averror),
  /** The size rule, appended to a mux test's hint when the file came out shorter. */
  write_size: mapText("", (_, lang) => strings(lang).exercises.rules.write_size),
} satisfies Record<string, Text>;

export type Messages = ExercisesStrings;
export type MessageKey = Exclude<keyof Messages, "rules" | "phrases" | "report">;
export type RuleKey = keyof Messages["rules"];

/** Formats a keyed message: Text params in `lang`; a `rule` param that is a rule key is replaced by its text. */
export function formatMessage(lang: Lang, key: MessageKey, params: MessageParams = {}): string {
  const m = strings(lang).exercises;
  const p: Params = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, isText(v) ? v[lang] : v]));
  if (typeof p.rule === "string" && p.rule in m.rules) p.rule = m.rules[p.rule as RuleKey];
  return (m[key] as (p: Params) => string)(p);
}
