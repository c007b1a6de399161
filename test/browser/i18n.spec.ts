import { expect, shoot, test } from "./fixtures.ts";

test("zh-cn routes render in Chinese", async ({ page }) => {
  await page.goto("/zh-cn/");
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("AVIO 练习册");
  const lessons = page.locator("[data-lesson-list] > li");
  await expect(lessons.nth(0).getByRole("link")).toHaveText("内存 I/O：为什么用，什么时候用");
  await expect(lessons.nth(0).getByRole("link")).toHaveAttribute("href", "/zh-cn/lessons/memory-io/");

  await page.goto("/zh-cn/lessons/parameters/");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("avio_alloc_context 的七个参数");
  await expect(page.getByRole("navigation", { name: "课程目录" })).toBeVisible();
  await expect(page.locator("[data-prev-link]")).toHaveAttribute("href", "/zh-cn/lessons/memory-io/");
  // Links to parameter lessons stay in Chinese.
  await expect(page.locator('.lesson-content a[href="/zh-cn/lessons/seek/"]')).toHaveCount(1);
  await shoot(page, "lesson-parameters-zh-cn-desktop");

  await page.goto("/zh-cn/exercises/");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("练习");
});

test("the language switcher keeps the page and round-trips", async ({ page }) => {
  await page.goto("/lessons/memory-io/");
  await page.locator('[data-language-link="zh-cn"]').click();
  await expect(page).toHaveURL("/zh-cn/lessons/memory-io/");
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  await page.locator('[data-language-link="en"]').click();
  await expect(page).toHaveURL("/lessons/memory-io/");

  await page.goto("/exercises/");
  await page.locator('[data-language-link="zh-cn"]').click();
  await expect(page).toHaveURL("/zh-cn/exercises/");
  await page.locator('[data-language-link="en"]').click();
  await expect(page).toHaveURL("/exercises/");
});

test("English lessons link to the English parameter lessons", async ({ page }) => {
  await page.goto("/lessons/parameters/");
  const slugs = [
    "buffer",
    "buffer-size",
    "write-flag",
    "opaque",
    "read-packet",
    "versions/#write_packets-const-buffer",
    "write-packet",
    "seek",
  ];
  const hrefs = await page
    .locator('.lesson-content a[href^="/lessons/"]')
    .evaluateAll((els) => els.map((el) => el.getAttribute("href")));
  expect(hrefs).toEqual(slugs.map((slug) => `/lessons/${slug}${slug.includes("#") ? "" : "/"}`));
});

test('"/" follows the browser language the first time', async ({ browser }) => {
  for (const [locale, want] of [
    ["zh-CN", "/zh-cn/"],
    ["en-US", "/"],
  ] as const) {
    const context = await browser.newContext({ locale });
    const page = await context.newPage();
    await page.goto("/");
    await expect(page).toHaveURL(want);
    await expect(page.locator("html")).toHaveAttribute("lang", want === "/" ? "en" : "zh-CN");
    await context.close();
  }
});

test('the switcher remembers the choice for "/" and keeps the section', async ({ page }) => {
  await page.goto("/lessons/read-packet/#never-return-0");
  await page.locator('[data-language-link="zh-cn"]').click();
  await expect(page).toHaveURL("/zh-cn/lessons/read-packet/#never-return-0");
  await expect(page.locator("#never-return-0")).toBeInViewport();
  await page.goto("/");
  await expect(page).toHaveURL("/zh-cn/");
  await shoot(page, "home-zh-cn-remembered");

  await page.locator('[data-language-link="en"]').click();
  await expect(page).toHaveURL("/");
  await page.goto("/");
  await expect(page).toHaveURL("/");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
});
