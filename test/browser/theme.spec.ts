import { expect, test } from "./fixtures.ts";

const theme = (page: import("@playwright/test").Page) => page.locator("html").getAttribute("data-theme");

test("follows the system until the reader chooses", async ({ page }) => {
  await page.emulateMedia({ colorScheme: "dark" });
  await page.goto("/");
  expect(await theme(page)).toBe("dark");
  await page.emulateMedia({ colorScheme: "light" });
  await expect(page.locator("html")).toHaveAttribute("data-theme", "light");
});

test("the toggle switches theme and the choice survives a reload", async ({ page }) => {
  await page.emulateMedia({ colorScheme: "light" });
  await page.goto("/lessons/memory-io/");
  const toggle = page.getByRole("button", { name: "Dark theme" });
  await expect(toggle).toHaveAttribute("aria-pressed", "false");
  const lightBg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);

  await toggle.click();
  await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
  await expect(toggle).toHaveAttribute("aria-pressed", "true");
  const darkBg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(darkBg).not.toBe(lightBg);

  await page.reload();
  await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
  await expect(page.getByRole("button", { name: "Dark theme" })).toHaveAttribute("aria-pressed", "true");
  // The stored choice now wins over the system setting.
  await page.emulateMedia({ colorScheme: "light" });
  await page.goto("/");
  expect(await theme(page)).toBe("dark");
});

test("the theme is set before first paint (no flash)", async ({ page }) => {
  await page.addInitScript(() => localStorage.setItem("avio-workbook:theme", "dark"));
  await page.emulateMedia({ colorScheme: "light" });
  // Read the attribute as soon as the body exists, before any module script runs.
  await page.addInitScript(() => {
    document.addEventListener("readystatechange", () => {
      (window as unknown as { firstTheme?: string | null }).firstTheme ??=
        document.documentElement.getAttribute("data-theme");
    });
  });
  await page.goto("/");
  expect(await page.evaluate(() => (window as unknown as { firstTheme?: string }).firstTheme)).toBe("dark");
});
