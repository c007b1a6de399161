/**
 * URLs of the site's pages per locale. The default locale has no prefix (`/lessons/x/`),
 * others live under `/<locale>/` (`/zh-cn/lessons/x/`), matching `i18n` in astro.config.mjs.
 */
import { DEFAULT_LOCALE, LOCALES, type Locale } from "../i18n/locales.ts";

export function localePrefix(locale: Locale): string {
  return locale === DEFAULT_LOCALE ? "" : `/${locale}`;
}

export const homePath = (locale: Locale) => `${localePrefix(locale)}/`;
export const lessonPath = (locale: Locale, slug: string) => `${localePrefix(locale)}/lessons/${slug}/`;
export const exercisesPath = (locale: Locale) => `${localePrefix(locale)}/exercises/`;
export const progressPath = (locale: Locale) => `${localePrefix(locale)}/progress/`;
export const teachPath = (locale: Locale) => `${localePrefix(locale)}/teach/`;
export const exercisePath = (locale: Locale, id: string) => `${localePrefix(locale)}/exercises/${id}/`;

/** Splits a pathname into its locale and the locale-independent rest (always starting with `/`). */
export function splitLocale(pathname: string): { locale: Locale; rest: string } {
  for (const locale of LOCALES) {
    if (locale === DEFAULT_LOCALE) continue;
    const prefix = `/${locale}`;
    if (pathname === prefix || pathname.startsWith(`${prefix}/`)) {
      return { locale, rest: pathname.slice(prefix.length) || "/" };
    }
  }
  return { locale: DEFAULT_LOCALE, rest: pathname || "/" };
}

/** The same page in another locale: `/lessons/x/` → `/zh-cn/lessons/x/`. */
export function switchLocale(pathname: string, target: Locale): string {
  const { rest } = splitLocale(pathname);
  return `${localePrefix(target)}${rest}`;
}
