import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { localizedCode } from "../../src/playground/starters.ts";

const src = (path: string) => readFileSync(new URL(`../../src/${path}`, import.meta.url), "utf8");

describe("starters in the page's language", () => {
  it("a zh-cn page gets the copy with Chinese comments; English pages the original", () => {
    const en = src("exercises/fix-the-bug/starter.ts");
    expect(localizedCode(en, "zh-cn")).toBe(src("exercises/fix-the-bug/starter.zh-cn.ts"));
    expect(localizedCode(en, "en")).toBe(en);
    const lesson = src("lessons/_code/read-packet/return-zero.ts");
    expect(localizedCode(lesson, "zh-cn")).toContain("// <- 应改为：return AVERROR_EOF;");
  });

  it("code that is not a known file stays as it is", () => {
    expect(localizedCode("// my own code\n", "zh-cn")).toBe("// my own code\n");
  });
});
