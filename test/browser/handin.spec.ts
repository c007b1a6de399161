// Hand-in from the exercise page: type a name, download the file, and the file is what the grader
// reads (src/exercises/handin.ts), its Check result marked unverified.
import { readFileSync } from "node:fs";
import { parseHandin } from "../../src/exercises/handin.ts";
import { expect, expectAxeClean, shoot, test } from "./fixtures.ts";
import { setCode } from "./learner-page.ts";
import { touchedStarter } from "../learner-code.ts";

const starter = readFileSync("src/exercises/read-packet/starter.ts", "utf8");

test("Download for hand-in: the typed name, the code, the exercise and the unverified Check in one file", async ({
  page,
}) => {
  await page.goto("/exercises/read-packet/");
  const pg = page.locator("[data-playground]").first();
  await pg.scrollIntoViewIfNeeded();
  await expect(pg).toHaveAttribute("data-ready", "true");
  const code = touchedStarter("read-packet");
  await setCode(page, pg, code);
  await pg.getByRole("button", { name: "Check", exact: true }).click();
  await expect(pg.getByRole("region", { name: "Test results" })).toContainText(/of 12 tests pass/);

  const handin = page.getByRole("region", { name: "Hand in" });
  await expect(handin).toContainText("your teacher's grader runs the tests again");
  const button = handin.getByRole("button", { name: "Download for hand-in", exact: true });
  // No name yet: a message, no file.
  await button.click();
  await expect(handin.getByRole("status")).toHaveText("Type your name or student id first.");
  await expect(handin.getByLabel("Your name or student id")).toHaveAttribute("aria-invalid", "true");

  await handin.getByLabel("Your name or student id").fill("王小明 s1234");
  const [download] = await Promise.all([page.waitForEvent("download"), button.click()]);
  expect(download.suggestedFilename()).toBe("read-packet-王小明-s1234.handin.json");
  const file = parseHandin(readFileSync((await download.path())!, "utf8"));
  expect(file).toMatchObject({
    format: "avio-workbook-handin",
    version: 1,
    exercise: "read-packet",
    student: "王小明 s1234",
    code,
    browserCheck: { verified: false, status: "fail", total: 12 },
  });
  expect(Date.parse(file.created)).not.toBeNaN();
  await expect(handin.getByRole("status")).toHaveText(
    "Downloaded read-packet-王小明-s1234.handin.json. Hand this file in.",
  );
  await handin.scrollIntoViewIfNeeded();
  await shoot(page, "handin-downloaded");
  await expectAxeClean(page);

  // Back to the starter as it was: that Check graded nothing, so the file says no Check ran,
  // not the counts of the edit before it.
  await setCode(page, pg, starter);
  await pg.getByRole("button", { name: "Check", exact: true }).click();
  await expect(pg.getByRole("region", { name: "Test results" })).toContainText("Unchanged:");
  const [again] = await Promise.all([page.waitForEvent("download"), button.click()]);
  const second = parseHandin(readFileSync((await again.path())!, "utf8"));
  expect(second).toMatchObject({ code: starter, browserCheck: { verified: false, status: "not-run" } });

  // The name is kept for the next exercise.
  await page.goto("/exercises/seek/");
  await expect(page.getByLabel("Your name or student id")).toHaveValue("王小明 s1234");
});

test("zh-cn: the hand-in section and its button in Chinese; a sleeping playground hands in its starter", async ({
  page,
}) => {
  await page.goto("/zh-cn/exercises/read-packet/");
  const handin = page.getByRole("region", { name: "提交作业" });
  await expect(handin).toContainText("老师的评分程序会对你的代码重新运行测试");
  await handin.getByLabel("你的姓名或学号").fill("xiao");
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    handin.getByRole("button", { name: "下载提交文件", exact: true }).click(),
  ]);
  expect(download.suggestedFilename()).toBe("read-packet-xiao.handin.json");
  const file = parseHandin(readFileSync((await download.path())!, "utf8"));
  expect(file.browserCheck).toEqual({ verified: false, status: "not-run" });
  expect(file.code.length).toBeGreaterThan(0);
  await expect(handin.getByRole("status")).toContainText("已下载 read-packet-xiao.handin.json");
});
