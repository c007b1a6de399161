/** Adds a copy button to every `.code-block` (the wrapper written by codeBlockFrame()). */

const COPY_ICON =
  '<svg class="icon-copy" viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true"><rect x="9" y="9" width="11" height="11" rx="2"/><path d="M5 15V5a2 2 0 0 1 2-2h8"/></svg>' +
  '<svg class="icon-done" viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2.5" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true"><path d="m5 12 5 5 9-10"/></svg>';

export function addCopyButtons(doc: Document): void {
  const announcer = doc.querySelector<HTMLElement>("[data-announcer]");
  const label = announcer?.dataset.copyLabel ?? "Copy code";
  const copied = announcer?.dataset.copiedLabel ?? "Copied";
  const failed = announcer?.dataset.copyFailedLabel ?? "Could not copy";

  for (const block of doc.querySelectorAll<HTMLElement>(".code-block")) {
    if (block.querySelector(".copy-button")) continue;
    const code = block.querySelector("code");
    if (!code) continue;
    const button = doc.createElement("button");
    button.type = "button";
    button.className = "icon-button copy-button";
    button.setAttribute("aria-label", label);
    button.title = label;
    button.innerHTML = COPY_ICON;
    let timer: ReturnType<typeof setTimeout> | undefined;
    button.addEventListener("click", async () => {
      // Shiki renders one .line span per source line, joined by newlines: textContent is the source.
      const text = code.textContent ?? "";
      let ok = true;
      try {
        await navigator.clipboard.writeText(text);
      } catch {
        ok = false;
      }
      button.dataset.state = ok ? "copied" : "failed";
      button.title = ok ? copied : failed;
      if (announcer) announcer.textContent = ok ? copied : failed;
      clearTimeout(timer);
      timer = setTimeout(() => {
        delete button.dataset.state;
        button.title = label;
        if (announcer) announcer.textContent = "";
      }, 2000);
    });
    block.append(button);
  }
}
