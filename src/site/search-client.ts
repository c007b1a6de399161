/**
 * Browser side of search: Pagefind's default UI, loaded on first use from /pagefind/ (written by
 * `pagefind --site dist` after `astro build`). Pagefind picks the index matching <html lang>, so
 * each language searches its own pages.
 */
interface PagefindUIOptions {
  element: HTMLElement;
  showSubResults?: boolean;
  showImages?: boolean;
  autofocus?: boolean;
  resetStyles?: boolean;
}
declare global {
  interface Window {
    PagefindUI?: new (options: PagefindUIOptions) => unknown;
  }
}

const BUNDLE = '/pagefind/';
let loading: Promise<boolean> | undefined;

function load(): Promise<boolean> {
  loading ??= new Promise<boolean>((resolve) => {
    const css = document.createElement('link');
    css.rel = 'stylesheet';
    css.href = `${BUNDLE}pagefind-ui.css`;
    document.head.append(css);
    const script = document.createElement('script');
    script.src = `${BUNDLE}pagefind-ui.js`;
    script.onload = () => resolve(typeof window.PagefindUI === 'function');
    script.onerror = () => resolve(false);
    document.head.append(script);
  });
  return loading;
}

let mounted = false;

export async function openSearch(dialog: HTMLDialogElement, root: HTMLElement): Promise<void> {
  if (!dialog.open) dialog.showModal();
  if (mounted) {
    root.querySelector<HTMLInputElement>('input')?.focus();
    return;
  }
  if (!root.hasChildNodes()) root.textContent = root.dataset.loadingText ?? '';
  const ok = await load();
  if (!ok || !window.PagefindUI) {
    root.textContent = root.dataset.unavailableText ?? '';
    return;
  }
  root.textContent = '';
  new window.PagefindUI({ element: root, showSubResults: true, showImages: false, autofocus: true });
  mounted = true;
}
