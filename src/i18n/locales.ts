/** The site's locales. `en` is served without a prefix, every other locale under `/<locale>/`. */
export const LOCALES = ["en", "zh-cn"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "en";

/** BCP 47 tags for `<html lang>`; Pagefind builds one index per value. */
export const HTML_LANG: Record<Locale, string> = {
  en: "en",
  "zh-cn": "zh-CN",
};

/** Each locale's name in its own language, for the language switcher. */
export const LOCALE_NAMES: Record<Locale, string> = {
  en: "English",
  "zh-cn": "简体中文",
};

/** Short form for narrow screens. */
export const LOCALE_SHORT_NAMES: Record<Locale, string> = {
  en: "EN",
  "zh-cn": "中文",
};

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}
