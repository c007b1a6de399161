import { readdirSync } from "node:fs";
import { expect, shoot, test } from "./fixtures.ts";

const count = (lang: string) =>
  readdirSync(new URL(`../../src/lessons/${lang}/`, import.meta.url)).filter((f) => f.endsWith(".mdx"))
    .length;
const EN = count("en");
const ZH = count("zh-cn");

test("home shows what you will learn and the lessons in course order", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveTitle("AVIO Workbook");
  await expect(page.getByRole("heading", { level: 1, name: "AVIO Workbook" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "What you will learn" })).toBeVisible();

  const lessons = page.locator("[data-lesson-list] > li");
  await expect(lessons).toHaveCount(EN);
  await expect(lessons.nth(0).getByRole("link")).toHaveText("Memory I/O: why and when");
  await expect(lessons.nth(0).getByRole("link")).toHaveAttribute("href", "/lessons/memory-io/");
  await expect(lessons.nth(1).getByRole("link")).toHaveText("The seven parameters of avio_alloc_context");
  await expect(lessons.nth(1).getByRole("link")).toHaveAttribute("href", "/lessons/parameters/");
  await expect(lessons.nth(0)).toContainText("Not read yet");
  await expect(page.locator("#lessons [data-progress-summary]")).toHaveText(`0 of ${EN} lessons read`);

  await page.getByRole("link", { name: "Start the course" }).click();
  await expect(page).toHaveURL("/lessons/memory-io/");
  await shoot(page, "lesson-memory-io-desktop");
});

test("a lesson counts as read once its end is reached, and home shows it", async ({ page }) => {
  await page.goto("/lessons/memory-io/");
  const sidebarMark = page.locator('#lesson-sidebar [data-progress-slug="memory-io"]');
  // The end of this lesson is far below the first screen: not read on arrival.
  await expect(sidebarMark).not.toHaveAttribute("data-read", "");
  await page.locator("[data-lesson-end]").scrollIntoViewIfNeeded();
  await expect(sidebarMark).toHaveAttribute("data-read", "");
  await expect(sidebarMark).toContainText("Read");

  await page.goto("/");
  const card = page.locator("[data-lesson-list] > li").first();
  await expect(card.locator("[data-progress-slug]")).toHaveAttribute("data-read", "");
  await expect(page.locator("#lessons [data-progress-summary]")).toHaveText(`1 of ${EN} lessons read`);
  // Progress is per lesson, not per language.
  await page.goto("/zh-cn/");
  await expect(page.locator("#lessons [data-progress-summary]")).toHaveText(`已读 1 / ${ZH} 课`);
  await shoot(page, "home-zh-cn-after-reading");
});

test("exercises page lists the published exercises", async ({ page }) => {
  await page.goto("/exercises/");
  await expect(page.getByRole("heading", { level: 1, name: "Exercises" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Read from memory" })).toHaveAttribute(
    "href",
    "/exercises/read-packet/",
  );
  await expect(page.getByRole("link", { name: "Exercises" })).toHaveAttribute("aria-current", "true");
});

test.describe("unknown pages", () => {
  // The browser itself logs the 404 response of the document.
  test.use({ allowConsoleError: /status of 404/ });

  test("get the 404 page with a way back", async ({ page }) => {
    const response = await page.goto("/lessons/no-such-lesson/");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
    await page.getByRole("link", { name: "Go to the course home" }).click();
    await expect(page).toHaveURL("/");
  });
});
