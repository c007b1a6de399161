// Cold start: a fresh browser process (new empty profile) per repetition opens
// a page that loads one decoder and decodes the 10 s clip; the page's clock
// (0 = navigation start) gives the time to the PCM on the page.
import { launchChromium } from "./browser.ts";
import type { MediaFile } from "./media.ts";
import { check } from "./chromium.ts";
import type { DecodeResult } from "./page/shared.ts";

export type ColdKind = "engine" | "ffmpegWasm";
export interface ColdRun {
  /** Navigation start → PCM of the clip on the page. */
  doneMs: number;
  /** Navigation start → decoder ready (downloaded, compiled, worker started). */
  readyMs: number;
  /** The page's script start → decoder ready: loading the decoder alone. */
  loadMs: number;
  /** Navigation → the page's script starts (the same fixed cost for both pages). */
  scriptMs: number;
  /** Decoder ready → PCM on the page. */
  firstRunMs: number;
  phases: Record<string, number>;
}

declare const cold: (DecodeResult & { readyMs: number; doneMs: number }) | undefined;

export async function coldStart(origin: string, kind: ColdKind, clip: MediaFile): Promise<ColdRun> {
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    const failed = new Promise<never>((_, reject) =>
      page.on("pageerror", (e) => reject(new Error(`cold start of ${kind}: ${e.message}`))),
    );
    failed.catch(() => {});
    const q = new URLSearchParams({
      clip: clip.urlPath,
      seconds: String(clip.seconds),
      channels: String(clip.channels),
    });
    await page.goto(
      `${origin}/__bench/pages/${kind === "engine" ? "cold-engine" : "cold-ffmpeg-wasm"}.html?${q}`,
    );
    const handle = await Promise.race([
      page.waitForFunction(() => typeof cold === "object" && cold, null, { timeout: 60_000, polling: 20 }),
      failed,
    ]);
    const r = (await handle.jsonValue()) as DecodeResult & ColdRun;
    check(`${kind} (cold)`, clip, r);
    return {
      doneMs: r.doneMs,
      readyMs: r.readyMs,
      loadMs: r.readyMs - r.phases.script,
      scriptMs: r.phases.script,
      firstRunMs: r.doneMs - r.readyMs,
      phases: r.phases,
    };
  } finally {
    await browser.close();
  }
}
