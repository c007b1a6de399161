// The two wasm decoders in headless Chromium, warm: one page holds the
// playground's runner (worker + engine) and ffmpeg.wasm (worker + core), and
// each call decodes one file from bytes in memory to PCM in memory on the page.
import type { Browser, Page } from "playwright-core";
import type { MediaFile } from "./media.ts";
import type { DecodeResult } from "./page/shared.ts";
import { launchChromium } from "./browser.ts";

type BenchApi = {
  ready(): Promise<{ crossOriginIsolated: boolean }>;
  engine(url: string, seconds: number): Promise<DecodeResult>;
  ffmpegWasm(url: string, channels: number): Promise<DecodeResult>;
  ffmpegWasmNull(url: string): Promise<DecodeResult>;
  reloadFfmpegWasm(): Promise<void>;
};
declare const bench: BenchApi;

export class WarmPage {
  private readonly browser: Browser;
  private readonly page: Page;
  private constructor(browser: Browser, page: Page) {
    this.browser = browser;
    this.page = page;
  }

  static async open(origin: string): Promise<WarmPage> {
    const browser = await launchChromium();
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(`${origin}/__bench/pages/bench-page.html`);
    await page.waitForFunction(() => typeof (globalThis as { bench?: unknown }).bench === "object", null, {
      timeout: 30_000,
    });
    const { crossOriginIsolated } = await page.evaluate(() => bench.ready());
    if (!crossOriginIsolated)
      throw new Error("bench page is not cross-origin isolated (COOP/COEP headers missing?)");
    if (errors.length) throw new Error(`bench page errors: ${errors.join("; ")}`);
    return new WarmPage(browser, page);
  }

  async engine(m: MediaFile): Promise<DecodeResult> {
    return check(
      "engine (Chromium)",
      m,
      await this.page.evaluate(([u, s]) => bench.engine(u, s), [m.urlPath, m.seconds] as const),
    );
  }

  async ffmpegWasm(m: MediaFile): Promise<DecodeResult> {
    return check(
      "ffmpeg.wasm",
      m,
      await this.page.evaluate(([u, c]) => bench.ffmpegWasm(u, c), [m.urlPath, m.channels] as const),
    );
  }

  /** A new ffmpeg.wasm instance (terminate + load), warmed up on `warm` before it is timed. */
  async reloadFfmpegWasm(warm: MediaFile): Promise<void> {
    await this.page.evaluate(() => bench.reloadFfmpegWasm());
    await this.ffmpegWasm(warm);
  }

  /** ffmpeg.wasm's exec with no output: how long its decoding takes without the file system. */
  async ffmpegWasmNull(m: MediaFile): Promise<DecodeResult> {
    const r = await this.page.evaluate((u) => bench.ffmpegWasmNull(u), m.urlPath);
    if (r.error) throw new Error(`ffmpeg.wasm (-f null) failed on ${m.path}: ${r.error}`);
    return r;
  }

  close(): Promise<void> {
    return this.browser.close();
  }
}

/** A decoder that fails, or decodes a different amount of audio than native FFmpeg, must not produce a time. */
export function check(who: string, m: MediaFile, r: DecodeResult): DecodeResult {
  if (r.error) throw new Error(`${who} failed on ${m.path}: ${r.error}`);
  // Within 0.5%: mp3 end padding and AAC priming differ slightly between demux paths.
  if (Math.abs(r.samples - m.samples) > Math.max(4096, m.samples * 0.005)) {
    throw new Error(
      `${who} decoded ${r.samples} samples per channel from ${m.path}; native FFmpeg decodes ${m.samples}`,
    );
  }
  return r;
}
