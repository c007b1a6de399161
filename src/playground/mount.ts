// Wakes each playground lazily: its controls and the engine prefetch load when it scrolls near
// the viewport, is focused, or is touched; the editor itself only on the first focus, click or key
// in the code (code-state.ts), so reading a lesson stays light.
// A click on one of its buttons before the controller is ready is not lost: it is
// remembered here and replayed once the controls are wired (controller.ts).
import type { PlaygroundDeps } from "./controller.ts";
import { decodeShareTarget } from "./persist.ts";
import { captureStaticInput } from "./static-input.ts";

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
  // A share link names its playground: wake that one at once, whatever the scroll position.
  const shared = decodeShareTarget(location.hash);
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
    // Keys typed into the static code before the editor exists are kept for it (static-input.ts).
    const code = el.querySelector<HTMLElement>("[data-static-code]");
    if (code) captureStaticInput(code);
    const id = (JSON.parse(el.dataset.playground!) as { id: string }).id;
    if (shared === id || !io) start(el);
    else io.observe(el);
    for (const type of ["focusin", "pointerenter", "pointerdown", "keydown", "touchstart"] as const)
      el.addEventListener(type, () => start(el), { once: true, passive: true });
    // Capture phase: seen before any handler, including the controller's own once it is wired.
    el.addEventListener(
      "click",
      (ev) => {
        if (el.dataset.ready === "true") return;
        const button = (ev.target as Element).closest<HTMLButtonElement>("button[data-action]");
        if (!button || !el.contains(button)) return;
        // data-pending-action: read and cleared by the controller once its controls are wired.
        el.dataset.pendingAction = button.dataset.action!;
        start(el);
      },
      { capture: true },
    );
  }
}
