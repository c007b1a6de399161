// Plural forms chosen by the language's own rules (Intl.PluralRules), never by `n === 1`:
// English has "one" and "other", Chinese only "other".
import { HTML_LANG, type Locale } from "./locales.ts";

/** The forms a message gives; `other` is the one every language has. */
export type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

const rules = new Map<Locale, Intl.PluralRules>();

/** The form of `forms` that `n` takes in `locale`. */
export function plural(locale: Locale, n: number, forms: PluralForms): string {
  let r = rules.get(locale);
  if (!r) rules.set(locale, (r = new Intl.PluralRules(HTML_LANG[locale])));
  return forms[r.select(n)] ?? forms.other;
}
