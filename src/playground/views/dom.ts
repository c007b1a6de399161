// The few DOM helpers the views share: element builders, unique ids, and a
// per-container cleanup so a re-render never leaks observers or blob URLs.
import "./base.css";

type Attr = string | number | boolean | null | undefined;
export type Child = Node | string | null | undefined | false;

function build<E extends Element>(el: E, attrs: Record<string, Attr>, children: (Child | Child[])[]): E {
  for (const [name, value] of Object.entries(attrs)) {
    if (value === false || value === null || value === undefined) continue;
    el.setAttribute(name, value === true ? "" : String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child);
  }
  return el;
}

/** `h("td", { class: "num" }, "4096")`; false/null/undefined attributes and children are skipped. */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, Attr> = {},
  ...children: (Child | Child[])[]
): HTMLElementTagNameMap[K] {
  return build(document.createElement(tag), attrs, children);
}

const SVG_NS = "http://www.w3.org/2000/svg";

export function svg<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attrs: Record<string, Attr> = {},
  ...children: (Child | Child[])[]
): SVGElementTagNameMap[K] {
  return build(document.createElementNS(SVG_NS, tag), attrs, children);
}

let nextId = 0;
/** Ids for aria-labelledby / aria-controls; unique even with several playgrounds on a page. */
export function uid(prefix: string): string {
  return `${prefix}-${++nextId}`;
}

/** A `<section>` named by its heading, so it is a region landmark with exactly that name. */
export function region(className: string, title: string, ...children: (Child | Child[])[]): HTMLElement {
  const id = uid("pg-h");
  return h(
    "section",
    { class: `pg-view ${className}`, "aria-labelledby": id },
    h("h3", { id, class: "pg-view__title" }, title),
    ...children,
  );
}

/** Wide content scrolls inside its own box, never the page; focusable so keyboards can scroll it. */
export function scrollBox(label: string, ...children: (Child | Child[])[]): HTMLElement {
  return h("div", { class: "pg-scroll", tabindex: 0, role: "group", "aria-label": label }, ...children);
}

const cleanups = new WeakMap<Element, () => void>();

/** Empties a view's container and undoes what its last render set up. Call it before removing a view. */
export function clearView(container: Element): void {
  cleanups.get(container)?.();
  cleanups.delete(container);
  container.replaceChildren();
}

/** Registers work to undo at the container's next clearView (i.e. its next render). */
export function onClear(container: Element, fn: () => void): void {
  const previous = cleanups.get(container);
  cleanups.set(container, previous ? () => (previous(), fn()) : fn);
}

/** A CSS custom property of `el`, or `fallback` when the stylesheet does not define it. */
export function cssVar(el: Element, name: string, fallback: string): string {
  return getComputedStyle(el).getPropertyValue(name).trim() || fallback;
}

/** Runs `fn` whenever the site switches theme (it sets data-theme on <html>). */
export function onThemeChange(container: Element, fn: () => void): void {
  if (typeof MutationObserver === "undefined") return;
  const observer = new MutationObserver(fn);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ["data-theme"] });
  onClear(container, () => observer.disconnect());
}

/**
 * Runs `fn(width)` when the element's width differs from the width last drawn at (starting with
 * `drawnAt`). A width of 0 (a hidden tab) is ignored: the view redraws once it is shown.
 */
export function onWidthChange(
  container: Element,
  el: Element,
  drawnAt: number,
  fn: (width: number) => void,
): void {
  if (typeof ResizeObserver === "undefined") return;
  let last = drawnAt;
  const observer = new ResizeObserver(([entry]) => {
    const width = Math.round(entry!.contentRect.width);
    if (width === 0 || width === last) return;
    last = width;
    fn(width);
  });
  observer.observe(el);
  onClear(container, () => observer.disconnect());
}
