// The one way to translate: strings(locale) is the lookup, returning that language's catalogue
// (en.ts, zh-cn.ts); every layer may import it. Texts with parameters are typed functions; counts
// in words go through plural() (Intl.PluralRules). useTranslations is the site's shorthand for
// its `{name}` templates.
import { en, type Strings } from "./en.ts";
import type { SiteStrings } from "./en/site.ts";
import { format } from "./format.ts";
import type { Locale } from "./locales.ts";
import { zhCn } from "./zh-cn.ts";

export * from "./locales.ts";
export { format };
export { plural, type PluralForms } from "./plural.ts";
export type { Strings };
/** Each layer's section, for code that is handed one. */
export type AvioStrings = Strings["avio"];
export type RuntimeStrings = Strings["runtime"];
export type ExercisesStrings = Strings["exercises"];
export type PlaygroundStrings = Strings["playground"];
export type ViewStrings = Strings["views"];

/** A key of the site's flat section. */
export type UiKey = keyof SiteStrings;
/** Site keys whose value is a single string (usable with `format`). */
export type UiTextKey = { [K in UiKey]: SiteStrings[K] extends string ? K : never }[UiKey];

const CATALOGUES: Record<Locale, Strings> = { en, "zh-cn": zhCn };

/** Every text of the workbook in `locale`. */
export function strings(locale: Locale): Strings {
  return CATALOGUES[locale];
}

/** A translator for the site's templates, bound to one locale: `t('lesson.number', { n: 2 })`. */
export function useTranslations(locale: Locale) {
  const dict = strings(locale);
  return (key: UiTextKey, values?: Record<string, string | number>): string => format(dict[key], values);
}
