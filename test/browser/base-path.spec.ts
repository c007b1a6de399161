// A copy of the site published under a path (SITE_BASE=/course/, as a GitHub Pages project site
// is), served by a static host that answers nothing outside that path: every feature works there,
// with the cross-origin isolation headers and without them (docs/deploy.md).
import { existsSync, readdirSync, readFileSync } from "node:fs";
import type { Page } from "@playwright/test";
import { expect, shoot, test } from "./fixtures.ts";
import { ENDLESS, ready, setCode, shootEl, shootView } from "./learner-page.ts";
import { buildWithBase, serveUnder, type StaticHost } from "./static-host.ts";

const BASE = "/course/";
const OUT = "dist-base";
const EXERCISES = new URL("../../src/exercises/", import.meta.url);
const EXERCISE_FOLDERS = readdirSync(EXERCISES).filter((d) =>
  existsSync(new URL(`${d}/tests.ts`, EXERCISES)),
);
const SOLUTION = readFileSync(
  new URL("../../src/exercises/read-packet/solution.ts", import.meta.url),
  "utf8",
);

let isolated: StaticHost;
let plain: StaticHost;

test.describe.configure({ mode: "serial" });
// The 404 page is asked for on purpose: the browser logs its status.
test.use({
  allowConsoleError: /status of 404 \(Not Found\) \(http:\/\/127\.0\.0\.1:\d+\/course\/no-such-page\/\)$/,
});
test.beforeAll(async () => {
  test.setTimeout(600_000);
  // REUSE_DIST_BASE=1 skips the build while working on this file (dist-base/ must be current).
  if (!process.env.REUSE_DIST_BASE) buildWithBase(BASE, OUT);
  isolated = await serveUnder(OUT, BASE, { isolated: true });
  plain = await serveUnder(OUT, BASE, { isolated: false });
});
test.afterAll(async () => {
  await isolated?.close();
  await plain?.close();
});

/** Fails the test on any request of the page's that leaves the base (the host would 404 it). */
function stayUnderBase(page: Page, host: StaticHost): string[] {
  const stray: string[] = [];
  page.on("request", (r) => {
    const url = new URL(r.url());
    if (url.protocol === "data:" || url.protocol === "blob:") return;
    if (url.origin !== host.origin || !url.pathname.startsWith(BASE)) stray.push(r.url());
  });
  return stray;
}

async function check(page: Page) {
  const pg = page.locator("[data-playground]").first();
  await ready(pg);
  await pg.getByRole("button", { name: "Check", exact: true }).click();
  return pg.getByRole("region", { name: "Test results" });
}

test("under /course/: home, a lesson's Run, a share link, search, a Check, progress, /teach/, 404, languages, offline", async ({
  page,
  context,
  browser,
}) => {
  test.setTimeout(480_000); // one walk through the whole site: many ceilings' worth of steps
  const stray = stayUnderBase(page, isolated);
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  expect((await fetch(`${isolated.origin}/`)).status).toBe(404); // the host serves nothing outside

  await page.goto(isolated.url);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("AVIO Workbook");
  await page.evaluate(() => navigator.serviceWorker.ready);
  expect(await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL ?? "")).toMatch(
    /\/course\/sw\.js$/,
  );
  expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.scope)).toBe(
    isolated.url,
  );
  await shootView(page, "base-home");

  // A lesson, reached by its link; Run with the engine, worker and media under the base.
  await page.locator('[data-lesson-list] a[href="/course/lessons/memory-io/"]').click();
  await expect(page).toHaveURL(`${isolated.url}lessons/memory-io/`);
  expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
  const pg = await ready(page.locator("[data-playground]").first());
  await pg.locator('[data-action="run"]').click();
  await expect(pg.locator("[data-status]")).toHaveText(/Done in/);
  await expect(pg.getByRole("region", { name: "Stream info" })).toContainText("44,100 Hz");
  await shootEl(pg, "base-lesson-run");

  // A share link keeps the base and opens the code in a fresh browser.
  await setCode(
    page,
    pg,
    `${SOLUTION.replace("export interface", "// shared under a base\nexport interface")}`,
  );
  await pg.getByRole("button", { name: "Copy link" }).click();
  await expect(pg.locator("[data-status]")).toHaveText(/Link copied/);
  const link = page.url();
  expect(link).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/course\/lessons\/memory-io\/#code\//);
  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await other.goto(link);
  await expect(other.locator("[data-playground] .cm-content").first()).toContainText(
    "// shared under a base",
  );
  await fresh.close();

  // Search: results link to this copy's pages.
  await page.getByRole("button", { name: "Search" }).click();
  await page.getByRole("dialog").getByRole("textbox").fill("AVSEEK_SIZE");
  const first = page.locator(".pagefind-ui__result-link").first();
  await expect(first).toHaveAttribute("href", /^\/course\/(lessons|exercises)\//);
  await shootView(page, "base-search");
  await first.click();
  await expect(page).toHaveURL(/\/course\/(lessons|exercises)\//);

  // An exercise: the starter is unchanged, the solution passes, progress counts it.
  // Every folder of src/exercises with a tests.ts is listed: a teacher's own exercises appear on their copy.
  await page.goto(`${isolated.url}exercises/`);
  await expect(page.locator("[data-exercise-id]")).toHaveCount(EXERCISE_FOLDERS.length);
  await page.locator('[data-exercise-id="read-packet"] a[href="/course/exercises/read-packet/"]').click();
  await expect(page).toHaveURL(/\/course\/exercises\/read-packet\/$/);
  const results = await check(page);
  // The starter as it was is the grader's `unchanged`; the solution's Check runs every test.
  await expect(results).toContainText("Unchanged:");
  await setCode(page, page.locator("[data-playground]").first(), SOLUTION);
  await page.getByRole("button", { name: "Check", exact: true }).click();
  await expect(results).toContainText("All 12 tests pass");
  await expect(page.locator("[data-done-badge]")).toBeVisible();
  await page.getByRole("navigation").getByRole("link", { name: "Progress" }).first().click();
  await expect(page).toHaveURL(`${isolated.url}progress/`);
  await expect(page.locator('[data-count="exercises"]')).toHaveText("1/8");
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Export progress" }).click();
  const exported = JSON.parse(readFileSync(await (await download).path(), "utf8"));
  expect(exported.exercisesDone).toHaveProperty("read-packet");

  // The teachers' guide, the other language (the switcher keeps the base), and the 404 page.
  await page.getByRole("contentinfo").getByRole("link", { name: /teach/i }).click();
  await expect(page).toHaveURL(`${isolated.url}teach/`);
  await page.locator("[data-language-link]").first().click();
  await expect(page).toHaveURL(`${isolated.url}zh-cn/teach/`);
  const missing = await page.goto(`${isolated.url}no-such-page/`);
  expect(missing?.status()).toBe(404);
  await expect(page.getByRole("main").getByRole("link").first()).toHaveAttribute("href", /^\/course\//);

  // `/` of the copy opens in the reader's language.
  const zh = await browser.newContext({ locale: "zh-CN" });
  const zhPage = await zh.newPage();
  await zhPage.goto(isolated.url);
  await expect(zhPage).toHaveURL(`${isolated.url}zh-cn/`);
  await zh.close();

  // Offline: the visited lesson reloads from the service worker's cache, isolated, search included.
  await page.goto(`${isolated.url}lessons/memory-io/`);
  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
  await page.getByRole("button", { name: "Search" }).click();
  await page.getByRole("dialog").getByRole("textbox").fill("AVSEEK_SIZE");
  await expect(page.locator(".pagefind-ui__result-link").first()).toHaveAttribute("href", /^\/course\//);
  await context.setOffline(false);

  expect(stray, "requests outside /course/").toEqual([]);
  expect(
    isolated.outside.filter((p) => p !== "/"),
    "paths asked for outside /course/",
  ).toEqual([]);
});

test("without COOP/COEP (GitHub Pages): a Run, a stuck callback named, and a Check all work", async ({
  page,
}) => {
  test.setTimeout(300_000);
  const stray = stayUnderBase(page, plain);
  await page.goto(`${plain.url}lessons/memory-io/`);
  expect(await page.evaluate(() => crossOriginIsolated)).toBe(false);
  const pg = await ready(page.locator("[data-playground]").first());
  await pg.locator('[data-action="run"]').click();
  await expect(pg.locator("[data-status]")).toHaveText(/Done in/);
  await expect(pg.getByRole("img", { name: /^Waveform/ })).toBeVisible();
  await shoot(page, "base-no-isolation-run");
  // The live channel falls back to messages: the stuck callback is still named.
  await setCode(page, pg, ENDLESS);
  await pg.locator('[data-action="run"]').click();
  await expect(pg.locator("[data-status]")).toHaveText(/did not return \(endless loop\?\)/);
  await expect(pg.locator('[data-panel="diagnostics"]')).toContainText(/read_packet call \d+ never returned/);

  await page.goto(`${plain.url}exercises/read-packet/`);
  const results = await check(page);
  // The starter as it was is the grader's `unchanged`; the solution's Check runs every test.
  await expect(results).toContainText("Unchanged:");
  await setCode(page, page.locator("[data-playground]").first(), SOLUTION);
  await page.getByRole("button", { name: "Check", exact: true }).click();
  await expect(results).toContainText("All 12 tests pass");
  await shoot(page, "base-no-isolation-check");
  expect(stray).toEqual([]);
});
