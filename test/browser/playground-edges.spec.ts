// The playground at its edges (issue 15): endless loops and Stop, files that are not audio,
// exercises in search, the Run button's name, and a click before the playground mounted.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test } from "./fixtures.ts";
import { focusEditor } from "./editor.ts";
import { mediaPath } from "../media.ts";
import { READ_PACKET } from "../learner-code.ts";
import { ENDLESS, open, run, runButton, setCode, shootEl, shootView, status } from "./learner-page.ts";

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

  test("a seek that leaves AVSEEK_SIZE out gets a warning that FFmpeg fell back to SEEK_END; the run is still Done", async ({
    page,
  }) => {
    const code = readFileSync(
      new URL("../../src/lessons/_code/seek/seek-callback.ts", import.meta.url),
      "utf8",
    ).replace("  if (whence & AVSEEK_SIZE) return opaque.data.length; // size only: do not move\n", "");
    expect(code).not.toContain("whence & AVSEEK_SIZE");
    const pg = await open(page, "/lessons/seek/");
    await setCode(page, pg, code);
    await run(pg);
    await expect(status(pg)).toHaveText(/^Done in/);
    const diag = pg.getByRole("region", { name: "Diagnostics" });
    await expect(diag).toContainText("FFmpeg fell back: avio_size()");
    await expect(diag).toContainText("seek(-1, SEEK_END)");
    await shootEl(pg, "learner-avseek-size-fallback");
  });

  test("an MP3's cover art is called cover art, and a 5.1 WAV says 5.1", async ({ page }) => {
    const pg = await open(page, "/lessons/memory-io/");
    await pg.locator('input[type="file"]').setInputFiles(mediaPath("mp3-cover-22k-mono.mp3"));
    await run(pg);
    await expect(status(pg)).toHaveText(/Done in .*cover art .* is ignored/);
    await expect(status(pg)).not.toContainText("video stream");
    await pg.locator('input[type="file"]').setInputFiles(mediaPath("wav-s16-8k-5.1.wav"));
    await run(pg);
    const info = pg.getByRole("region", { name: "Stream info" });
    await expect(info).toContainText("6 (5.1)");
    await shootEl(pg, "learner-surround-layout");
    const zh = await open(page, "/zh-cn/lessons/memory-io/");
    await zh.locator('input[type="file"]').setInputFiles(mediaPath("mp3-cover-22k-mono.mp3"));
    await run(zh);
    await expect(status(zh)).toContainText("封面图片");
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

test("exercises and the new lessons are in search, in both languages", async ({ page }) => {
  for (const [home, query, want] of [
    ["/", "AVSEEK_FORCE", "/exercises/seek/"],
    ["/zh-cn/", "AVSEEK_FORCE", "/zh-cn/exercises/seek/"],
    // An exercise's id (the grader's name for it) finds it, though its title says "Report the error".
    ["/", "propagate", "/exercises/propagate-errors/"],
    ["/zh-cn/", "propagate", "/zh-cn/exercises/propagate-errors/"],
    // The third pass's new lessons are in the index too.
    ["/", "av_seek_frame", "/lessons/app-seek/"],
    ["/zh-cn/", "empty_moov", "/zh-cn/lessons/mp4-output/"],
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
