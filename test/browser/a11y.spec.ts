import { expect, expectAxeClean, shoot, test, useStoredTheme } from "./fixtures.ts";

const pages = [
  ["home", "/"],
  ["lesson", "/lessons/parameters/"],
  ["lesson-zh-cn", "/zh-cn/lessons/memory-io/"],
  ["exercises", "/exercises/"],
] as const;

for (const theme of ["light", "dark"] as const) {
  for (const [name, path] of pages) {
    // A Chinese lesson in the dark theme: lessons-zh-cn.spec.ts scans read-packet, self-check answered.
    if (name === "lesson-zh-cn" && theme === "dark") continue;
    test(`axe: no serious or critical violations on ${name} (${theme})`, async ({ page }) => {
      await useStoredTheme(page, theme);
      await page.goto(path);
      await expect(page.locator("html")).toHaveAttribute("data-theme", theme);
      await expectAxeClean(page);
      if (name !== "exercises") await shoot(page, `${name}-${theme}`);
    });
  }
}

test("axe: the open search dialog with results has no serious or critical violations", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("button", { name: "Search" }).click();
  await page.getByRole("dialog").getByRole("textbox").fill("buffer");
  await expect(page.locator(".pagefind-ui__result").first()).toBeVisible();
  // Pagefind first shows grey placeholders, then fills each result in: scan the results, not the placeholders.
  await expect(page.locator("[data-search-dialog] .pagefind-ui__loading")).toHaveCount(0);
  await expectAxeClean(page, "[data-search-dialog]");
  await shoot(page, "search-open");
});

for (const [name, path] of [
  ["home", "/"],
  ["lesson-zh-cn", "/zh-cn/lessons/read-packet/"],
] as const) {
  test(`axe: no serious or critical violations on ${name} at phone width`, async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto(path);
    await expectAxeClean(page);
    await expect(page.locator("[data-search-open]")).toHaveAccessibleName(
      name === "home" ? "Search" : "搜索",
    );
  });
}
