// The playground's code is static highlighted HTML until the learner focuses, clicks or types in
// it; then CodeMirror takes over. Tests that edit code click it the way a learner does and wait
// until the editor has focus, so nothing they type goes to the static copy.
import type { Locator } from "@playwright/test";
import { expect } from "./fixtures.ts";

/** Clicks the playground's code (static or live) and returns the editor's content, focused. */
export async function focusEditor(pg: Locator): Promise<Locator> {
  const content = pg.locator(".cm-content");
  await pg.locator("[data-static-code], .cm-content").first().click();
  await expect(content).toBeFocused();
  return content;
}
