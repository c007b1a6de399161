/**
 * Light/dark theme. With no stored choice the site follows the system setting; the toggle stores
 * an explicit choice. The choice is applied by THEME_INIT_SCRIPT, inlined in <head> so the first
 * paint already has the right colours (no flash).
 */
export const THEME_KEY = "avio-workbook:theme";
export const THEMES = ["light", "dark"] as const;
export type Theme = (typeof THEMES)[number];

export function isTheme(value: unknown): value is Theme {
  return value === "light" || value === "dark";
}

export function resolveTheme(stored: string | null | undefined, systemPrefersDark: boolean): Theme {
  if (isTheme(stored)) return stored;
  return systemPrefersDark ? "dark" : "light";
}

export function otherTheme(theme: Theme): Theme {
  return theme === "dark" ? "light" : "dark";
}

/**
 * Plain ES5 source (it runs before any bundle) doing what resolveTheme does; the unit test runs
 * this exact string against fake storage and matchMedia.
 */
export const THEME_INIT_SCRIPT = `(function () {
  var stored = null;
  try { stored = localStorage.getItem(${JSON.stringify(THEME_KEY)}); } catch (e) {}
  var theme = stored === 'light' || stored === 'dark' ? stored
    : (window.matchMedia && window.matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light');
  document.documentElement.setAttribute('data-theme', theme);
})();`;
