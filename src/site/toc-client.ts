/** Marks the sidebar contents link of the section in view (aria-current="true"). */
import { activeHeadingIndex } from "./toc.ts";

export function trackActiveSection(doc: Document): void {
  const links = [...doc.querySelectorAll<HTMLAnchorElement>("[data-toc-link]")];
  const headings = links.map((link) => doc.getElementById(link.dataset.tocLink ?? ""));
  if (links.length === 0) return;
  let scheduled = false;
  const update = () => {
    scheduled = false;
    // A heading counts once it passes a third of the way down the screen.
    const tops = headings.map((h) => h?.getBoundingClientRect().top ?? Infinity);
    const active = activeHeadingIndex(tops, window.innerHeight / 3);
    links.forEach((link, i) => {
      if (i === active) link.setAttribute("aria-current", "true");
      else link.removeAttribute("aria-current");
    });
  };
  const schedule = () => {
    if (!scheduled) {
      scheduled = true;
      requestAnimationFrame(update);
    }
  };
  addEventListener("scroll", schedule, { passive: true });
  addEventListener("resize", schedule, { passive: true });
  update();
}
