/**
 * Browser side of search: Pagefind's default UI, loaded on first use from <base>/pagefind/
 * (written by `pagefind` after `astro build`, see scripts/build.ts). Pagefind picks the index
 * matching <html lang>, so each language searches its own pages.
 */
import { assetPath, isSiteUrl, withBase } from "./paths.ts";

/** The part of a Pagefind result its UI turns into links. */
export interface PagefindResult {
  url?: unknown;
  meta?: Record<string, unknown> & { url?: unknown };
  sub_results?: { url?: unknown }[];
}
interface PagefindUIOptions {
  element: HTMLElement;
  bundlePath?: string;
  baseUrl?: string;
  processResult?: (result: PagefindResult) => PagefindResult;
  showSubResults?: boolean;
  showImages?: boolean;
  autofocus?: boolean;
  resetStyles?: boolean;
}
interface PagefindUIInstance {
  triggerSearch(term: string): void;
}
declare global {
  interface Window {
    PagefindUI?: new (options: PagefindUIOptions) => PagefindUIInstance;
  }
}

const BUNDLE = assetPath("pagefind/");

/**
 * Every link a result shows points to one of this site's pages (same origin, under the base), or
 * to the site's home: the index is data anyone on the origin could have cached (the service worker
 * checks it is this build's, and this is the second wall), and a `javascript:` or foreign URL in
 * it must never become a link.
 */
export function safeResult(result: PagefindResult, origin: string, base?: string): PagefindResult {
  const home = withBase("/", base);
  const safe = (url: unknown) => (typeof url === "string" && isSiteUrl(url, origin, base) ? url : home);
  const out: PagefindResult = { ...result, url: safe(result.url) };
  if (result.meta) {
    out.meta = { ...result.meta };
    if ("url" in result.meta) out.meta.url = safe(result.meta.url);
    // Images are not shown (showImages: false); none is loaded from a URL the index names.
    delete out.meta.image;
  }
  if (Array.isArray(result.sub_results))
    out.sub_results = result.sub_results.map((sub) => ({ ...sub, url: safe(sub.url) }));
  return out;
}
let loading: Promise<boolean> | undefined;

function load(): Promise<boolean> {
  loading ??= new Promise<boolean>((resolve) => {
    const css = document.createElement("link");
    css.rel = "stylesheet";
    css.href = `${BUNDLE}pagefind-ui.css`;
    document.head.append(css);
    const script = document.createElement("script");
    script.src = `${BUNDLE}pagefind-ui.js`;
    script.onload = () => resolve(typeof window.PagefindUI === "function");
    script.onerror = () => resolve(false);
    document.head.append(script);
  });
  return loading;
}

let mounted = false;

/**
 * Opens the dialog at once with a stand-in input, so keys typed while Pagefind loads are kept,
 * then hands the typed text to Pagefind's own input.
 */
export async function openSearch(dialog: HTMLDialogElement, root: HTMLElement): Promise<void> {
  if (!dialog.open) dialog.showModal();
  if (mounted) {
    root.querySelector<HTMLInputElement>(".pagefind-ui__search-input")?.focus();
    return;
  }
  const label = dialog.getAttribute("aria-label") ?? "";
  let early = root.querySelector<HTMLInputElement>("[data-search-early]");
  if (!early) {
    early = document.createElement("input");
    early.type = "search";
    early.className = "search-early-input";
    early.dataset.searchEarly = "";
    early.setAttribute("aria-label", label);
    const status = document.createElement("p");
    status.className = "search-status";
    status.textContent = root.dataset.loadingText ?? "";
    root.replaceChildren(early, status);
  }
  early.focus();
  const ok = await load();
  if (mounted) return;
  if (!ok || !window.PagefindUI) {
    root.querySelector(".search-status")!.textContent = root.dataset.unavailableText ?? "";
    return;
  }
  const typed = early.value;
  root.replaceChildren();
  const ui = new window.PagefindUI({
    element: root,
    bundlePath: BUNDLE,
    baseUrl: withBase("/"),
    processResult: (result) => safeResult(result, location.origin),
    showSubResults: true,
    showImages: false,
    autofocus: true,
  });
  mounted = true;
  const input = root.querySelector<HTMLInputElement>(".pagefind-ui__search-input");
  // Pagefind labels its input only with title/placeholder; give it a real accessible name.
  input?.setAttribute("aria-label", label);
  if (input && typed) {
    input.value = typed;
    ui.triggerSearch(typed);
  }
  input?.focus();
}
