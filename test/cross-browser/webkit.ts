// Debian's WebKitGTK: WebKitWebDriver (webkit2gtk-driver) starts MiniBrowser --automation on a
// private Xvfb display, and webdriverio drives it over WebDriver classic (this WebKitWebDriver
// refuses `webSocketUrl`, so no BiDi). Nothing is downloaded.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { createServer } from "node:net";
import { Key, remote } from "webdriverio";
import type { Driver, PageFn } from "./driver.ts";

export const WEBKIT_DRIVER = process.env.WEBKIT_DRIVER ?? "/usr/bin/WebKitWebDriver";
export const MINIBROWSER =
  process.env.MINIBROWSER ??
  [
    "/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser",
    "/usr/lib/aarch64-linux-gnu/webkit2gtk-4.1/MiniBrowser",
  ].find((p) => existsSync(p)) ??
  "MiniBrowser";

/** Starts Xvfb on the first free display (-displayfd) and resolves to ":N". */
function startXvfb(): Promise<{ display: string; proc: ChildProcess }> {
  const proc = spawn("Xvfb", ["-displayfd", "3", "-screen", "0", "1280x1024x24", "-nolisten", "tcp"], {
    stdio: ["ignore", "ignore", "pipe", "pipe"],
  });
  let stderr = "";
  proc.stderr!.on("data", (d) => (stderr += d));
  return new Promise((resolve, reject) => {
    let out = "";
    proc.stdio[3]!.on("data", (d: Buffer) => {
      out += d;
      if (out.includes("\n")) resolve({ display: `:${out.trim()}`, proc });
    });
    proc.on("error", (e) => reject(new Error(`Xvfb could not start (${e.message}): install Debian's xvfb`)));
    proc.on("exit", (code) => reject(new Error(`Xvfb exited with ${code}: ${stderr.trim()}`)));
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
    srv.on("error", reject);
  });
}

async function waitForDriver(port: number, proc: ChildProcess): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (proc.exitCode !== null) throw new Error(`WebKitWebDriver exited with ${proc.exitCode}`);
    try {
      const res = await fetch(`http://127.0.0.1:${port}/status`);
      if (res.ok) return;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error("WebKitWebDriver did not answer /status within 30 s");
}

// Classic WebDriver has no console channel: the page records its own errors once loaded.
function installErrorRecorder() {
  const w = window as unknown as { __smokeErrors?: string[] };
  if (w.__smokeErrors) return;
  const list: string[] = (w.__smokeErrors = []);
  addEventListener("error", (e) => list.push(`uncaught: ${e.message}`));
  addEventListener("unhandledrejection", (e) =>
    list.push(`unhandled rejection: ${e.reason instanceof Error ? e.reason.message : String(e.reason)}`),
  );
  const original = console.error;
  console.error = (...args: unknown[]) => {
    list.push(`console.error: ${args.map(String).join(" ")}`);
    original.apply(console, args);
  };
}
function takeRecordedErrors(): string[] {
  const w = window as unknown as { __smokeErrors?: string[] };
  return w.__smokeErrors?.splice(0) ?? [];
}

export async function launchWebKit(baseUrl: string): Promise<Driver> {
  const xvfb = await startXvfb();
  const port = await freePort();
  const driverProc = spawn(WEBKIT_DRIVER, [`--port=${port}`], {
    stdio: "ignore",
    env: { ...process.env, DISPLAY: xvfb.display },
  });
  const stopAll = () => {
    driverProc.kill();
    xvfb.proc.kill();
  };
  let browser: WebdriverIO.Browser;
  try {
    await new Promise<void>((resolve, reject) => {
      driverProc.once("spawn", resolve);
      driverProc.once("error", (e) =>
        reject(
          new Error(`${WEBKIT_DRIVER} could not start (${e.message}): install Debian's webkit2gtk-driver`),
        ),
      );
    });
    await waitForDriver(port, driverProc);
    browser = await remote({
      hostname: "127.0.0.1",
      port,
      logLevel: "silent",
      waitforTimeout: 60_000,
      connectionRetryCount: 0,
      capabilities: {
        browserName: "MiniBrowser",
        "wdio:enforceWebDriverClassic": true,
        "webkitgtk:browserOptions": { binary: MINIBROWSER, args: ["--automation"] },
      } as WebdriverIO.Capabilities,
    });
    await browser.setWindowSize(1280, 900);
  } catch (e) {
    stopAll();
    throw e;
  }
  const caps = browser.capabilities as { browserVersion?: string };
  let pending: string[] = [];
  const harvest = async () => {
    pending.push(...((await browser.execute(takeRecordedErrors).catch(() => [])) as string[]));
  };
  return {
    engine: "webkit",
    version: `WebKitGTK ${caps.browserVersion ?? "?"}`,
    async goto(path) {
      await harvest();
      await browser.url(new URL(path, baseUrl).href);
      await browser.execute(installErrorRecorder);
    },
    eval<A extends unknown[], R>(fn: PageFn<A, R>, ...args: A): Promise<R> {
      return browser.execute(fn as (...a: unknown[]) => R, ...args) as Promise<R>;
    },
    async click(selector) {
      const el = browser.$(selector);
      await el.scrollIntoView({ block: "center" });
      await el.click();
    },
    async selectAll() {
      await browser.keys([Key.Ctrl, "a"]);
    },
    async paste(text) {
      // WebKit denies clipboard.writeText to automation; a paste event carrying the text reaches
      // the editor's paste handler the same way a Ctrl+V would.
      await browser.execute((t: string) => {
        const data = new DataTransfer();
        data.setData("text/plain", t);
        document.activeElement!.dispatchEvent(
          new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }),
        );
      }, text);
    },
    async type(selector, text) {
      await browser.$(selector).setValue(text);
    },
    async select(selector, value) {
      await browser.$(selector).selectByAttribute("value", value);
    },
    async screenshot(path, selector) {
      // The window with the element at its top: WebKitWebDriver's element screenshots come out
      // black or fail for elements taller than the window.
      if (selector) {
        await browser.$(selector).scrollIntoView({ block: "start" });
        await browser.execute(
          () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))),
        );
      }
      await browser.saveScreenshot(path);
    },
    async takeErrors() {
      await harvest();
      const out = pending;
      pending = [];
      return out;
    },
    async close() {
      try {
        await browser.deleteSession();
      } finally {
        stopAll();
      }
    },
  };
}
