import type { Locator, Page } from "@playwright/test";
import { expect, shoot, test } from "./fixtures.ts";
import { focusEditor } from "./editor.ts";
import { mediaPath } from "../media.ts";
import { READ_PACKET } from "../learner-code.ts";

const LESSON = "/lessons/memory-io/";
const fixture = mediaPath;

async function openPlayground(page: Page): Promise<Locator> {
  await page.goto(LESSON);
  const pg = page.locator("[data-playground]").first();
  await pg.scrollIntoViewIfNeeded();
  await expect(pg).toHaveAttribute("data-ready", "true");
  return pg;
}

/** Replaces the editor's text the way a paste would (no auto-indent or bracket closing). */
async function setCode(page: Page, pg: Locator, code: string): Promise<void> {
  await focusEditor(pg);
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.press("Delete");
  await page.keyboard.insertText(code);
}

async function run(pg: Locator): Promise<void> {
  await pg.getByRole("button", { name: /^▶?\s*Run/ }).click();
  await expect(pg.locator("[data-status]")).not.toHaveText(/Running|Downloading|Starting|^$/);
}

test("a correct read_packet decodes: trace rows, waveform and the right sample rate", async ({ page }) => {
  const pg = await openPlayground(page);
  await setCode(page, pg, READ_PACKET);
  await run(pg);
  await expect(pg.locator("[data-status]")).toHaveText(/Done in/);
  const trace = pg.getByRole("region", { name: "Callback trace" });
  await expect(trace.getByRole("row").filter({ hasText: "read_packet" }).first()).toBeVisible();
  await expect(trace).toContainText("AVERROR_EOF");
  await expect(pg.getByRole("img", { name: /^Waveform/ })).toBeVisible();
  await expect(pg.getByRole("region", { name: "Stream info" })).toContainText("44,100 Hz");
  await shoot(page, "playground-ok");
});

test("Play plays the decoded audio (shared with the worker, not copied), each Run's own", async ({
  page,
}) => {
  // Records what the player hands to Web Audio: the loudest sample and the length of each buffer.
  await page.addInitScript(() => {
    const w = window as unknown as { played: { peak: number; frames: number }[] };
    w.played = [];
    const copy = AudioBuffer.prototype.copyToChannel;
    AudioBuffer.prototype.copyToChannel = function (source: Float32Array, channel: number, start?: number) {
      let peak = 0;
      for (const v of source) peak = Math.max(peak, Math.abs(v));
      if (channel === 0) w.played.push({ peak, frames: source.length });
      return copy.call(this, source as Float32Array<ArrayBuffer>, channel, start);
    };
  });
  const pg = await openPlayground(page);
  // The worker reuses shared memory for the PCM only where the page is cross-origin isolated.
  expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
  await setCode(page, pg, READ_PACKET);
  const player = pg.getByRole("region", { name: "Decoded audio" });
  const played = () =>
    page.evaluate(() => (window as unknown as { played: { peak: number; frames: number }[] }).played);
  for (const media of ["mp3-cbr-44k-stereo.mp3", "wav-s16-22k-mono.wav"]) {
    await pg.locator('select[name="media"]').selectOption(media);
    await run(pg);
    await expect(pg.locator("[data-status]")).toHaveText(/Done in/);
    // "Waveform of the decoded audio, 2.01 s, 44,100 Hz, 2 channels"
    const name = (await player.getByRole("img", { name: /^Waveform/ }).getAttribute("aria-label")) ?? "";
    const [, seconds, hz] = /([\d.]+) s, ([\d,]+) Hz/.exec(name) ?? [];
    await player.getByRole("button", { name: "Play" }).click();
    await expect(player.getByRole("button", { name: "Stop" })).toBeVisible();
    // The clips are a few seconds long: playback ends by itself and the button says Play again.
    await expect(player.getByRole("button", { name: "Play" })).toBeVisible();
    const last = (await played()).at(-1)!;
    expect(last.peak, `${media}: audible PCM`).toBeGreaterThan(0.05);
    const frames = Number(seconds) * Number(hz!.replace(/,/g, ""));
    expect(Math.abs(last.frames - frames), `${media}: ${last.frames} frames, ${name}`).toBeLessThan(
      0.01 * frames,
    );
  }
  expect(await played()).toHaveLength(2);
  await shoot(page, "playground-played");
});

test("returning 0 at the end gets the named diagnostic", async ({ page }) => {
  const pg = await openPlayground(page);
  await setCode(page, pg, READ_PACKET.replace("return AVERROR_EOF;", "return 0;"));
  await pg.locator('select[name="media"]').selectOption("flac-44k-stereo.flac");
  await run(pg);
  const diag = pg.getByRole("region", { name: "Diagnostics" });
  await expect(diag).toContainText(/read_packet returned 0 on call \d+ — FFmpeg requires AVERROR_EOF/);
  await expect(diag.getByRole("link").first()).toHaveAttribute(
    "href",
    /\/lessons\/read-packet\/?#never-return-0/,
  );
  await shoot(page, "playground-returns-zero");
});

test("an endless loop is stopped by the time budget; the page stays responsive and the next run works", async ({
  page,
}) => {
  const pg = await openPlayground(page);
  await setCode(page, pg, READ_PACKET.replace("const n =", "while (true) {}\n  const n ="));
  // An input elsewhere on the page must keep accepting typing while the run spins.
  await page.evaluate(() => {
    const input = document.createElement("input");
    input.id = "responsiveness-probe";
    input.setAttribute("aria-label", "probe");
    document.body.prepend(input);
  });
  await pg.getByRole("button", { name: /^▶?\s*Run/ }).click();
  // Typing while the learner's loop spins: the status says the run is under way.
  await expect(pg.locator("[data-status]")).toHaveText(/Running/);
  await page.locator("#responsiveness-probe").fill("still typing");
  await expect(page.locator("#responsiveness-probe")).toHaveValue("still typing");
  await expect(pg.locator("[data-status]")).toHaveText(/did not return \(endless loop\?\)/);
  await expect(pg.getByRole("region", { name: "Diagnostics" })).toContainText(
    /read_packet call 1 never returned/,
  );
  await shoot(page, "playground-timeout");
  await setCode(page, pg, READ_PACKET);
  await run(pg);
  await expect(pg.locator("[data-status]")).toHaveText(/Done in/);
});

test("a type error shows inline in the editor", async ({ page }) => {
  const pg = await openPlayground(page);
  await setCode(page, pg, READ_PACKET.replace("const n = Math.min", "const n: string = Math.min"));
  await expect(pg.locator(".cm-lintRange-error").first()).toBeVisible();
  await pg.locator(".cm-lintRange-error").first().hover();
  await expect(page.locator(".cm-tooltip-lint")).toContainText(/not assignable to type 'string'/);
  await shoot(page, "playground-type-error");
});

test("edits survive a reload; reset is undoable", async ({ page }) => {
  const pg = await openPlayground(page);
  await setCode(page, pg, `${READ_PACKET}// my edit\n`);
  await page.reload();
  const again = page.locator("[data-playground]").first();
  await again.scrollIntoViewIfNeeded();
  await expect(again).toHaveAttribute("data-ready", "true");
  await expect(again.locator(".cm-content")).toContainText("// my edit");
  await again.getByRole("button", { name: "Reset to starter" }).click();
  await expect(again.locator(".cm-content")).not.toContainText("// my edit");
  await again.getByRole("button", { name: "Undo" }).click();
  await expect(again.locator(".cm-content")).toContainText("// my edit");
});

test("moov at the end without a seek callback: FFmpeg's error, explained", async ({ page }) => {
  const pg = await openPlayground(page);
  await pg.locator('select[name="media"]').selectOption("m4a-moov-end-48k-stereo.m4a");
  await pg.getByLabel("Pass a seek callback").uncheck();
  await run(pg);
  await expect(pg.locator("[data-status]")).toHaveText(/Invalid data found when processing input/);
  await expect(pg.getByRole("region", { name: "Diagnostics" })).toContainText("partial file");
  await shoot(page, "playground-moov-no-seek");
});

test("the learner's own file, chosen with the file picker, decodes locally", async ({ page }) => {
  const pg = await openPlayground(page);
  await pg.locator('input[type="file"]').setInputFiles(fixture("ogg-vorbis-44k-stereo.ogg"));
  await expect(pg.locator('select[name="media"]')).toHaveValue("__own__");
  await run(pg);
  await expect(pg.locator("[data-status]")).toHaveText(/Done in/);
  await expect(pg.getByRole("region", { name: "Stream info" })).toContainText("vorbis");
});

test("learner code has no network or storage: fetch and indexedDB are gone in the worker", async ({
  page,
}) => {
  const pg = await openPlayground(page);
  await setCode(
    page,
    pg,
    READ_PACKET.replace("const n =", 'void (fetch as unknown as (u: string) => void)("/");\n  const n ='),
  );
  await run(pg);
  await expect(pg.getByRole("region", { name: "Diagnostics" })).toContainText(
    // An undeclared name in the compartment, as in JavaScript (it used to read as undefined).
    /read_packet threw on call 1: ReferenceError: fetch is not defined/,
  );
  await setCode(
    page,
    pg,
    READ_PACKET.replace(
      "const n =",
      'if (typeof indexedDB !== "undefined" || typeof document !== "undefined") throw new Error("reachable");\n  const n =',
    ),
  );
  await run(pg);
  await expect(pg.locator("[data-status]")).toHaveText(/Done in/);
});

test("a shared link carries the code, and asks before replacing saved work", async ({ page, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  const pg = await openPlayground(page);
  await setCode(page, pg, `${READ_PACKET}// shared version\n`);
  await pg.getByRole("button", { name: "Copy link" }).click();
  await expect(pg.locator("[data-status]")).toHaveText(/Link copied/);
  const link = page.url();
  expect(link).toMatch(/#code\/decode-from-memory\//);
  // Saved work differs from the link: the page asks instead of overwriting.
  await setCode(page, pg, `${READ_PACKET}// my own later edit\n`);
  await page.goto("/");
  await page.goto(link);
  const again = page.locator("[data-playground]").first();
  await again.scrollIntoViewIfNeeded();
  await expect(again).toHaveAttribute("data-ready", "true");
  await expect(again.locator(".cm-content")).toContainText("// my own later edit");
  await again.getByRole("button", { name: "Open the code from the link" }).click();
  await expect(again.locator(".cm-content")).toContainText("// shared version");
  await again.getByRole("button", { name: "Undo" }).click();
  await expect(again.locator(".cm-content")).toContainText("// my own later edit");
});

test("a browser without WebAssembly SIMD is told so, in its language, instead of a compile error", async ({
  page,
}) => {
  // The engine is built with wasm SIMD: pretend this browser rejects v128 (the feature probe).
  await page.addInitScript(() => {
    const validate = WebAssembly.validate.bind(WebAssembly);
    WebAssembly.validate = (bytes: BufferSource) =>
      (bytes as Uint8Array).length < 64 ? false : validate(bytes);
  });
  for (const [path, text] of [
    [LESSON, /WebAssembly SIMD.*Chrome or Edge 91\+/],
    ["/zh-cn/lessons/memory-io/", /WebAssembly SIMD.*Chrome 或 Edge 91\+/],
  ] as const) {
    await page.goto(path);
    const pg = page.locator("[data-playground]").first();
    await pg.scrollIntoViewIfNeeded();
    await expect(pg).toHaveAttribute("data-ready", "true");
    await pg.locator('[data-action="run"]').click();
    await expect(pg.locator("[data-status]")).toHaveText(text);
  }
  await shoot(page, "playground-no-simd-zh-cn");
});

test("a failed engine download says what failed, and the next Run retries", async ({ browser, baseURL }) => {
  // Without the offline service worker, whose fetches page.route cannot see.
  const context = await browser.newContext({ baseURL, serviceWorkers: "block" });
  const page = await context.newPage();
  let fail = true;
  await page.route(/avio-engine[^/]*\.wasm$/, (route) =>
    fail ? route.fulfill({ status: 503, body: "busy" }) : route.continue(),
  );
  const pg = await openPlayground(page);
  await pg.locator('[data-action="run"]').click();
  await expect(pg.locator("[data-status]")).toHaveText(
    /The engine could not start: downloading the FFmpeg engine failed \(503/,
  );
  fail = false;
  await pg.locator('[data-action="run"]').click();
  await expect(pg.locator("[data-status]")).toHaveText(/Done in/);
  await context.close();
});

test("the engine downloads as a playground comes near, so the first Run does not wait for it", async ({
  browser,
  baseURL,
}) => {
  const context = await browser.newContext({ baseURL, serviceWorkers: "block" });
  const page = await context.newPage();
  const wasm = page.waitForRequest(/avio-engine[^/]*\.wasm$/);
  await page.goto(LESSON);
  const pg = page.locator("[data-playground]").first();
  await pg.scrollIntoViewIfNeeded();
  await expect(pg).toHaveAttribute("data-ready", "true");
  // No click, no focus, no key: scrolling near it was enough.
  await wasm;
  await context.close();
});

test("once the page is idle, the first playground's runner starts and warms up unasked; the first Run then runs", async ({
  page,
}) => {
  await page.goto(LESSON);
  const pg = page.locator("[data-playground]").first();
  await pg.scrollIntoViewIfNeeded();
  // Nothing touched: the worker started, ran the host's warm-up on the selected sample, and said so.
  await expect(pg).toHaveAttribute("data-warm", "true", { timeout: 30_000 });
  await expect(page.locator(".cm-content")).toHaveCount(0);
  // Only one playground per page starts a runner unasked.
  await expect(page.locator("[data-playground][data-warm]")).toHaveCount(1);
  await pg.locator('[data-action="run"]').click();
  await expect(pg.locator("[data-status]")).toHaveText(/Done in/);
  // The warm-up printed nothing and left no results of its own behind the learner's.
  await expect(pg.locator('[data-panel="console"]')).not.toContainText("warm");
});
