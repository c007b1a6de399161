import { readdirSync, readFileSync } from "node:fs";
import { gunzipSync, gzipSync } from "node:zlib";
import { expect, shoot, test } from "./fixtures.ts";

const EN_LESSONS = readdirSync(new URL("../../src/lessons/en/", import.meta.url)).filter((f) =>
  f.endsWith(".mdx"),
).length;

test("visited pages keep working offline, search included", async ({ page, context }) => {
  await page.goto("/");
  await page.evaluate(() => navigator.serviceWorker.ready);
  // Pages loaded before the worker took control are cached on their next visit.
  await page.goto("/lessons/parameters/");
  await page.getByRole("button", { name: "Search" }).click();
  await page.getByRole("dialog").getByRole("textbox").fill("AVSEEK_SIZE");
  await expect(page.locator(".pagefind-ui__result").first()).toBeVisible();
  await page.goto("/");

  await context.setOffline(true);
  await page.goto("/lessons/parameters/");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(
    "The seven parameters of avio_alloc_context",
  );
  await expect(page.locator("#lesson-sidebar")).toBeVisible();
  expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
  await page.getByRole("button", { name: "Search" }).click();
  await page.getByRole("dialog").getByRole("textbox").fill("AVSEEK_SIZE");
  await expect(page.locator(".pagefind-ui__result-link").first()).toHaveAttribute(
    "href",
    /^\/lessons\/(seek|parameters)\//,
  );
  await page.goto("/");
  await expect(page.locator("[data-lesson-list] > li")).toHaveCount(EN_LESSONS);
  await context.setOffline(false);
});

/** A valid Pagefind fragment (gzip of "pagefind_dcd" + JSON) whose result is a `javascript:` link. */
function poisonedFragment(): string {
  const dir = new URL("../../dist/pagefind/fragment/", import.meta.url);
  const real = gunzipSync(readFileSync(new URL(readdirSync(dir)[0]!, dir))).toString("utf8");
  const page = JSON.parse(real.slice("pagefind_dcd".length));
  page.url = "javascript:window.__pwned='url'//";
  page.meta = { ...page.meta, title: "PWNED result", url: "javascript:window.__pwned='meta'//" };
  return gzipSync(Buffer.from(`pagefind_dcd${JSON.stringify(page)}`)).toString("base64");
}

test("a poisoned cached Pagefind fragment is never served, and no result links off the site", async ({
  page,
}) => {
  await page.goto("/lessons/parameters/");
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.reload(); // now controlled: the search files it fetches are cached
  const search = async () => {
    await page.getByRole("button", { name: "Search" }).click();
    await page.getByRole("dialog").getByRole("textbox").fill("AVSEEK_SIZE");
    await expect(page.locator(".pagefind-ui__result-link").first()).toBeVisible();
  };
  await search();
  // What any script of this origin can do: rewrite every cached fragment.
  const poison = (bytes: string) =>
    page.evaluate(async (b64) => {
      const body = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      let poisoned = 0;
      for (const name of await caches.keys()) {
        const cache = await caches.open(name);
        for (const req of await cache.keys())
          if (req.url.endsWith(".pf_fragment")) {
            await cache.put(req, new Response(body));
            poisoned++;
          }
      }
      return poisoned;
    }, bytes);
  const bytes = poisonedFragment();
  expect(await poison(bytes)).toBeGreaterThan(0);
  const links = () =>
    page
      .locator(".pagefind-ui__result-link, .pagefind-ui__result a")
      .evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).getAttribute("href") ?? ""));
  const check = async () => {
    const hrefs = await links();
    expect(hrefs.length).toBeGreaterThan(0);
    for (const href of hrefs) expect(href).toMatch(/^\/(lessons|exercises)\//);
    await expect(page.getByRole("dialog")).not.toContainText("PWNED");
  };

  const asked: string[] = [];
  page.on("request", (r) => {
    if (r.url().endsWith(".pf_fragment")) asked.push(r.url());
  });
  await page.reload();
  await search();
  await check();
  // The worker dropped each poisoned entry it was asked for and cached the real fragment again.
  expect(asked.length).toBeGreaterThan(0);
  expect(
    await page.evaluate(
      async ([urls, b64]) => {
        const still: string[] = [];
        for (const url of urls) {
          const res = await caches.match(url);
          if (res && btoa(String.fromCharCode(...new Uint8Array(await res.arrayBuffer()))) === b64)
            still.push(url);
        }
        return still;
      },
      [asked, bytes] as const,
    ),
  ).toEqual([]);

  await shoot(page, "offline-poisoned-fragment");
  expect(await page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned)).toBeUndefined();
});
