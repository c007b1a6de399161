import { exerciseIds } from "../../src/exercises/catalog.ts";
import { expect, expectAxeClean, horizontalOverflow, shoot, test } from "./fixtures.ts";

const USAGE =
  "npm run --silent grade -- <exercise-id> <file-or-dir>... [--json] [--junit FILE] [--csv FILE] [--lang en|zh-cn]\n" +
  "                          [--timeout SECONDS] [--wall SECONDS] [--jobs N] [--memory MiB] [--shard i/n]\n" +
  "                          [--roster FILE] [--excel] [--strict-types]\n" +
  "npm run --silent grade -- --merge <report.json>... [--json] [--junit FILE] [--csv FILE] [--lang en|zh-cn]";

for (const [locale, home, path, title, sections, footer] of [
  [
    "en",
    "/",
    "/teach/",
    "Teaching with the workbook",
    [
      "Grading a class",
      "Hand-in from the browser",
      "The packaged grader",
      "Grading in CI",
      "Sharding and merging",
      "What the grader isolates",
      "Browsers",
      "Adding an exercise of your own",
      "Publishing your own copy",
    ],
    "Teaching with the workbook",
  ],
  [
    "zh-cn",
    "/zh-cn/",
    "/zh-cn/teach/",
    "用本书教学",
    [
      "批改一个班级",
      "在浏览器中提交",
      "打包的批改程序",
      "在 CI 中批改",
      "分片与合并",
      "批改程序隔离了什么",
      "浏览器",
      "添加你自己的练习",
      "发布你自己的副本",
    ],
    "用本书教学",
  ],
] as const) {
  test(`${locale}: the footer leads to the teaching guide, with its sections, commands and exercise ids`, async ({
    page,
  }) => {
    await page.goto(home);
    await page.getByRole("contentinfo").getByRole("link", { name: footer }).click();
    await expect(page).toHaveURL(path);
    await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
    await expect(page.getByRole("heading", { level: 2 })).toHaveText([...sections]);

    // The command line, exactly as the grader promises it, and the authoring commands.
    const code = page.locator("pre");
    await expect(code.filter({ hasText: "--shard i/n" })).toHaveText(USAGE);
    for (const command of [
      "npm run --silent grade -- read-packet ~/class/read-packet/",
      "npm run --silent grade -- --merge grades-*.json --csv gradebook.csv --junit class.xml",
      "npm run new:exercise -- ring-buffer",
      "npm run check:exercise -- ring-buffer",
      "npm run mutation -- ring-buffer",
      // The packaged grader: built, published with its checksum, pinned and checked in CI.
      "npm run build:grader -- --pack",
      'echo "$GRADER_SHA256  $HOME/avio-grader.tar.gz" | sha256sum -c -',
      "npm run --silent classroom:workflow -- read-packet --url",
      "max-score: 1",
    ])
      await expect(code.filter({ hasText: command }).first()).toBeVisible();

    // Exit codes 0–3 in a table, and every exercise id linking to its page.
    for (const exit of ["0", "1", "2", "3"])
      await expect(
        page.locator("table tr").filter({ has: page.locator(`td:first-child code:text-is("${exit}")`) }),
      ).toHaveCount(1);
    const ids = page.locator("table[data-exercise-ids] tbody tr");
    await expect(ids.locator("td:first-child")).toHaveText([...exerciseIds]);
    await expect(ids.first().getByRole("link")).toHaveAttribute(
      "href",
      `${home}exercises/${exerciseIds[0]}/`,
    );

    // The on-page contents lead to each section.
    await page.locator("details.toc-inline summary").click();
    await page.locator("details.toc-inline").getByRole("link", { name: sections[3] }).click();
    await expect(page.getByRole("heading", { level: 2, name: sections[3] })).toBeInViewport();

    await expectAxeClean(page);
    expect(await horizontalOverflow(page)).toBe(0);
    await page.evaluate(() => window.scrollTo(0, 0));
    await shoot(page, `teach-${locale}`);
  });
}

test("on a phone the wide code and tables scroll in their own boxes, not the page", async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 800 });
  await page.goto("/teach/");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  expect(await horizontalOverflow(page)).toBe(0);
  await expectAxeClean(page);
  await shoot(page, "teach-phone");
});
