import { en, type UiKey, type UiStrings, type UiTextKey } from "./en.ts";
import { zhCn } from "./zh-cn.ts";
import type { Locale } from "./locales.ts";
import { format } from "./format.ts";

export * from "./locales.ts";
export { format };
export type { UiKey, UiStrings, UiTextKey };

const DICTIONARIES: Record<Locale, UiStrings> = { en, "zh-cn": zhCn };

export function strings(locale: Locale): UiStrings {
  return DICTIONARIES[locale];
}

/** A translator bound to one locale: `t('lesson.number', { n: 2 })`. */
export function useTranslations(locale: Locale) {
  const dict = strings(locale);
  return (key: UiTextKey, values?: Record<string, string | number>): string => format(dict[key], values);
}
