/**
 * Every URL of the site, in one place. The site may be served under a path (a GitHub Pages
 * project site: `https://user.github.io/repo/`), set at build time with `SITE_BASE=/repo/`
 * (astro.config.mjs passes it to Astro's `base`, which Vite exposes as import.meta.env.BASE_URL).
 * Pages of the default locale have no locale prefix (`/lessons/x/`), others live under
 * `/<locale>/` (`/zh-cn/lessons/x/`), matching `i18n` in astro.config.mjs; both come after the base.
 */
import { DEFAULT_LOCALE, LOCALES, type Locale } from "../i18n/locales.ts";

/** "/course/" or "course" → "/course"; "/" or "" → "" (the root of the domain). */
export function normalizeBase(base: string | undefined): string {
  const trimmed = (base ?? "").replace(/^\/+|\/+$/g, "");
  return trimmed ? `/${trimmed}` : "";
}

// Scripts that run in plain Node (no Vite) have no import.meta.env: they see the root.
export const BASE = normalizeBase(import.meta.env?.BASE_URL);

/** A site-absolute path ("/lessons/x/") as served: "/course/lessons/x/". */
export function withBase(path: string, base = BASE): string {
  return `${base}${path.startsWith("/") ? path : `/${path}`}`;
}

/** A served pathname back to the site's own: "/course/lessons/x/" → "/lessons/x/"; undefined outside the base. */
export function withoutBase(pathname: string, base = BASE): string | undefined {
  if (!base) return pathname || "/";
  if (pathname === base) return "/";
  return pathname.startsWith(`${base}/`) ? pathname.slice(base.length) : undefined;
}

/** Whether a URL is one of this site's pages: same origin and under the base. */
export function isSiteUrl(href: string, origin: string, base = BASE): boolean {
  let url: URL;
  try {
    url = new URL(href, origin);
  } catch {
    return false;
  }
  return (
    url.origin === origin &&
    (url.protocol === "http:" || url.protocol === "https:") &&
    withoutBase(url.pathname, base) !== undefined
  );
}

/** The locale's part of a site path, without the base: "" for the default locale, "/zh-cn" for others. */
export function localePrefix(locale: Locale): string {
  return locale === DEFAULT_LOCALE ? "" : `/${locale}`;
}

const page = (locale: Locale, rest: string) => withBase(`${localePrefix(locale)}${rest}`);
export const homePath = (locale: Locale) => page(locale, "/");
export const lessonPath = (locale: Locale, slug: string) => page(locale, `/lessons/${slug}/`);
export const exercisesPath = (locale: Locale) => page(locale, "/exercises/");
export const progressPath = (locale: Locale) => page(locale, "/progress/");
export const teachPath = (locale: Locale) => page(locale, "/teach/");
export const exercisePath = (locale: Locale, id: string) => page(locale, `/exercises/${id}/`);
/** A file of public/ or of a build step (the service worker, Pagefind's bundle): "/course/sw.js". */
export const assetPath = (file: string) => withBase(`/${file.replace(/^\/+/, "")}`);

/** Splits a site path (without the base) into its locale and the locale-independent rest (always starting with `/`). */
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

/** The same page in another locale, both as served: `/lessons/x/` → `/zh-cn/lessons/x/` (after the base). */
export function switchLocale(pathname: string, target: Locale, base = BASE): string {
  const { rest } = splitLocale(withoutBase(pathname, base) ?? "/");
  return withBase(`${localePrefix(target)}${rest}`, base);
}
