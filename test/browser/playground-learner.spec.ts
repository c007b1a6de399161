import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { expect, test } from "./fixtures.ts";
import { focusEditor } from "./editor.ts";
import { READ_PACKET } from "../learner-code.ts";
import {
  BUSY,
  ENDLESS,
  SYNTAX_ERROR,
  open,
  run,
  runButton,
  setCode,
  shootEl,
  shootView,
  SHOTS,
  status,
} from "./learner-page.ts";

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
