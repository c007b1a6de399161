// Exercises in Chinese: statement, Check results (test names, messages,
// summary), the runner's own messages and the lesson link all in zh-cn.
import type { Locator, Page } from "@playwright/test";
import { tests as readPacketTests } from "../../src/exercises/read-packet/tests.ts";
import { tests as fixTheBugTests } from "../../src/exercises/fix-the-bug/tests.ts";
import { expect, shoot, test } from "./fixtures.ts";
import { focusEditor } from "./editor.ts";
import { touchedStarter } from "../learner-code.ts";

async function openExercise(page: Page, id: string) {
  await page.goto(`/zh-cn/exercises/${id}/`);
  const pg = page.locator("[data-playground]").first();
  await pg.scrollIntoViewIfNeeded();
  await expect(pg).toHaveAttribute("data-ready", "true");
  return pg;
}

async function replaceCode(page: Page, pg: Locator, code: string) {
  await focusEditor(pg);
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.press("Delete");
  await page.keyboard.insertText(code);
}

const zhNames = (tests: { names: { "zh-cn": string } }[]) => tests.map((t) => t.names["zh-cn"]);

test("zh-cn: the list and the statement are Chinese; the lesson link stays in Chinese", async ({ page }) => {
  await page.goto("/zh-cn/exercises/");
  await expect(page.locator('[data-exercise-id="read-packet"]')).toContainText("从内存读取");
  await expect(page.locator('[data-exercise-id="cleanup"]')).toContainText("释放所有资源");

  await page.goto("/zh-cn/exercises/read-packet/");
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("从内存读取");
  await expect(page.locator(".prose")).toContainText("没有剩余字节时，用 AVERROR_EOF 说明这一点。");
  // Chinese punctuation around the exports, and the lesson by its Chinese title.
  await expect(page.locator(".exports")).toHaveText(
    "你的模块需要导出 read_packet。讲解它的课程：read_packet：必须遵守的约定。",
  );
  const lesson = page.locator(".exports a");
  await expect(lesson).toHaveAttribute("href", "/zh-cn/lessons/read-packet/");
  await lesson.click();
  await expect(page).toHaveURL("/zh-cn/lessons/read-packet/");
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");

  await page.goto("/zh-cn/exercises/seek/");
  await expect(page.locator(".exports")).toHaveText(
    /^你的模块需要导出 read_packet、seek。讲解它的课程：.+。$/,
  );
  await expect(page.locator(".exports a")).toHaveAttribute("href", "/zh-cn/lessons/seek/");
  await page.goto("/exercises/seek/");
  await expect(page.locator(".exports")).toHaveText(
    /^Your module exports read_packet, seek\. The lesson that teaches it: .+\.$/,
  );
  await expect(page.locator(".exports a")).toHaveAttribute("href", "/lessons/seek/");
});

test("zh-cn Check: an edited starter fails with Chinese test names and messages; the solution passes", async ({
  page,
}) => {
  await page.addInitScript(() =>
    localStorage.setItem("avio-workbook:hints:v1", JSON.stringify({ "read-packet": 3 })),
  );
  const pg = await openExercise(page, "read-packet");
  await replaceCode(page, pg, touchedStarter("read-packet", "zh-cn"));
  await pg.getByRole("button", { name: "检查", exact: true }).click();
  const results = pg.getByRole("region", { name: "测试结果" });
  await expect(results).toContainText(/12 项测试中通过了 \d+ 项。下面展开了第一个失败。/);
  await expect(pg.getByRole("status")).toContainText(/12 项测试中通过了 \d+ 项/);
  // Every test by its Chinese name, in order; the English names are nowhere.
  await expect(results.locator(".pg-test-name")).toHaveText(zhNames(readPacketTests));
  await expect(results).not.toContainText(readPacketTests[0].name);
  await expect(results.locator(".pg-muted").first()).toHaveText("（隐藏测试）");
  const firstFailure = results.locator("details[open]");
  await expect(firstFailure).toHaveCount(1);
  await expect(firstFailure.locator(".pg-test-name")).toHaveText(
    "复制前 buf_size 个字节，并返回复制的字节数",
  );
  await expect(firstFailure.locator(".pg-test-message")).toHaveText(
    "read_packet({ 100 字节, pos: 0 }, buf, 16) 返回了 AVERROR_EOF，应为 16。read_packet 返回它写入 buf 的字节数。",
  );
  // A decode failure is worded in Chinese too, down to the engine's diagnostic.
  const decode = results.locator("li", { hasText: "解码 MP3 示例文件，结果与 FFmpeg 完全一致" });
  await decode.locator("summary").click();
  await expect(decode.locator(".pg-test-message")).toContainText("解码 mp3-cbr-44k-stereo.mp3");
  await expect(decode.locator(".pg-test-message")).toContainText("avformat_open_input 失败");
  await expect(decode).toContainText("失败前后的调用");
  await shoot(page, "exercise-zh-cn-failed-check");

  await pg.getByRole("button", { name: "查看答案" }).click();
  await pg.getByRole("button", { name: "换成答案" }).click();
  await expect(pg.locator(".cm-content")).toContainText('0 would mean "try again"');
  await pg.getByRole("button", { name: "检查", exact: true }).click();
  await expect(results).toContainText("全部 12 项测试通过，练习完成！");
  await expect(results.locator('li[data-status="pass"] .pg-test-name')).toHaveText(zhNames(readPacketTests));
  await expect(page.locator("[data-done-badge]")).toBeVisible();
  await expect(page.locator("[data-done-badge]")).toHaveText("✓ 已完成");
  await shoot(page, "exercise-zh-cn-passed");
});

test("zh-cn hints: a failed Check shows the first hint in Chinese, linking to the Chinese lesson section", async ({
  page,
}) => {
  const pg = await openExercise(page, "propagate-errors");
  const hints = page.getByRole("region", { name: "提示" });
  await expect(hints.getByText("每次“检查”没有通过，这里就会出现一条提示")).toBeVisible();
  const first = hints.locator("li:visible");
  // The starter as it was: the grader's verdict in Chinese, and no hint spent on it.
  await pg.getByRole("button", { name: "检查", exact: true }).click();
  const results = pg.getByRole("region", { name: "测试结果" });
  await expect(results.locator(".pg-check-summary")).toHaveText(
    "未修改：原样交上来的初始代码（不计空白和注释）：没有可批改的内容，得 0 分。你还没有改动任何代码：先修改代码，再检查。没有用掉提示。",
  );
  await expect(first).toHaveCount(0);
  await results.scrollIntoViewIfNeeded();
  await shoot(page, "exercise-zh-cn-unchanged-check");
  // Still swallowing the error, now edited: 4 of 12 points, and the first hint.
  await replaceCode(page, pg, touchedStarter("propagate-errors", "zh-cn"));
  await pg.getByRole("button", { name: "检查", exact: true }).click();
  await expect(results.locator(".pg-check-summary")).toHaveText(
    "8 项测试中通过了 4 项（得 4 分，满分 12 分）。下面展开了第一个失败。",
  );
  await expect(first).toHaveCount(1);
  await expect(first).toContainText("提示 1/3");
  await expect(first).toContainText("`data` 读完并不总是文件的结束".replaceAll("`", ""));
  await expect(first.locator("code").first()).toHaveText("data");
  await expect(first.getByRole("link")).toHaveAttribute("href", "/zh-cn/lessons/read-packet/#errors");
  await expect(first.getByRole("link")).toHaveText(/^阅读：.+ › .+$/);
  await expect(pg.getByRole("button", { name: "查看答案" })).toBeHidden();
  await hints.scrollIntoViewIfNeeded();
  await shoot(page, "exercise-zh-cn-hint");
});

test("zh-cn Run and Check: a missing export and a compile error are explained in Chinese", async ({
  page,
}) => {
  const pg = await openExercise(page, "read-packet");
  const status = pg.getByRole("status");

  await replaceCode(page, pg, "export function readPacket() { return 0; }\n");
  await pg.getByRole("button", { name: /运行/ }).click();
  await expect(status).toHaveText("请导出函数 read_packet(opaque, buf, buf_size)：FFmpeg 通过它获取数据。");
  await pg.getByRole("button", { name: "检查", exact: true }).click();
  await expect(status).toHaveText(
    "测试无法运行：你的模块没有导出 read_packet。请导出它：export function read_packet(…) { … }",
  );

  await replaceCode(page, pg, "export function read_packet(o, b, n: number): number { return n + ; }\n");
  await pg.getByRole("button", { name: /运行/ }).click();
  await expect(status).toHaveText(/^代码无法编译：第 1 行：/);
  await pg.getByRole("button", { name: "检查", exact: true }).click();
  await expect(status).toHaveText(/^测试无法运行：代码无法编译：第 1 行：/);
  await shoot(page, "exercise-zh-cn-compile-error");
});

test("zh-cn: an endless loop in a Check is blamed, in Chinese, on the test that was running", async ({
  page,
}) => {
  const pg = await openExercise(page, "fix-the-bug");
  await replaceCode(
    page,
    pg,
    "export function read_packet(o: unknown, b: Uint8Array, n: number): number {\n  while (true) {}\n}\n",
  );
  await pg.getByRole("button", { name: "检查", exact: true }).click();
  const results = pg.getByRole("region", { name: "测试结果" });
  // Stopped after Run's 5 s, not "could not run"; no hint spent.
  await expect(results).toContainText("在 5 秒内没有完成（死循环？）");
  await expect(results).toContainText("没有用掉提示。");
  await expect(results).not.toContainText("测试无法运行");
  await expect(results.locator("details[open] .pg-test-name")).toHaveText(fixTheBugTests[0].names["zh-cn"]);
});
