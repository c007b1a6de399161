// Number formatting shared by the views. Pure: every function takes the locale
// (a BCP 47 tag from ViewStrings.locale) so tests pin the output.

const cache = new Map<string, Intl.NumberFormat>();

function nf(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = locale + JSON.stringify(options);
  let f = cache.get(key);
  if (!f) cache.set(key, (f = new Intl.NumberFormat(locale, options)));
  return f;
}

/** 151552 → "151,552". */
export function formatInt(n: number, locale: string): string {
  return nf(locale, { maximumFractionDigits: 0 }).format(n);
}

/** Sizes for axes and summaries, in binary units: 294 B, 4 KiB, 32.3 KiB, 1.25 MiB. */
export function formatSize(bytes: number, locale: string): string {
  if (Math.abs(bytes) < 1024) return `${formatInt(bytes, locale)} B`;
  const [value, unit] =
    Math.abs(bytes) < 1024 * 1024 ? [bytes / 1024, "KiB"] : [bytes / (1024 * 1024), "MiB"];
  const digits = Math.abs(value) < 10 && unit === "MiB" ? 2 : 1;
  return `${nf(locale, { maximumFractionDigits: digits }).format(value)} ${unit}`;
}

/** Seconds with two decimals below 10 s, one above: "2.04", "22.6". */
export function formatSeconds(s: number, locale: string): string {
  const digits = s < 10 ? 2 : 1;
  return nf(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(s);
}

/** Callback timings are often below the timer's resolution: "<0.01" rather than a misleading 0. */
export function formatMs(ms: number, locale: string): string {
  if (ms < 0.01) return "<0.01";
  return nf(locale, {
    minimumFractionDigits: ms < 100 ? 2 : 0,
    maximumFractionDigits: ms < 100 ? 2 : 0,
  }).format(ms);
}

/** 0.4567 → "45.7%"; exact 0 and 1 stay whole. */
export function formatPercent(ratio: number, locale: string): string {
  return nf(locale, { style: "percent", maximumFractionDigits: 1 }).format(ratio);
}

/** A wasm pointer as C would print it: 6679552 → "0x65ec00". */
export function formatPointer(ptr: number): string {
  return `0x${ptr.toString(16)}`;
}
