// Page budget on the built site: the JS and wasm a lesson page downloads before
// and after the learner's first Run, and the time from Run to the waveform of a
// 10 s clip (first Run: engine download + compile + worker start included).
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import type { Response } from "playwright-core";
import { launchChromium } from "./browser.ts";
import type { MediaFile } from "./media.ts";
import { summarize, type Summary } from "./stats.ts";

export const BUDGET_PAGE = "/lessons/memory-io/";

export interface Bytes {
  files: number;
  raw: number;
  gzip: number;
}
export interface PageBudget {
  page: string;
  clip: string;
  /** After load, with the first playground scrolled into view and ready (no Run yet): JS and wasm. */
  beforeRun: Bytes;
  /** The JavaScript alone (no wasm) before the learner touches a playground, every playground scrolled past. */
  scriptBeforeInteraction: Bytes;
  /** After the first Run has drawn its waveform. */
  afterRun: Bytes;
  /** What the first Run added, by file (engine, worker, …). */
  runAdded: { name: string; raw: number; gzip: number }[];
  /** Click on Run → waveform painted: first Run, then the following ones (warm). */
  firstRunMs: number;
  laterRunMs: Summary;
}

/** Builds the site into `outDir` (a temporary directory, never the shared dist/), with its search index. */
export function buildSite(root: string, outDir: string): string {
  const out = outDir;
  console.error(`building the site into ${out} …`);
  // Through this Node (22, from the devDependency), whatever `node` the PATH has.
  const run = (script: string, args: string[]) =>
    execFileSync(process.execPath, [join(root, "node_modules", script), ...args], {
      cwd: root,
      stdio: ["ignore", "ignore", "inherit"],
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: "1" },
    });
  run("astro/bin/astro.mjs", ["build", "--outDir", out]);
  run("pagefind/lib/runner/bin.cjs", ["--site", out]);
  if (!existsSync(join(out, BUDGET_PAGE.slice(1), "index.html")))
    throw new Error(`the built site has no ${BUDGET_PAGE}`);
  return out;
}

declare global {
  interface Window {
    __run?: { at: number; done: number; painted: number; ok: boolean };
  }
}

/** `origin` serves the built site at its root. */
export async function measurePageBudget(
  origin: string,
  clip: MediaFile,
  laterRuns: number,
): Promise<PageBudget> {
  const browser = await launchChromium();
  try {
    // Service worker blocked: it would re-fetch the same files into its cache.
    const context = await browser.newContext({
      serviceWorkers: "block",
      viewport: { width: 1280, height: 800 },
    });
    const seen = new Map<string, { raw: number; gzip: number }>();
    const pending: Promise<void>[] = [];
    context.on("response", (r: Response) => {
      const url = r.url();
      if (!/\.(m?js|wasm)(\?|$)/.test(new URL(url).pathname) && r.request().resourceType() !== "script")
        return;
      pending.push(
        r.body().then(
          (b) => void seen.set(url, { raw: b.length, gzip: gzipSync(b, { level: 9 }).length }),
          () => {},
        ),
      );
    });
    // The runner's worker starts once the page is idle (controller.ts): its scripts are not the
    // page's JavaScript (issue 29), though they are in the totals before and after the first Run.
    const workers = new Set<string>();
    const snapshot = async (only?: RegExp): Promise<Bytes> => {
      await Promise.all(pending);
      const xs = [...seen]
        .filter(([u]) => !only || (only.test(new URL(u).pathname) && !workers.has(u)))
        .map(([, x]) => x);
      return {
        files: xs.length,
        raw: xs.reduce((a, x) => a + x.raw, 0),
        gzip: xs.reduce((a, x) => a + x.gzip, 0),
      };
    };
    const page = await context.newPage();
    page.on("worker", (w) => workers.add(w.url()));
    await page.goto(origin + BUDGET_PAGE, { waitUntil: "networkidle" });
    // Scrolled past every playground without touching one: what a reader downloads.
    for (const each of await page.locator("[data-playground]").all()) await each.scrollIntoViewIfNeeded();
    await page.waitForLoadState("networkidle");
    const scriptBeforeInteraction = await snapshot(/\.m?js$/);
    const pg = page.locator("[data-playground]").first();
    await pg.scrollIntoViewIfNeeded();
    await page.waitForSelector("[data-playground][data-ready=true]");
    await page.waitForLoadState("networkidle");
    const beforeRun = await snapshot();
    const before = new Set(seen.keys());
    await pg.locator("input[type=file]").setInputFiles(clip.path);

    const run = async (): Promise<number> => {
      await pg.evaluate((root) => {
        const status = root.querySelector<HTMLElement>("[data-status]")!;
        const button = root.querySelector<HTMLElement>('[data-action="run"]')!;
        window.__run = undefined;
        button.addEventListener(
          "click",
          () => {
            const state = { at: performance.now(), done: 0, painted: 0, ok: false };
            window.__run = state;
            // The controller sets the status to busy at once, and to the result in the task that draws the waveform.
            const mo = new MutationObserver(() => {
              if (status.dataset.kind === "busy" || !status.textContent) return;
              mo.disconnect();
              state.done = performance.now();
              state.ok = status.dataset.kind === "" && !!root.querySelector('[data-panel="waveform"] canvas');
              requestAnimationFrame(() => requestAnimationFrame(() => (state.painted = performance.now())));
            });
            mo.observe(status, { childList: true, characterData: true, subtree: true, attributes: true });
          },
          { once: true, capture: true },
        );
      });
      await pg.locator('[data-action="run"]').click();
      await page.waitForFunction(() => (window.__run?.painted ?? 0) > 0, null, {
        timeout: 60_000,
        polling: 10,
      });
      const r = await page.evaluate(() => window.__run!);
      if (!r.ok)
        throw new Error(
          `page budget: the Run on ${BUDGET_PAGE} did not end with a waveform: ${await pg.locator("[data-status]").textContent()}`,
        );
      return r.painted - r.at;
    };

    const firstRunMs = await run();
    const afterRun = await snapshot();
    const runAdded = [...seen]
      .filter(([u]) => !before.has(u))
      .map(([u, s]) => ({ name: new URL(u).pathname.split("/").pop()!, ...s }));
    const later: number[] = [];
    for (let i = 0; i < laterRuns; i++) {
      await page.waitForTimeout(200);
      later.push(await run());
    }
    return {
      page: BUDGET_PAGE,
      clip: clip.codec.file,
      beforeRun,
      scriptBeforeInteraction,
      afterRun,
      runAdded,
      firstRunMs,
      laterRunMs: summarize(later),
    };
  } finally {
    await browser.close();
  }
}
