// The lazy editor: a lesson page shows each playground's code statically highlighted and loads
// CodeMirror (and later the TypeScript service) only when the learner focuses, clicks or types in
// the code — so reading a lesson costs little JavaScript — and nothing typed meanwhile is lost.
import { gzipSync } from "node:zlib";
import type { Response } from "@playwright/test";
import { focusEditor } from "./editor.ts";
import { expect, shoot, test } from "./fixtures.ts";

/** The lesson with the most playgrounds. */
const LESSON = "/lessons/read-packet/";
const BUDGET_GZIP = 100_000;

test("a lesson page's JavaScript before interaction stays within 100 KB gzipped", async ({ page }) => {
  const scripts = new Map<string, Promise<number>>();
  page.context().on("response", (r: Response) => {
    const url = r.url();
    if (!/\.m?js$/.test(new URL(url).pathname) && r.request().resourceType() !== "script") return;
    scripts.set(
      url,
      r.body().then(
        (b) => gzipSync(b, { level: 9 }).length,
        () => 0,
      ),
    );
  });
  const workers = new Set<string>();
  page.on("worker", (w) => workers.add(w.url()));
  await page.goto(LESSON);
  const playgrounds = page.locator("[data-playground]");
  expect(await playgrounds.count()).toBeGreaterThan(2);
  // Read the whole page: every playground comes into view and wakes (engine prefetch included).
  for (const pg of await playgrounds.all()) {
    await pg.scrollIntoViewIfNeeded();
    await expect(pg).toHaveAttribute("data-ready", "true");
  }
  await page.waitForLoadState("networkidle");
  // The page's own scripts, not the runner's: its worker starts once the page is idle, and reading
  // never waits for it (issue 29). A worker's main script is on the page's resource timeline, the
  // modules it imports are on the worker's own.
  const own = new Set(await page.evaluate(() => performance.getEntriesByType("resource").map((e) => e.name)));
  for (const url of scripts.keys()) if (!own.has(url) || workers.has(url)) scripts.delete(url);
  const sizes = await Promise.all(scripts.values());
  const total = sizes.reduce((a, b) => a + b, 0);
  console.log(`JavaScript before interaction on ${LESSON}: ${scripts.size} files, ${total} B gzipped`);
  // Read, not touched: no playground has loaded its editor.
  await expect(page.locator(".cm-content")).toHaveCount(0);
  expect(total).toBeLessThanOrEqual(BUDGET_GZIP);
});

// Page routes see the page's own requests only when no service worker answers them.
test.use({ serviceWorkers: "block" });

test("keys typed into the static code before the editor is ready all land in it, in order", async ({
  page,
}) => {
  await page.goto(LESSON);
  const pg = page.locator("[data-playground]").first();
  await pg.scrollIntoViewIfNeeded();
  await expect(pg).toHaveAttribute("data-ready", "true");
  const code = pg.locator("[data-static-code]");
  // The same accessible name as the editor it stands for; reachable by keyboard.
  const name = await code.getAttribute("aria-label");
  await expect(pg.getByRole("textbox", { name: name! })).toHaveAttribute("tabindex", "0");
  await shoot(page, "lazy-static-code");
  const firstLine = (await code.locator("[data-line]").first().textContent())!;

  // Hold back every script from here on, so the keys surely arrive before CodeMirror does.
  let release!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  await page.route(/\.m?js(\?|$)/, async (route) => {
    await gate;
    await route.continue();
  });
  // Click at the end of the first line, then type at once.
  const line = code.locator("[data-line]").first();
  const box = (await line.boundingBox())!;
  await line.click({ position: { x: box.width - 4, y: box.height / 2 } });
  await page.keyboard.type("\n// typed early");
  await page.keyboard.press("Backspace");
  await page.keyboard.type("y, in order");
  await expect(page.locator(".cm-content")).toHaveCount(0);
  release();

  const content = pg.locator(".cm-content");
  await expect(content).toBeFocused();
  await expect(content).toHaveAttribute("aria-label", name!);
  const lines = content.locator(".cm-line");
  await expect(lines.nth(0)).toHaveText(firstLine);
  await expect(lines.nth(1)).toHaveText("// typed early, in order");
  // The caret stayed where the typing left it: what comes next follows.
  await page.keyboard.type("!");
  await expect(lines.nth(1)).toHaveText("// typed early, in order!");
  await expect(pg.locator("[data-static-code]")).toHaveCount(0);
  await shoot(page, "lazy-editor-after-early-typing");
});

test("Run works before the editor loads, and runs the code shown", async ({ page }) => {
  await page.goto("/lessons/memory-io/");
  const pg = page.locator("[data-playground]").first();
  await pg.scrollIntoViewIfNeeded();
  await expect(pg).toHaveAttribute("data-ready", "true");
  await pg.getByRole("button", { name: /^▶?\s*Run/ }).click();
  await expect(pg.locator("[data-status]")).toHaveText(/Done in/);
  await expect(pg.locator(".cm-content")).toHaveCount(0);
});

test("a stored edit survives a reload: that playground opens in the editor with it", async ({ page }) => {
  await page.goto(LESSON);
  const pg = page.locator("[data-playground]").first();
  await pg.scrollIntoViewIfNeeded();
  await expect(pg).toHaveAttribute("data-ready", "true");
  await focusEditor(pg);
  await page.keyboard.press("ControlOrMeta+End");
  await page.keyboard.insertText("\n// kept across reloads\n");

  await page.reload();
  const again = page.locator("[data-playground]").first();
  await again.scrollIntoViewIfNeeded();
  // Loaded eagerly, without a click: the saved code differs from the starter.
  await expect(again.locator(".cm-content")).toContainText("// kept across reloads");
  await expect(again.locator("[data-static-code]")).toHaveCount(0);
  // A playground without saved work still shows its static code.
  const other = page.locator("[data-playground]").nth(1);
  await other.scrollIntoViewIfNeeded();
  await expect(other).toHaveAttribute("data-ready", "true");
  await expect(other.locator("[data-static-code]")).toBeVisible();
  await shoot(page, "lazy-stored-edit-after-reload");
});
