// The playground as a learner meets it (issue 15): results that match the latest action, share
// links that land, phones, Chinese pages, named error values, Stop, files that are not audio.
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Locator, Page } from "@playwright/test";
import { expect, test } from "./fixtures.ts";
import { focusEditor } from "./editor.ts";
import { mediaPath } from "../media.ts";
import { READ_PACKET } from "./learner-code.ts";

const ENDLESS = READ_PACKET.replace("const n =", "while (true) {}\n  const n =");
const SYNTAX_ERROR = READ_PACKET.replace("return n;", "return n +;");

async function ready(pg: Locator): Promise<Locator> {
  await pg.scrollIntoViewIfNeeded();
  await expect(pg).toHaveAttribute("data-ready", "true");
  return pg;
}

async function open(page: Page, path: string, index = 0): Promise<Locator> {
  await page.goto(path);
  return ready(page.locator("[data-playground]").nth(index));
}

/** Replaces the editor's text the way a paste would (no auto-indent or bracket closing). */
async function setCode(page: Page, pg: Locator, code: string): Promise<void> {
  await focusEditor(pg);
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.press("Delete");
  await page.keyboard.insertText(code);
}

/** A screenshot of one element (a playground, a panel), beside the fixtures' full-page ones. */
async function shootEl(el: Locator, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  await el.screenshot({ path: join(SHOTS, `${name}.png`) });
}
/** What the window shows (e.g. where a link landed). */
async function shootView(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, `${name}.png`) });
}
const SHOTS = fileURLToPath(new URL("../../test-results/screenshots/", import.meta.url));

const status = (pg: Locator) => pg.locator("p.pg-status");
const BUSY = /Running|Downloading|Starting|运行中|正在|^$/;

// By data-action, not by name: each test here fails for its own item (the name has a test of its own).
const runButton = (pg: Locator) => pg.locator('[data-action="run"]');

async function run(pg: Locator): Promise<void> {
  await runButton(pg).click();
  await expect(status(pg)).not.toHaveText(BUSY);
}

test.describe("results show the latest action only", () => {
  test('a Run with a syntax error clears the last Run: no "No rule broken", no old trace', async ({
    page,
  }) => {
    const pg = await open(page, "/lessons/memory-io/");
    await setCode(page, pg, READ_PACKET);
    await run(pg);
    await expect(pg.getByRole("region", { name: "Diagnostics" })).toContainText("No rule broken");
    await setCode(page, pg, SYNTAX_ERROR);
    await run(pg);
    await expect(status(pg)).toHaveText(/does not compile/);
    await expect(pg.getByRole("region", { name: "Diagnostics" })).toContainText("Your code did not run");
    await expect(pg.locator("[data-results]")).not.toContainText("No rule broken");
    await expect(pg.getByRole("region", { name: "Callback trace" })).toHaveCount(0);
    await expect(pg.getByRole("region", { name: "Stream info" })).toHaveCount(0);
    await shootEl(pg, "learner-compile-error-clears");
  });

  test("during a run the previous results are gone; choosing a file clears them too", async ({ page }) => {
    const pg = await open(page, "/lessons/memory-io/");
    await setCode(page, pg, READ_PACKET);
    await run(pg);
    await expect(status(pg)).toHaveText(/Done in/);
    await setCode(page, pg, ENDLESS);
    await runButton(pg).click();
    await expect(status(pg)).toHaveText("Running…");
    await expect(pg.locator("[data-results]")).toBeHidden();
    await expect(pg.getByText("No rule broken")).toHaveCount(0);
    await shootEl(pg, "learner-running-clean");
    await pg.getByRole("button", { name: "Stop", exact: true }).click();
    await expect(status(pg)).toHaveText(/You stopped the run/);
    await setCode(page, pg, READ_PACKET);
    await run(pg);
    await expect(status(pg)).toHaveText(/Done in/);
    await pg
      .locator('input[type="file"]')
      .setInputFiles({ name: "tone.wav", mimeType: "audio/wav", buffer: Buffer.from("RIFF") });
    await expect(status(pg)).toHaveText("");
    await expect(pg.locator("[data-results]")).toBeHidden();
  });

  test("a Check with a syntax error on an exercise shows only the Check", async ({ page }) => {
    const pg = await open(page, "/exercises/seek/");
    await run(pg);
    await expect(pg.getByRole("region", { name: "Callback trace" })).toBeVisible();
    const code = await (await focusEditor(pg)).innerText();
    await setCode(page, pg, `${code}\nconst broken = ;\n`);
    await pg.getByRole("button", { name: "Check", exact: true }).click();
    await expect(status(pg)).toHaveText(/tests could not run/);
    await expect(pg.locator("[data-results]")).not.toContainText("No rule broken");
    await expect(pg.getByRole("region", { name: "Callback trace" })).toHaveCount(0);
    await expect(pg.getByRole("region", { name: "Test results" })).toBeVisible();
    await shootEl(pg, "learner-check-compile-error");
  });
});

test("a shared link lands on its playground: scrolled to, focused, with the banner", async ({
  page,
  browser,
  baseURL,
  context,
}) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  const pg = await open(page, "/lessons/read-packet/", 3);
  const id = JSON.parse((await pg.getAttribute("data-playground"))!).id;
  await setCode(page, pg, `${READ_PACKET}// from a classmate\n`);
  await pg.getByRole("button", { name: "Copy link" }).click();
  await expect(status(pg)).toHaveText(/Link copied/);
  const link = page.url();
  expect(link).toContain(`#code/${id}/`);

  const fresh = await browser.newContext({ baseURL });
  const other = await fresh.newPage();
  await other.goto(link);
  const target = other.locator(`#pg-${id}`);
  await expect(target).toHaveAttribute("data-ready", "true");
  await expect(target.locator("[data-link-banner]")).toBeVisible();
  await expect(target.locator("[data-link-banner]")).toContainText("came from the link");
  // Its top just under the sticky header, not merely a corner of it on screen.
  await expect(target).toBeInViewport({ ratio: 0.5 });
  const top = () => target.evaluate((el) => el.getBoundingClientRect().top);
  await expect.poll(top).toBeLessThan(150);
  expect(await top()).toBeGreaterThanOrEqual(0);
  await expect(target.locator(".cm-content")).toBeFocused();
  await expect(target.locator(".cm-content")).toContainText("// from a classmate");
  await shootView(other, "learner-share-link-lands");
  await fresh.close();
});

test.describe("Chinese pages", () => {
  test("starters have Chinese comments; the editor hint is Chinese", async ({ page }) => {
    const pg = await open(page, "/zh-cn/exercises/fix-the-bug/");
    const code = await focusEditor(pg);
    await expect(code).toContainText("export function read_packet");
    await expect(code).not.toContainText("two bugs");
    await expect(code).toContainText(/[\u4e00-\u9fff]/);
    const hint = await code.getAttribute("aria-describedby");
    await expect(page.locator(`#${hint}`)).toHaveText(/代码编辑器/);
    await shootEl(pg, "learner-zh-cn-starter");

    const lesson = await open(page, "/zh-cn/lessons/read-packet/");
    await focusEditor(lesson);
    await expect(lesson.locator(".cm-content")).not.toContainText(/TODO|copy up to/);
    await expect(lesson.locator(".cm-content")).toContainText(/[\u4e00-\u9fff]/);
  });

  test("Chinese punctuation in the timeout report and the rule label", async ({ page }) => {
    const pg = await open(page, "/zh-cn/lessons/memory-io/");
    await setCode(page, pg, READ_PACKET.replace("return AVERROR_EOF;", "return 0;"));
    await run(pg);
    await expect(pg.locator(".pg-diag__rule").first()).toHaveText(/^规则：/);
    await setCode(page, pg, ENDLESS);
    await runButton(pg).click();
    await expect(status(pg)).toHaveText(/死循环/);
    await expect(status(pg)).not.toHaveText(/[）？]\s*\./);
    await expect(status(pg)).toHaveText(/（死循环？）。运行超过/);
    await expect(pg.locator(".pg-timeout")).toContainText("没有返回。运行超过"); // no Latin space after 。
    await shootEl(pg, "learner-zh-cn-timeout");
  });
});

test("error values are named, and the page explains why EINVAL is 28 here and 22 on Linux", async ({
  page,
}) => {
  const pg = await open(page, "/exercises/seek/");
  const code = await (await focusEditor(pg)).innerText();
  // A seek that fails every call with AVERROR(EINVAL): the first test expects a position.
  await setCode(
    page,
    pg,
    code
      .replace(
        /export function seek\(([^)]*)\)[^{]*\{/,
        "export function seek($1): number {\n  return AVERROR(EINVAL);",
      )
      .replace("import {", "import { AVERROR, EINVAL,"),
  );
  await pg.getByRole("button", { name: "Check", exact: true }).click();
  const results = pg.getByRole("region", { name: "Test results" });
  await expect(results).toContainText(/returned AVERROR\(EINVAL\); expected 100/);
  await expect(results).not.toContainText("-28;");
  await expect(results.locator(".pg-errno-note")).toHaveCount(1);
  await expect(results.locator(".pg-errno-note")).toContainText(/-28.*-22/);
  await shootEl(results, "learner-named-errors");
  // The trace names it too, with the same explanation.
  const lesson = await open(page, "/lessons/read-packet/", 3);
  await run(lesson);
  await expect(lesson.getByRole("region", { name: "Callback trace" })).toContainText("AVERROR(EIO)");
  await expect(lesson.locator(".pg-errno-note")).toContainText("EINVAL");
  // FFmpeg's failure in the diagnostics names its code too.
  const tooMany = await open(page, "/lessons/read-packet/", 2);
  await run(tooMany);
  const diag = tooMany.getByRole("region", { name: "Diagnostics" });
  await expect(diag).toContainText("failed: Generic error in an external library (AVERROR_EXTERNAL).");
  await expect(diag).not.toContainText("(-542398533)");
});

test.describe("phones (375 px, touch)", () => {
  test.use({ viewport: { width: 375, height: 740 }, hasTouch: true, isMobile: true });

  test("code wraps, no Ctrl+Enter on the Run button, and the trace keeps Returned and Position in view", async ({
    page,
  }) => {
    const pg = await open(page, "/exercises/fix-the-bug/");
    await focusEditor(pg);
    await expect(pg.locator(".cm-content")).toHaveClass(/cm-lineWrapping/);
    const content = await pg.locator(".cm-content").boundingBox();
    const scroller = await pg.locator(".cm-scroller").boundingBox();
    expect(content!.width).toBeLessThanOrEqual(scroller!.width + 1);
    expect(
      await page.evaluate(() => matchMedia("(hover: none) and (pointer: coarse)").matches),
      "a touch screen",
    ).toBe(true);
    await expect(pg.locator(".pg-run kbd")).toBeHidden();
    await pg.locator(".pg-editor").scrollIntoViewIfNeeded();
    mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: join(SHOTS, "learner-phone-editor.png") });
    await runButton(pg).tap();
    await expect(status(pg)).not.toHaveText(BUSY);
    const trace = pg.getByRole("region", { name: "Callback trace" });
    await trace.locator(".pg-scroll").scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SHOTS, "learner-phone-trace.png") });
    const box = (await trace.locator(".pg-scroll").boundingBox())!;
    for (const name of ["Returned", "Position"]) {
      const th = (await trace.getByRole("columnheader", { name }).boundingBox())!;
      expect(th.x + th.width, `${name} column inside the visible table`).toBeLessThanOrEqual(
        box.x + box.width + 1,
      );
    }
  });

  test("on /zh-cn/ too: wrapped Chinese comments, and 返回值 and 位置 in view", async ({ page }) => {
    const pg = await open(page, "/zh-cn/lessons/read-packet/", 2);
    await focusEditor(pg);
    await expect(pg.locator(".cm-content")).toHaveClass(/cm-lineWrapping/);
    await expect(pg.locator(".cm-content")).toContainText("应改为");
    await runButton(pg).tap();
    await expect(status(pg)).not.toHaveText(BUSY);
    const trace = pg.getByRole("region", { name: "回调函数调用记录" });
    await expect(trace).toContainText("安全网");
    await expect(pg.getByRole("region", { name: "诊断" })).toContainText("（AVERROR_EXTERNAL）。");
    const box = (await trace.locator(".pg-scroll").boundingBox())!;
    for (const name of ["返回值", "位置"]) {
      const th = (await trace.getByRole("columnheader", { name }).boundingBox())!;
      expect(th.x + th.width, `${name} column inside the visible table`).toBeLessThanOrEqual(
        box.x + box.width + 1,
      );
    }
    await pg.locator(".pg-editor").scrollIntoViewIfNeeded();
    await shootView(page, "learner-phone-zh-cn-editor");
    await trace.locator(".pg-scroll").scrollIntoViewIfNeeded();
    await shootView(page, "learner-phone-zh-cn-trace");
  });
});

test.describe("endless loops", () => {
  test('the timeout report is consistent: the stuck call, not "No callback was called"', async ({ page }) => {
    const pg = await open(page, "/lessons/memory-io/");
    await setCode(page, pg, ENDLESS);
    await runButton(pg).click();
    await expect(status(pg)).toHaveText(/did not return \(endless loop\?\)/);
    await expect(pg.getByRole("region", { name: "Diagnostics" })).toContainText(
      "read_packet call 1 never returned",
    );
    await expect(pg.locator("[data-results]")).not.toContainText("No callback was called");
    await expect(pg.locator('[data-panel="trace"]')).toContainText(
      "No call returned before read_packet call 1",
    );
    await shootEl(pg, "learner-timeout-consistent");
  });

  test("Stop ends a run at once and the next Run works", async ({ page }) => {
    const pg = await open(page, "/lessons/memory-io/");
    await setCode(page, pg, ENDLESS);
    const stop = pg.getByRole("button", { name: "Stop", exact: true });
    await expect(stop).toBeHidden();
    await runButton(pg).click();
    await expect(stop).toBeVisible();
    await expect(status(pg)).toHaveText("Running…");
    await stop.click();
    await expect(status(pg)).toHaveText(/You stopped the run/);
    await expect(pg.locator(".pg-timeout")).toContainText(/You stopped the run/);
    await expect(stop).toBeHidden();
    await shootEl(pg, "learner-stopped");
    await setCode(page, pg, READ_PACKET);
    await run(pg);
    await expect(status(pg)).toHaveText(/Done in/);
  });
});

test("Stop also ends a Check that loops", async ({ page }) => {
  const pg = await open(page, "/exercises/read-packet/");
  const code = await (await focusEditor(pg)).innerText();
  await setCode(
    page,
    pg,
    code.replace("return AVERROR_EOF;", "while (buf_size > 0) {}\n  return AVERROR_EOF;"),
  );
  await pg.getByRole("button", { name: "Check", exact: true }).click();
  await expect(status(pg)).toHaveText("Running the tests…");
  await pg.getByRole("button", { name: "Stop", exact: true }).click();
  await expect(status(pg)).toHaveText(/You stopped the tests/);
  await expect(pg.getByRole("button", { name: "Stop", exact: true })).toBeHidden();
  await shootEl(pg, "learner-check-stopped");
});

test.describe("files that are not audio", () => {
  test("a PDF is not blamed on the callbacks", async ({ page }) => {
    const pg = await open(page, "/lessons/memory-io/");
    await setCode(page, pg, READ_PACKET);
    await pg.locator('input[type="file"]').setInputFiles({
      name: "notes.pdf",
      mimeType: "application/pdf",
      buffer: Buffer.from(`%PDF-1.4\n${"not audio at all ".repeat(400)}`),
    });
    await run(pg);
    await expect(status(pg)).toHaveText(
      /“notes\.pdf” is not audio that this FFmpeg can read; your callbacks did nothing wrong/,
    );
    const diag = pg.getByRole("region", { name: "Diagnostics" });
    await expect(diag.locator(".pg-notaudio")).toContainText("Your callbacks did nothing wrong");
    await expect(diag.locator(".pg-notaudio")).toContainText("Invalid data found when processing input");
    await expect(diag).not.toContainText("ffmpeg_error");
    await expect(diag.locator(".pg-diag--error")).toHaveCount(0);
    await shootEl(pg, "learner-not-audio");
  });

  test("a file whose codec or container this build leaves out names what is missing, in both languages", async ({
    page,
  }) => {
    const fixture = mediaPath;
    const pg = await open(page, "/lessons/memory-io/");
    await setCode(page, pg, READ_PACKET);
    await pg.locator('input[type="file"]').setInputFiles(fixture("unsupported-adpcm-ima-22k-mono.wav"));
    await run(pg);
    const diag = pg.getByRole("region", { name: "Diagnostics" });
    await expect(diag.locator(".pg-missing")).toContainText("Not built into this workbook's FFmpeg");
    await expect(diag.locator(".pg-missing")).toContainText("adpcm_ima_wav");
    await shootEl(pg, "learner-missing-decoder");

    const zh = await open(page, "/zh-cn/lessons/memory-io/");
    await zh.locator('input[type="file"]').setInputFiles(fixture("unsupported-caf-22k-mono.caf"));
    await run(zh);
    await expect(zh.locator(".pg-notaudio")).toContainText(/caf/i);
    await expect(zh.locator(".pg-notaudio")).toContainText(/[\u4e00-\u9fff]/);
    await shootEl(zh, "learner-missing-demuxer-zh");
  });

  test("an MP4 with video decodes its audio and says the video stream is ignored", async ({ page }) => {
    const dir = mkdtempSync(join(tmpdir(), "avio-video-"));
    const file = join(dir, "clip.mp4");
    execFileSync("ffmpeg", [
      "-v",
      "error",
      "-f",
      "lavfi",
      "-i",
      "testsrc=size=160x120:rate=10",
      "-f",
      "lavfi",
      "-i",
      "sine=frequency=440:sample_rate=44100",
      "-t",
      "2",
      "-c:v",
      "mpeg4",
      "-c:a",
      "aac",
      "-shortest",
      file,
    ]);
    // The starter has a seek callback: this MP4 keeps its index (moov) at the end.
    const pg = await open(page, "/lessons/memory-io/");
    await pg.locator('input[type="file"]').setInputFiles(file);
    await run(pg);
    await expect(status(pg)).toHaveText(/Done in .*video stream is ignored/);
    await expect(pg.getByRole("region", { name: "Stream info" })).toContainText("aac");
    await shootEl(pg, "learner-video-ignored");
  });
});

test("exercises are in search, in both languages", async ({ page }) => {
  for (const [home, query, want] of [
    ["/", "AVSEEK_FORCE", "/exercises/seek/"],
    ["/zh-cn/", "AVSEEK_FORCE", "/zh-cn/exercises/seek/"],
  ] as const) {
    await page.goto(home);
    const urls = await page.evaluate(async (q) => {
      const url = "/pagefind/pagefind.js";
      const pagefind = await import(/* @vite-ignore */ url);
      await pagefind.options({ basePath: "/pagefind/" });
      const search = await pagefind.search(q);
      const data = await Promise.all(
        search.results.map((r: { data: () => Promise<{ url: string }> }) => r.data()),
      );
      return data.map((d: { url: string }) => d.url);
    }, query);
    expect(urls).toContain(want);
  }
  // And through the search dialog, as a learner types it.
  await page.getByRole("button", { name: "搜索" }).click();
  const dialog = page.getByRole("dialog", { name: "搜索练习册" });
  await dialog.getByRole("textbox").fill("AVSEEK_FORCE");
  await expect(dialog.locator('.pagefind-ui__result-link[href="/zh-cn/exercises/seek/"]')).toBeVisible();
  await shootView(page, "learner-search-exercise-zh-cn");
});

test.describe("smaller things", () => {
  test("a passing Check links to the next exercise", async ({ page }) => {
    const pg = await open(page, "/exercises/read-packet/");
    const { readFileSync } = await import("node:fs");
    const solution = readFileSync(
      new URL("../../src/exercises/read-packet/solution.ts", import.meta.url),
      "utf8",
    );
    await setCode(page, pg, solution);
    await pg.getByRole("button", { name: "Check", exact: true }).click();
    await expect(status(pg)).toHaveText(/Exercise complete!/);
    const next = pg.getByRole("link", { name: /^Next exercise: / });
    await expect(next).toHaveAttribute("href", "/exercises/seek/");
    await shootEl(pg, "learner-next-exercise");
  });

  test("the import message uses plural rules", async ({ page }) => {
    await page.goto("/progress/");
    const file = {
      format: "avio-workbook-progress",
      version: 1,
      exported: "2026-01-01T00:00:00.000Z",
      lessonsRead: ["memory-io"],
      exercisesDone: { seek: "2026-01-01T00:00:00.000Z" },
      code: { "/exercises/seek/exercise": "// mine" },
    };
    await page.locator("[data-import]").setInputFiles({
      name: "p.json",
      mimeType: "application/json",
      buffer: Buffer.from(JSON.stringify(file)),
    });
    await expect(page.locator("[data-import-status]")).toHaveText(
      /^Imported 1 lesson, 1 exercise and 1 saved code file\.$/,
    );
    await page.locator("[data-import-status]").scrollIntoViewIfNeeded();
    await shootView(page, "learner-progress-import");
  });

  test("Export and Import line up", async ({ page }) => {
    await page.goto("/progress/");
    const exp = (await page.getByRole("button", { name: "Export progress" }).boundingBox())!;
    const imp = (await page.locator(".import span").boundingBox())!;
    expect(Math.abs(exp.y - imp.y)).toBeLessThanOrEqual(1);
    expect(Math.abs(exp.height - imp.height)).toBeLessThanOrEqual(1);
  });

  test("at 1366 px the code column uses the screen", async ({ page }) => {
    await page.setViewportSize({ width: 1366, height: 768 });
    for (const path of ["/exercises/fix-the-bug/", "/lessons/read-packet/"]) {
      const pg = await open(page, path);
      const width = (await pg.locator(".pg-editor").boundingBox())!.width;
      expect(width, path).toBeGreaterThanOrEqual(860);
      const lines = await pg
        .locator(".cm-line")
        .evaluateAll(
          (els) => els.filter((l) => l.scrollWidth > l.parentElement!.parentElement!.clientWidth).length,
        );
      expect(lines, `${path}: lines cut`).toBe(0);
    }
    await shootView(page, "learner-wide-1366");
  });

  test("a safety-net badge does not push Position out of view", async ({ page }) => {
    // The prose column's width (no sidebar, no wide layout), where the badge made the table too wide.
    await page.setViewportSize({ width: 800, height: 900 });
    const pg = await open(page, "/lessons/read-packet/", 2);
    await run(pg);
    const trace = pg.getByRole("region", { name: "Callback trace" });
    await expect(trace).toContainText("safety net");
    const box = (await trace.locator(".pg-scroll").boundingBox())!;
    const th = (await trace.getByRole("columnheader", { name: "Position" }).boundingBox())!;
    expect(th.x + th.width).toBeLessThanOrEqual(box.x + box.width + 1);
    await shootEl(trace, "learner-safety-net-badge");
  });
});

test('the Run button is named "Run", its shortcut in aria-keyshortcuts', async ({ page }) => {
  const pg = await open(page, "/lessons/memory-io/");
  const button = pg.getByRole("button", { name: "Run", exact: true });
  await expect(button).toHaveCount(1);
  await expect(button).toHaveAccessibleName("Run");
  await expect(button).toHaveAttribute("aria-keyshortcuts", /Control\+Enter/);
  const zh = await open(page, "/zh-cn/lessons/memory-io/");
  await expect(zh.locator('[data-action="run"]')).toHaveAccessibleName("运行");
});

test("a click on Run right after scrolling into view, before the playground mounted, still runs", async ({
  page,
}) => {
  await page.goto("/lessons/memory-io/");
  const pg = page.locator("[data-playground]").first();
  const readyAtClick = await pg.evaluate((el) => {
    el.scrollIntoView();
    el.querySelector<HTMLButtonElement>('[data-action="run"]')!.click();
    return el.getAttribute("data-ready");
  });
  expect(readyAtClick).toBeNull();
  await expect(status(pg)).toHaveText(/Done in/);
  await shootEl(pg, "learner-early-click");
});
