// Wakes each playground lazily: nothing heavy (editor, engine) loads until one
// scrolls near the viewport or receives focus, so lesson text stays fast.
const started = new WeakSet<Element>();

function start(el: HTMLElement) {
  if (started.has(el)) return;
  started.add(el);
  void import("./controller.ts").then((m) => m.mountPlayground(el));
}

export function mountAll(): void {
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
