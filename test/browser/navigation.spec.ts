import { readdirSync } from "node:fs";
import { expect, test } from "./fixtures.ts";

const EN_LESSONS = readdirSync(new URL("../../src/lessons/en/", import.meta.url)).filter((f) =>
  f.endsWith(".mdx"),
).length;

test("sidebar lists lessons in order, marks the current one, and navigates", async ({ page }) => {
  await page.goto("/lessons/memory-io/");
  const sidebar = page.getByRole("navigation", { name: "Course" });
  const links = sidebar.locator("[data-sidebar-link]");
  await expect(links).toHaveCount(EN_LESSONS);
  await expect(links.nth(0)).toHaveAttribute("aria-current", "page");
  await expect(links.nth(1)).not.toHaveAttribute("aria-current", "page");

  await links.nth(1).click();
  await expect(page).toHaveURL("/lessons/parameters/");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(
    "The seven parameters of avio_alloc_context",
  );
  await expect(sidebar.locator('[data-sidebar-link="parameters"]')).toHaveAttribute("aria-current", "page");
});

test("previous and next links walk the course", async ({ page }) => {
  await page.goto("/lessons/memory-io/");
  await expect(page.locator("[data-prev-link]")).toHaveCount(0);
  await page.locator("[data-next-link]").click();
  await expect(page).toHaveURL("/lessons/parameters/");
  // Last lesson: no next lesson, a pointer to the exercises instead.
  await page.goto("/lessons/transcode/");
  await expect(page.locator("[data-next-link]")).toHaveCount(0);
  await expect(page.getByRole("navigation", { name: "Previous and next lesson" })).toContainText("Exercises");
  await page.goto("/lessons/parameters/");
  await page.locator("[data-prev-link]").click();
  await expect(page).toHaveURL("/lessons/memory-io/");
});

test("the on-page contents list the sections and jump to them", async ({ page }) => {
  await page.goto("/lessons/parameters/");
  const toc = page.locator("#lesson-sidebar").getByRole("navigation", { name: "On this page" });
  await expect(toc.getByRole("link")).toHaveText([
    "buffer",
    "buffer_size",
    "write_flag",
    "opaque",
    "read_packet",
    "write_packet",
    "seek",
  ]);
  await toc.getByRole("link", { name: "seek", exact: true }).click();
  await expect(page).toHaveURL("/lessons/parameters/#seek");
  await expect(page.locator("#seek")).toBeInViewport();
});

test("keyboard: skip link first, focus visibly ringed, lands in the main content", async ({ page }) => {
  await page.goto("/lessons/memory-io/");
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to content" });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press("Enter");
  await expect(page.locator("#main-content")).toBeFocused();

  // The next Tab stops inside the article, with a visible focus ring.
  await page.keyboard.press("Tab");
  const focused = page.locator(":focus");
  expect(await focused.evaluate((el) => el.closest("#main-content") !== null)).toBe(true);
  const outline = await focused.evaluate(
    (el) => `${getComputedStyle(el).outlineStyle} ${getComputedStyle(el).outlineWidth}`,
  );
  expect(outline).toMatch(/^solid [1-9]/);
});

test.describe("phone width", () => {
  test.use({ viewport: { width: 360, height: 740 } });

  test("the course sidebar opens from the Lessons button and closes with Escape", async ({ page }) => {
    await page.goto("/lessons/memory-io/");
    const sidebar = page.locator("#lesson-sidebar");
    const toggle = page.locator("[data-sidebar-toggle]");
    await expect(sidebar).toBeHidden();
    await expect(toggle).toHaveAttribute("aria-expanded", "false");
    await toggle.click();
    await expect(sidebar).toBeVisible();
    await expect(toggle).toHaveAttribute("aria-expanded", "true");
    await expect(sidebar.locator('a[aria-current="page"]')).toBeFocused();
    await page.keyboard.press("Escape");
    await expect(sidebar).toBeHidden();
    await expect(toggle).toBeFocused();
    await toggle.click();
    await sidebar.locator('[data-sidebar-link="parameters"]').click();
    await expect(page).toHaveURL("/lessons/parameters/");
  });
});

test("the contents mark the section being read", async ({ page }) => {
  await page.goto("/lessons/parameters/");
  const toc = page.locator("#lesson-sidebar").getByRole("navigation", { name: "On this page" });
  await page.locator("#opaque").evaluate((el) => el.scrollIntoView({ block: "start", behavior: "instant" }));
  await expect(toc.locator('a[aria-current="true"]')).toHaveText("opaque");
  await page.locator("#buffer").evaluate((el) => el.scrollIntoView({ block: "start", behavior: "instant" }));
  await expect(toc.locator('a[aria-current="true"]')).toHaveText("buffer");
});
