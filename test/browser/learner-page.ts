// What the playground specs for learners share: opening a playground, replacing its code, running it,
// reading its status, and element screenshots.
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Locator, Page } from "@playwright/test";
import { expect } from "./fixtures.ts";
import { focusEditor } from "./editor.ts";
import { READ_PACKET } from "../learner-code.ts";

export const ENDLESS = READ_PACKET.replace("const n =", "while (true) {}\n  const n =");
export const SYNTAX_ERROR = READ_PACKET.replace("return n;", "return n +;");

export async function ready(pg: Locator): Promise<Locator> {
  await pg.scrollIntoViewIfNeeded();
  await expect(pg).toHaveAttribute("data-ready", "true");
  return pg;
}

export async function open(page: Page, path: string, index = 0): Promise<Locator> {
  await page.goto(path);
  return ready(page.locator("[data-playground]").nth(index));
}

/** Replaces the editor's text the way a paste would (no auto-indent or bracket closing). */
export async function setCode(page: Page, pg: Locator, code: string): Promise<void> {
  await focusEditor(pg);
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.press("Delete");
  await page.keyboard.insertText(code);
}

/** A screenshot of one element (a playground, a panel), beside the fixtures' full-page ones. */
export async function shootEl(el: Locator, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  await el.screenshot({ path: join(SHOTS, `${name}.png`) });
}
/** What the window shows (e.g. where a link landed). */
export async function shootView(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, `${name}.png`) });
}
export const SHOTS = fileURLToPath(new URL("../../test-results/screenshots/", import.meta.url));

export const status = (pg: Locator) => pg.locator("p.pg-status");
export const BUSY = /Running|Downloading|Starting|运行中|正在|^$/;

// By data-action, not by name: each test here fails for its own item (the name has a test of its own).
export const runButton = (pg: Locator) => pg.locator('[data-action="run"]');

export async function run(pg: Locator): Promise<void> {
  await runButton(pg).click();
  await expect(status(pg)).not.toHaveText(BUSY);
}
