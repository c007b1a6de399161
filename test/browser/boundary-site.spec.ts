// The site's own boundaries (issue #22): a share link that inflates to 100 MB is refused on
// load, with a message and the learner's code untouched; a poisoned Pagefind fragment in Cache
// Storage, or one served as is, never becomes a result link off this site (online and offline).
import { readdirSync, readFileSync } from "node:fs";
import { deflateRawSync, gunzipSync, gzipSync } from "node:zlib";
import type { Page } from "@playwright/test";
import { expect, shoot, test } from "./fixtures.ts";

const LESSON = "/lessons/read-packet/";

/** A share link whose code is 100 MB of spaces: about 130 kB of link text. */
function hugeLink(id: string): string {
  const packed = deflateRawSync(Buffer.alloc(100 * 1024 * 1024, " "), { level: 9 });
  return `#code/${encodeURIComponent(id)}/${packed.toString("base64url")}`;
}

async function firstPlayground(page: Page, path: string) {
  await page.goto(path);
  const pg = page.locator("[data-playground]").first();
  const config = JSON.parse((await pg.getAttribute("data-playground")) ?? "{}") as {
    id: string;
    scope: string;
  };
  return { pg, ...config };
}

test("a share link inflating to 100 MB is refused on load with a message; the saved code stays", async ({
  page,
}) => {
  const { id, scope } = await firstPlayground(page, LESSON);
  const mine = "// my own work, saved before the link was opened\n";
  await page.evaluate(
    ([key, code]) => localStorage.setItem(key, code),
    [`avio-workbook:playground:${scope}:code`, mine],
  );
  const link = hugeLink(id);
  expect(link.length).toBeLessThan(140_000);

  await page.goto("/");
  const started = Date.now();
  await page.goto(LESSON + link);
  const pg = page.locator("[data-playground]").first();
  const banner = pg.locator("[data-link-banner]");
  await expect(banner).toBeVisible();
  await expect(banner).toContainText("more than 256 KiB of code");
  await expect(banner).toContainText("Your code is unchanged.");
  expect(Date.now() - started).toBeLessThan(15_000);
  // No choice to load it: only Dismiss.
  await expect(banner.getByRole("button", { name: "Open the code from the link" })).toBeHidden();
  await expect(banner.getByRole("button", { name: "Dismiss" })).toBeVisible();
  // Responsive, and never held the 100 MB document.
  expect(await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(true))))).toBe(true);
  const heap = await page.evaluate(
    () => (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? 0,
  );
  expect(heap).toBeLessThan(80 * 1024 * 1024);
  expect(
    await page.evaluate((key) => localStorage.getItem(key), `avio-workbook:playground:${scope}:code`),
  ).toBe(mine);
  await expect(pg).toContainText("my own work, saved before the link was opened");
  await shoot(page, "boundary-site-huge-link");
  await pg.screenshot({ path: "test-results/screenshots/boundary-site-huge-link-playground.png" });
  await banner.getByRole("button", { name: "Dismiss" }).click();
  await expect(banner).toBeHidden();
});

test("the same refusal in Chinese, the starter kept when nothing was saved", async ({ page }) => {
  const { id } = await firstPlayground(page, `/zh-cn${LESSON}`);
  const starter = await page.locator("[data-playground]").first().locator(".pg-code__lines").innerText();
  await page.goto("/zh-cn/");
  await page.goto(`/zh-cn${LESSON}${hugeLink(id)}`);
  const pg = page.locator("[data-playground]").first();
  await expect(pg.locator("[data-link-banner]")).toContainText("超过 256 KiB 的代码");
  expect(await pg.locator(".pg-code__lines").innerText()).toBe(starter);
  await shoot(page, "boundary-site-huge-link-zh-cn");
});

/** A valid Pagefind fragment (gzip of "pagefind_dcd" + JSON) whose every URL is `javascript:alert(1)`. */
function poisonedFragment(): Buffer {
  const dir = new URL("../../dist/pagefind/fragment/", import.meta.url);
  const real = gunzipSync(readFileSync(new URL(readdirSync(dir)[0]!, dir))).toString("utf8");
  const page = JSON.parse(real.slice("pagefind_dcd".length));
  page.url = "javascript:alert(1)";
  page.meta = { ...page.meta, title: "POISONED result", url: "javascript:alert(1)" };
  page.sub_results = (page.sub_results ?? []).map((s: object) => ({ ...s, url: "javascript:alert(1)" }));
  // Every word of the lesson points here, so whatever is searched, this fragment is a result.
  return gzipSync(Buffer.from(`pagefind_dcd${JSON.stringify(page)}`));
}

async function searchLinks(page: Page, term: string): Promise<string[]> {
  await page.getByRole("button", { name: "Search" }).click();
  await page.getByRole("dialog").getByRole("textbox").fill(term);
  await expect(page.locator(".pagefind-ui__result-link").first()).toBeVisible();
  return page
    .locator(".pagefind-ui__results a")
    .evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
}

/** Every link an http(s) link to a page of this site. */
function expectSiteLinks(hrefs: string[], origin: string): void {
  expect(hrefs.length).toBeGreaterThan(0);
  for (const href of hrefs) {
    const url = new URL(href);
    expect(url.protocol, href).toMatch(/^https?:$/);
    expect(url.origin, href).toBe(origin);
  }
}

test("a poisoned .pf_fragment in Cache Storage never becomes a javascript: result, online or offline", async ({
  page,
  context,
  consoleErrors,
}) => {
  const dialogs: string[] = [];
  page.on("dialog", (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await page.goto(LESSON);
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.reload(); // controlled now: the search files it fetches are cached
  const origin = new URL(page.url()).origin;
  expectSiteLinks(await searchLinks(page, "AVSEEK_SIZE"), origin);

  const body = poisonedFragment().toString("base64");
  const poisoned = await page.evaluate(async (b64) => {
    const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    let n = 0;
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      for (const req of await cache.keys())
        if (req.url.endsWith(".pf_fragment")) {
          await cache.put(req, new Response(bytes));
          n++;
        }
    }
    return n;
  }, body);
  expect(poisoned).toBeGreaterThan(0);

  await page.reload();
  expectSiteLinks(await searchLinks(page, "AVSEEK_SIZE"), origin);
  await expect(page.getByRole("dialog")).not.toContainText("POISONED");

  await page.goto(LESSON); // cached again, by the worker, from the network: the real fragments
  await context.setOffline(true);
  // Poison again, then search offline: the worker has only the cache, and refuses it.
  await page.evaluate(async (b64) => {
    const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      for (const req of await cache.keys())
        if (req.url.endsWith(".pf_fragment")) await cache.put(req, new Response(bytes));
    }
  }, body);
  await page.reload();
  await page.getByRole("button", { name: "Search" }).click();
  await page.getByRole("dialog").getByRole("textbox").fill("AVSEEK_SIZE");
  // Offline, a refused fragment has no network to fall back on: fewer results, never a poisoned one.
  await page.waitForTimeout(1500);
  const offline = await page
    .locator(".pagefind-ui__results a")
    .evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
  for (const href of offline) expect(new URL(href).origin, href).toBe(origin);
  await expect(page.getByRole("dialog")).not.toContainText("POISONED");
  await context.setOffline(false);
  expect(dialogs).toEqual([]);
  // Offline, the worker refuses each poisoned fragment and has no network behind it, so Pagefind's
  // fetch of it fails (uncaught inside Pagefind's UI) and that result is left out. Nothing else may fail.
  const others = consoleErrors.filter((e) => e !== "uncaught: Failed to fetch");
  consoleErrors.splice(0, consoleErrors.length, ...others);
});

test.describe("without the service worker's check", () => {
  test.use({ serviceWorkers: "block" });

  test("a poisoned fragment served as is still shows only links to this site (search-client's wall)", async ({
    page,
  }) => {
    const dialogs: string[] = [];
    page.on("dialog", (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    const body = poisonedFragment();
    await page.route("**/*.pf_fragment", (route) =>
      route.fulfill({ status: 200, contentType: "application/octet-stream", body }),
    );
    await page.goto(LESSON);
    const origin = new URL(page.url()).origin;
    const hrefs = await searchLinks(page, "AVSEEK_SIZE");
    // The poisoned result is shown (its title), but its link is this site's home, not javascript:.
    await expect(page.getByRole("dialog")).toContainText("POISONED");
    expectSiteLinks(hrefs, origin);
    await shoot(page, "boundary-site-poisoned-fragment-neutralized");
    await page
      .getByRole("dialog")
      .screenshot({ path: "test-results/screenshots/boundary-site-poisoned-dialog.png" });
    expect(dialogs).toEqual([]);
  });
});
