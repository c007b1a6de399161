import { expect, horizontalOverflow, shoot, test, useStoredTheme } from "./fixtures.ts";

test.describe("phone width (360 px)", () => {
  test.use({ viewport: { width: 360, height: 740 } });

  for (const [name, path] of [
    ["home", "/"],
    ["lesson-memory-io", "/lessons/memory-io/"],
    ["lesson-parameters", "/lessons/parameters/"],
    ["lesson-zh-cn", "/zh-cn/lessons/parameters/"],
    ["exercises", "/exercises/"],
  ] as const) {
    test(`no horizontal scroll: ${name}`, async ({ page }) => {
      await page.goto(path);
      expect(await horizontalOverflow(page)).toBe(0);
      await shoot(page, `phone-${name}`);
    });
  }

  test("no horizontal scroll in the dark theme with the sidebar open", async ({ page }) => {
    await useStoredTheme(page, "dark");
    await page.goto("/lessons/parameters/");
    await page.locator("[data-sidebar-toggle]").click();
    expect(await horizontalOverflow(page)).toBe(0);
    await shoot(page, "phone-lesson-sidebar-open-dark");
  });

  test("a one-line code block keeps its copy button beside the code, not over it", async ({ page }) => {
    await page.goto("/lessons/seek/");
    const block = page.locator(".code-block[data-one-line]").first();
    await block.scrollIntoViewIfNeeded();
    const button = block.getByRole("button", { name: /copy/i });
    await expect(button).toBeVisible();
    const code = (await block.locator("pre").boundingBox())!;
    const b = (await button.boundingBox())!;
    expect(b.x, "the button starts where the code's box ends").toBeGreaterThanOrEqual(
      code.x + code.width - 1,
    );
    expect(b.y + b.height, "the button fits inside the block").toBeLessThanOrEqual(
      (await block.boundingBox())!.y + (await block.boundingBox())!.height + 1,
    );
    await block.screenshot({ path: "test-results/screenshots/phone-one-line-code.png" });
  });

  test("a playground's code wraps before the editor loads, numbered line by line", async ({ page }) => {
    await page.goto("/lessons/read-packet/");
    const pg = page.locator("[data-playground]").first();
    const code = pg.locator("[data-static-code]");
    await code.scrollIntoViewIfNeeded();
    await expect(code).toBeVisible();
    const sideways = await code.evaluate((el) => el.scrollWidth - el.clientWidth);
    expect(sideways, "no sideways scroll in the static code").toBeLessThanOrEqual(1);
    expect(await horizontalOverflow(page)).toBe(0);
    await code.screenshot({ path: "test-results/screenshots/phone-static-code.png" });
  });

  test("CodeCompare shows tabs that switch by click and arrow keys", async ({ page }) => {
    await page.goto("/lessons/memory-io/");
    const compare = page.locator("[data-code-compare]").first();
    const tabs = compare.getByRole("tab");
    await expect(compare.getByRole("tablist")).toBeVisible();
    await expect(tabs).toHaveText(["C", "TypeScript"]);
    const cPanel = compare.getByRole("tabpanel", { name: "C", exact: true });
    const tsPanel = compare.getByRole("tabpanel", { name: "TypeScript" });
    await expect(cPanel).toBeVisible();
    await expect(cPanel).toContainText("static int read_packet");
    await expect(tsPanel).toBeHidden();

    await tabs.nth(1).click();
    await expect(tsPanel).toBeVisible();
    await expect(tsPanel).toContainText("function readPacket");
    await expect(cPanel).toBeHidden();
    await expect(tabs.nth(1)).toHaveAttribute("aria-selected", "true");

    await tabs.nth(1).focus();
    await page.keyboard.press("ArrowRight"); // wraps to C
    await expect(tabs.nth(0)).toBeFocused();
    await expect(tabs.nth(0)).toHaveAttribute("aria-selected", "true");
    await expect(cPanel).toBeVisible();
    await page.keyboard.press("End");
    await expect(tabs.nth(1)).toBeFocused();
    await expect(tsPanel).toBeVisible();
    // Only the selected tab is in the Tab order.
    await expect(tabs.nth(0)).toHaveAttribute("tabindex", "-1");
    await compare.scrollIntoViewIfNeeded();
    await compare.screenshot({ path: "test-results/screenshots/phone-code-compare-ts-tab.png" });
  });
});

test.describe("wide desktop (1600 px)", () => {
  test.use({ viewport: { width: 1600, height: 1000 } });

  test("text keeps its measure and CodeCompare sits side by side in the wider column", async ({ page }) => {
    await page.goto("/lessons/parameters/");
    const paragraph = await page.locator(".lesson-content > p").first().boundingBox();
    const compare = page.locator("[data-code-compare]").first();
    const box = await compare.boundingBox();
    expect(paragraph!.width).toBeLessThanOrEqual(44 * 16 + 1);
    expect(box!.width).toBeGreaterThan(paragraph!.width + 100);
    await expect(compare.getByRole("tablist")).toBeHidden();
    const [c, ts] = await Promise.all([
      compare.getByRole("tabpanel", { name: "C", exact: true }).boundingBox(),
      compare.getByRole("tabpanel", { name: "TypeScript" }).boundingBox(),
    ]);
    expect(ts!.x).toBeGreaterThan(c!.x + c!.width - 1);
    expect(Math.abs(ts!.y - c!.y)).toBeLessThan(2);
    expect(await horizontalOverflow(page)).toBe(0);
    await shoot(page, "wide-lesson-parameters");
  });
});

test.describe("code blocks", () => {
  test.use({ permissions: ["clipboard-read", "clipboard-write"] });

  test("copy buttons copy the code and say so", async ({ page }) => {
    await page.goto("/lessons/parameters/");
    const block = page.locator(".lesson-content > .code-block").first();
    await block.hover();
    const button = block.getByRole("button", { name: "Copy code" });
    await button.click();
    await expect(button).toHaveAttribute("data-state", "copied");
    await expect(page.locator("[data-announcer]")).toHaveText("Copied");
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied.startsWith("AVIOContext *avio_alloc_context(\n    unsigned char *buffer,")).toBe(true);
    expect(copied.trimEnd().endsWith("int64_t (*seek)(void *opaque, int64_t offset, int whence));")).toBe(
      true,
    );
  });

  test("highlighted lines are marked", async ({ page }) => {
    await page.goto("/lessons/memory-io/");
    const lines = page.locator(".lesson-content > .code-block .line.highlighted");
    await expect(lines).toHaveCount(5);
    await expect(lines.first()).toHaveText("fmt->pb = pb;");
  });
});

test("dev and preview serve the cross-origin isolation headers", async ({ page }) => {
  const response = await page.goto("/");
  const headers = response!.headers();
  expect(headers["cross-origin-opener-policy"]).toBe("same-origin");
  expect(headers["cross-origin-embedder-policy"]).toBe("require-corp");
  expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
});
