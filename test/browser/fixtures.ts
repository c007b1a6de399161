/**
 * Shared Playwright fixtures: every test fails if the page logged a console error or threw, and
 * `shoot()` saves a full-page screenshot to test-results/screenshots/ for people to look at.
 */
import { mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { test as base, expect, type Page } from "@playwright/test";

const SHOTS = resolve(import.meta.dirname, "../../test-results/screenshots");

export const test = base.extend<{ consoleErrors: string[]; allowConsoleError: RegExp | undefined }>({
  allowConsoleError: [undefined, { option: true }],
  consoleErrors: [
    async ({ page, allowConsoleError }, use) => {
      const errors: string[] = [];
      page.on("console", (message) => {
        if (message.type() !== "error") return;
        const text = `${message.text()} (${message.location().url})`;
        if (allowConsoleError?.test(text)) return;
        errors.push(text);
      });
      page.on("pageerror", (error) => errors.push(`uncaught: ${error.message}`));
      await use(errors);
      expect(errors, "console errors on the visited pages").toEqual([]);
    },
    { auto: true },
  ],
});
export { expect };

export async function shoot(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

/** Fixes the theme before any script runs, as a returning reader's stored choice would. */
export async function useStoredTheme(page: Page, theme: "light" | "dark"): Promise<void> {
  await page.addInitScript((value) => localStorage.setItem("avio-workbook:theme", value), theme);
}

/** Horizontal overflow of the document in CSS pixels (0 means no sideways scrolling). */
export async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

/** Fails, listing each rule and where, when axe finds serious or critical violations (in `include`). */
export async function expectAxeClean(page: Page, include?: string): Promise<void> {
  const builder = new AxeBuilder({ page });
  const results = await (include ? builder.include(include) : builder).analyze();
  const bad = results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes
          .map((n) => n.target.join(" "))
          .slice(0, 5)
          .join("\n  ")}`,
    );
  expect(bad, bad.join("\n")).toEqual([]);
}
