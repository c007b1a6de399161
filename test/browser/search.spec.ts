import { expect, shoot, test } from "./fixtures.ts";

test("search finds AVSEEK_SIZE in the lessons that teach it", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("button", { name: "Search" }).click();
  const dialog = page.getByRole("dialog", { name: "Search the workbook" });
  await expect(dialog).toBeVisible();
  const input = dialog.getByRole("textbox");
  await expect(input).toBeFocused();
  await input.fill("AVSEEK_SIZE");
  const result = dialog.locator(".pagefind-ui__result-link").first();
  await expect(result).toHaveAttribute("href", /^\/lessons\/(seek|parameters)\//);
  await expect(dialog.locator(".pagefind-ui__result").first()).toContainText("AVSEEK_SIZE");
  await result.click();
  await expect(page).toHaveURL(/\/lessons\/(seek|parameters)\//);
});

test('"/" opens search at once: keys typed while it loads are kept; Escape closes it', async ({ page }) => {
  await page.goto("/lessons/memory-io/");
  await page.keyboard.press("/");
  await page.keyboard.type("AVSEEK_SIZE");
  const dialog = page.getByRole("dialog", { name: "Search the workbook" });
  const input = dialog.locator(".pagefind-ui__search-input");
  await expect(input).toHaveValue("AVSEEK_SIZE");
  await expect(input).toBeFocused();
  await expect(dialog.locator(".pagefind-ui__result-link").first()).toHaveAttribute(
    "href",
    /^\/lessons\/(seek|parameters)\//,
  );
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  // Reopening keeps the loaded search and focuses its input.
  await page.keyboard.press("/");
  await expect(input).toBeFocused();
});

test("Chinese pages search the Chinese index", async ({ page }) => {
  await page.goto("/zh-cn/");
  await page.getByRole("button", { name: "搜索" }).click();
  const dialog = page.getByRole("dialog", { name: "搜索练习册" });
  await dialog.getByRole("textbox").fill("AVSEEK_SIZE");
  const links = dialog.locator(".pagefind-ui__result-link");
  await expect(links.first()).toHaveAttribute("href", /^\/zh-cn\/lessons\/(seek|parameters)\//);
  for (const href of await links.evaluateAll((els) => els.map((el) => el.getAttribute("href")))) {
    expect(href).toMatch(/^\/zh-cn\//);
  }
});

test('Chinese queries find Chinese lessons: "回调" finds the read_packet lesson', async ({ page }) => {
  await page.goto("/zh-cn/");
  const urls = await page.evaluate(async () => {
    const url = "/pagefind/pagefind.js";
    const pagefind = await import(/* @vite-ignore */ url);
    await pagefind.options({ basePath: "/pagefind/" });
    const search = await pagefind.search("回调");
    const data = await Promise.all(
      search.results.map((r: { data: () => Promise<{ url: string }> }) => r.data()),
    );
    return data.map((d: { url: string }) => d.url);
  });
  expect(urls).toContain("/zh-cn/lessons/read-packet/");
  for (const url of urls) expect(url).toMatch(/^\/zh-cn\//);

  await page.getByRole("button", { name: "搜索" }).click();
  const dialog = page.getByRole("dialog", { name: "搜索练习册" });
  await dialog.getByRole("textbox").fill("回调");
  await expect(dialog.locator(".pagefind-ui__result").first()).toContainText("回调");
  await shoot(page, "search-zh-cn");
});
