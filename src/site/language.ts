/**
 * Which language `/` shows. A choice made with the language switcher is stored and wins; with no
 * choice, the browser's preferred languages decide the first time. Only `/` redirects: a link to
 * any other page, in either language, is always honoured.
 */
import { DEFAULT_LOCALE, LOCALES, type Locale } from "../i18n/locales.ts";
import { homePath } from "./paths.ts";

export const LOCALE_KEY = "avio-workbook:locale";

/** Maps a BCP 47 tag to a site locale: any Chinese tag except traditional scripts/regions → zh-cn. */
export function localeForTag(tag: string): Locale | undefined {
  const t = tag.toLowerCase();
  if (t === "en" || t.startsWith("en-")) return "en";
  if (t === "zh" || t.startsWith("zh-")) return /^zh-(hant|tw|hk|mo)\b/.test(t) ? undefined : "zh-cn";
  return undefined;
}

export function pickLocale(stored: string | null | undefined, preferred: readonly string[]): Locale {
  if ((LOCALES as readonly string[]).includes(stored ?? "")) return stored as Locale;
  for (const tag of preferred) {
    const locale = localeForTag(tag);
    if (locale) return locale;
  }
  return DEFAULT_LOCALE;
}

/**
 * Plain ES5 source, inlined in the head of `/` only, doing what pickLocale does and leaving for
 * the chosen home before the first paint. The unit test runs this exact string.
 */
export const LANGUAGE_REDIRECT_SCRIPT = `(function () {
  var stored = null;
  try { stored = localStorage.getItem(${JSON.stringify(LOCALE_KEY)}); } catch (e) {}
  var homes = ${JSON.stringify(Object.fromEntries(LOCALES.map((l) => [l, homePath(l)])))};
  var pick = homes[stored] ? stored : null;
  var tags = navigator.languages || [navigator.language || ''];
  for (var i = 0; !pick && i < tags.length; i++) {
    var t = String(tags[i]).toLowerCase();
    if (t === 'en' || t.indexOf('en-') === 0) pick = 'en';
    else if ((t === 'zh' || t.indexOf('zh-') === 0) && !/^zh-(hant|tw|hk|mo)\\b/.test(t)) pick = 'zh-cn';
  }
  if (pick && pick !== ${JSON.stringify(DEFAULT_LOCALE)}) location.replace(homes[pick] + location.search + location.hash);
})();`;
