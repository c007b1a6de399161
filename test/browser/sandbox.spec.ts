// The browser half of the attack suite: learner code opened from a shared link and Run, and an
// exercise Check, try to reach the page, the network, the origin's storage and the verdict.
// Every attempt must be blocked, and the site's storage and caches left exactly as they were.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import type { Locator, Page } from "@playwright/test";
import { encodeShare } from "../../src/playground/persist.ts";
import { expect, shoot, test } from "./fixtures.ts";
import { ready, setCode } from "./learner-page.ts";
import {
  ATTACK,
  FORGE,
  PROBES,
  REACH,
  REACH_PROBES,
  siteState as siteStateInPage,
} from "./sandbox-probes.ts";

const siteState = (page: Page) => page.evaluate(siteStateInPage);

/** Opens `code` as a share link of the lesson's first playground, accepts it and runs it; returns its diagnostics text. */
async function runShared(page: Page, pg: Locator, lesson: string, id: string, code: string): Promise<string> {
  await page.goto(lesson + (await encodeShare(id, code)));
  await pg.scrollIntoViewIfNeeded();
  await expect(pg).toHaveAttribute("data-ready", "true");
  const load = pg.getByRole("button", { name: /Load the shared code|Use the shared code|shared/i });
  if (await load.count()) await load.first().click();
  await pg.getByRole("button", { name: /^▶?\s*Run/ }).click();
  const diag = pg.locator('[data-panel="diagnostics"]');
  await expect(diag).toContainText("probes");
  return (await diag.textContent()) ?? "";
}

test("learner code from a shared link cannot reach the page, the network or the site's storage", async ({
  page,
}) => {
  const lesson = "/lessons/read-packet/";
  await page.goto(lesson);
  await page.evaluate(() => navigator.serviceWorker.ready);
  const pg = page.locator("[data-playground]").first();
  const id = JSON.parse((await pg.getAttribute("data-playground")) ?? "{}").id as string;
  const before = await siteState(page);
  const requests: string[] = [];
  page.on("request", (r) => requests.push(new URL(r.url()).pathname));

  const text = await runShared(page, pg, lesson, id, ATTACK);
  const diag = pg.locator('[data-panel="diagnostics"]');
  for (const name of Object.keys(PROBES)) expect(text, name).toContain(`${name}:blocked`);
  expect(text).not.toContain(":OPEN");
  await diag.screenshot({ path: "test-results/screenshots/sandbox-shared-link-probes.png" });

  // Nothing was fetched on the learner's behalf, and the origin's storage is as it was.
  expect(requests.filter((p) => p === "/" || p.endsWith("/x.js"))).toEqual([]);
  const after = await siteState(page);
  expect({ ...after, cached: [] }).toEqual({ ...before, cached: [] });
  // Cache Storage holds only what the service worker fetched itself: this build's files, byte for byte.
  for (const { path, sha256 } of after.cached) {
    const file = new URL(`../../dist${path.endsWith("/") ? `${path}index.html` : path}`, import.meta.url);
    expect(sha256, path).toBe(createHash("sha256").update(readFileSync(file)).digest("base64"));
  }
});

test("learner code gets no host object: not the engine's record as this, not wasm memory as buf.buffer, no handle it can forge; the next Run is clean", async ({
  page,
}) => {
  const lesson = "/lessons/read-packet/";
  await page.goto(lesson);
  const pg = page.locator("[data-playground]").first();
  const id = JSON.parse((await pg.getAttribute("data-playground")) ?? "{}").id as string;
  const text = await runShared(page, pg, lesson, id, REACH);
  const diag = pg.locator('[data-panel="diagnostics"]');
  for (const name of REACH_PROBES) expect(text, name).toContain(`${name}:blocked`);
  await diag.screenshot({ path: "test-results/screenshots/sandbox-reach-probes.png" });
  // The starter, Run after that code: FFmpeg's own strings and state are untouched (a fresh engine).
  await pg.getByRole("button", { name: "Reset to starter" }).click();
  await pg.getByRole("button", { name: /^▶?\s*Run/ }).click();
  await expect(pg.locator("[data-status]")).toHaveText(/Done in|Ran in|stopped at/);
  expect(await pg.textContent()).not.toContain("PPPP");
  await pg.screenshot({ path: "test-results/screenshots/sandbox-reach-then-starter.png" });
});

test("import() of any URL is refused before the code runs", async ({ page }) => {
  await page.goto("/lessons/read-packet/");
  const pg = page.locator("[data-playground]").first();
  const id = JSON.parse((await pg.getAttribute("data-playground")) ?? "{}").id as string;
  const code =
    'const m = "/_astro/" + "x.js";\nexport function read_packet(): number { void import(m); return -1; }\n';
  const requests: string[] = [];
  page.on("request", (r) => requests.push(new URL(r.url()).pathname));
  await page.goto(`/lessons/read-packet/${await encodeShare(id, code)}`);
  await pg.scrollIntoViewIfNeeded();
  await expect(pg).toHaveAttribute("data-ready", "true");
  const load = pg.getByRole("button", { name: /Load the shared code|Use the shared code|shared/i });
  if (await load.count()) await load.first().click();
  await pg.getByRole("button", { name: /^▶?\s*Run/ }).click();
  await expect(pg.locator("[data-status]")).toContainText(/import\(\) is not available here/);
  expect(requests.filter((p) => p.endsWith("/x.js"))).toEqual([]);
});

test("a Check cannot be passed by patching what the tests use or by posting a result", async ({ page }) => {
  await page.goto("/exercises/read-packet/");
  const pg = await ready(page.locator("[data-playground]").first());
  await setCode(page, pg, FORGE);
  await pg.getByRole("button", { name: "Check", exact: true }).click();
  const results = pg.getByRole("region", { name: "Test results" });
  await expect(results).toContainText("0 of 12 tests pass");
  await expect(page.locator("[data-done-badge]")).toBeHidden();
  expect(await page.evaluate(() => localStorage.getItem("avio-workbook:exercises:v1"))).toBeNull();
  await shoot(page, "sandbox-check-forge");
});

test("the service worker serves no cached page or script that is not this build's own bytes", async ({
  page,
}) => {
  await page.goto("/lessons/memory-io/");
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.reload(); // now controlled: this page's scripts are cached
  const scripts = await page.evaluate(() =>
    [...document.querySelectorAll<HTMLScriptElement>('script[type="module"][src]')].map((s) => s.src),
  );
  expect(scripts.length).toBeGreaterThan(0);
  // What an escaped learner worker would do: rewrite a cached script and add one of its own.
  await page.evaluate(async (urls) => {
    const evil = (tag: string) =>
      new Response(`window.__pwned = ${JSON.stringify(tag)};`, {
        headers: { "content-type": "text/javascript" },
      });
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      for (const u of urls) await cache.put(u, evil(u));
      await cache.put(
        new URL("/lessons/memory-io/", location.href).href,
        new Response('<script>window.__pwned = "page"</script>', {
          headers: { "content-type": "text/html" },
        }),
      );
    }
  }, scripts);
  await page.reload();
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned)).toBeUndefined();
  // Offline, a poisoned page is not served either: the browser shows its own error instead.
  await page.evaluate(async () => {
    for (const name of await caches.keys())
      await (await caches.open(name)).put(
        new URL("/lessons/seek/", location.href).href,
        new Response('<h1>pwned</h1><script>window.__pwned = "offline"</script>', {
          headers: { "content-type": "text/html" },
        }),
      );
  });
  await page.context().setOffline(true);
  await page.goto("/lessons/seek/").catch(() => {});
  expect(await page.content()).not.toContain("pwned");
  await page.context().setOffline(false);
});
