// Debian's Firefox ESR driven by puppeteer-core over WebDriver BiDi. puppeteer-core never
// downloads a browser: it starts the one at FIREFOX (default /usr/bin/firefox-esr).
import { execFileSync } from "node:child_process";
import puppeteer, { type Page } from "puppeteer-core";
import type { Driver, PageFn } from "./driver.ts";

export const FIREFOX = process.env.FIREFOX ?? "/usr/bin/firefox-esr";

export async function launchFirefox(baseUrl: string): Promise<Driver> {
  const browser = await puppeteer.launch({
    browser: "firefox",
    executablePath: FIREFOX,
    headless: true,
    defaultViewport: { width: 1280, height: 900 },
    extraPrefsFirefox: {
      // Nothing leaves the machine: no updates, telemetry or remote settings.
      "app.update.enabled": false,
      "datareporting.policy.dataSubmissionEnabled": false,
      "toolkit.telemetry.enabled": false,
      "services.settings.server": "http://127.0.0.1:1/",
    },
  });
  const page: Page = await browser.newPage();
  let errors: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(`console.error: ${m.text()}`);
  });
  page.on("pageerror", (e) => errors.push(`uncaught: ${e instanceof Error ? e.message : String(e)}`));
  // "Mozilla Firefox 153.7.0esr" names the ESR; the protocol's version does not.
  let version = (await browser.version()).replace(/^firefox\//i, "Firefox ");
  try {
    version = execFileSync(FIREFOX, ["--version"], { encoding: "utf8", timeout: 20_000 })
      .trim()
      .replace(/^Mozilla /, "");
  } catch {
    /* keep the protocol's */
  }
  return {
    engine: "firefox",
    version,
    async goto(path) {
      await page.goto(new URL(path, baseUrl).href, { waitUntil: "load" });
    },
    eval<A extends unknown[], R>(fn: PageFn<A, R>, ...args: A): Promise<R> {
      return page.evaluate(fn as (...a: unknown[]) => R, ...args) as Promise<R>;
    },
    async click(selector) {
      await page.locator(selector).setTimeout(60_000).click();
    },
    async selectAll() {
      await page.keyboard.down("Control");
      await page.keyboard.press("KeyA");
      await page.keyboard.up("Control");
    },
    async paste(text) {
      // Allowed right after the native click that focused the editor (a user activation).
      await page.evaluate((t) => navigator.clipboard.writeText(t), text);
      await page.keyboard.down("Control");
      await page.keyboard.press("KeyV");
      await page.keyboard.up("Control");
    },
    async type(selector, text) {
      await page.type(selector, text);
    },
    async select(selector, value) {
      await page.select(selector, value);
    },
    async screenshot(path, selector) {
      if (selector) await (await page.waitForSelector(selector))!.screenshot({ path });
      else await page.screenshot({ path });
    },
    async takeErrors() {
      const out = errors;
      errors = [];
      return out;
    },
    async close() {
      await browser.close();
    },
  };
}
