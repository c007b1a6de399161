/**
 * The course's name: a fork that teaches its own course names it here, in one place. It is the
 * header's brand, the home page's heading, every page's <title> ("Lesson · Course") and the web
 * app manifest's name. Leave a language out to keep the workbook's own name in that language.
 * Where the copy is served (its path) is set at build time with SITE_BASE (docs/deploy.md).
 */
import { DEFAULT_LOCALE, type Locale } from "../i18n/locales.ts";
import { strings } from "../i18n/index.ts";

export const COURSE_TITLE: Partial<Record<Locale, string>> = {
  // One entry per language, e.g. English "Media I/O in C — Spring term", Chinese "C 语言媒体 I/O——春季学期".
};

export function courseTitle(locale: Locale, own: Partial<Record<Locale, string>> = COURSE_TITLE): string {
  return own[locale] ?? strings(locale)["site.title"];
}

export const defaultCourseTitle = () => courseTitle(DEFAULT_LOCALE);
