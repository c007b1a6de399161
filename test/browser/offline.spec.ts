import { readdirSync } from "node:fs";
import { expect, test } from "./fixtures.ts";

const EN_LESSONS = readdirSync(new URL("../../src/lessons/en/", import.meta.url)).filter((f) =>
  f.endsWith(".mdx"),
).length;

test("visited pages keep working offline, search included", async ({ page, context }) => {
  await page.goto("/");
  await page.evaluate(() => navigator.serviceWorker.ready);
  // Pages loaded before the worker took control are cached on their next visit.
  await page.goto("/lessons/parameters/");
  await page.getByRole("button", { name: "Search" }).click();
  await page.getByRole("dialog").getByRole("textbox").fill("AVSEEK_SIZE");
  await expect(page.locator(".pagefind-ui__result").first()).toBeVisible();
  await page.goto("/");

  await context.setOffline(true);
  await page.goto("/lessons/parameters/");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(
    "The seven parameters of avio_alloc_context",
  );
  await expect(page.locator("#lesson-sidebar")).toBeVisible();
  expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
  await page.getByRole("button", { name: "Search" }).click();
  await page.getByRole("dialog").getByRole("textbox").fill("AVSEEK_SIZE");
  await expect(page.locator(".pagefind-ui__result-link").first()).toHaveAttribute(
    "href",
    /^\/lessons\/(seek|parameters)\//,
  );
  await page.goto("/");
  await expect(page.locator("[data-lesson-list] > li")).toHaveCount(EN_LESSONS);
  await context.setOffline(false);
});
