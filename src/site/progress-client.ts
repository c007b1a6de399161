/** Browser side of reading progress (rule and storage format: progress.ts). */
import { countRead, loadProgress, markRead } from "./progress.ts";
import { browserStorage } from "./storage.ts";
import { format } from "../i18n/format.ts";

function paint(doc: Document, read: ReadonlySet<string>): void {
  for (const mark of doc.querySelectorAll<HTMLElement>("[data-progress-slug]")) {
    mark.toggleAttribute("data-read", read.has(mark.dataset.progressSlug ?? ""));
  }
  for (const summary of doc.querySelectorAll<HTMLElement>("[data-progress-summary]")) {
    const slugs = (summary.dataset.slugs ?? "").split(" ").filter(Boolean);
    summary.textContent = format(summary.dataset.template ?? "", {
      read: countRead(read, slugs),
      total: slugs.length,
    });
  }
}

export function startProgress(doc: Document): void {
  const storage = browserStorage();
  paint(doc, loadProgress(storage));

  // The marker sits after the lesson's last paragraph; seeing it means the lesson was read.
  const end = doc.querySelector<HTMLElement>("[data-lesson-end]");
  const slug = end?.dataset.lessonEnd;
  if (!end || !slug || !("IntersectionObserver" in window)) return;
  const observer = new IntersectionObserver((entries) => {
    if (entries.some((entry) => entry.isIntersecting)) {
      observer.disconnect();
      paint(doc, markRead(storage, slug));
    }
  });
  observer.observe(end);
}
