// Wakes each playground lazily: nothing heavy (editor, engine) loads until one
// scrolls near the viewport or receives focus, so lesson text stays fast.
import type { PlaygroundDeps } from "./controller.ts";

const started = new WeakSet<Element>();
let deps: PlaygroundDeps;

function start(el: HTMLElement) {
  if (started.has(el)) return;
  started.add(el);
  void import("./controller.ts").then((m) => m.mountPlayground(el, deps));
}

export function mountAll(with_: PlaygroundDeps): void {
  deps = with_;
  const all = document.querySelectorAll<HTMLElement>("[data-playground]");
  const io =
    "IntersectionObserver" in window
      ? new IntersectionObserver(
          (entries) => {
            for (const e of entries)
              if (e.isIntersecting) {
                io?.unobserve(e.target);
                start(e.target as HTMLElement);
              }
          },
          { rootMargin: "200px 0px" },
        )
      : null;
  for (const el of all) {
    if (io) io.observe(el);
    else start(el);
    el.addEventListener("focusin", () => start(el), { once: true });
    el.addEventListener("pointerenter", () => start(el), { once: true });
  }
}
