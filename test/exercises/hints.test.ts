// Every exercise has two or three graded hints in every language, each pointing
// at a section that exists in the lesson it names.
import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { exerciseIds } from "../../src/exercises/catalog.ts";
import { hintRuns, type Hint } from "../../src/exercises/hints.ts";
import { LOCALES } from "../../src/i18n/locales.ts";
import { headingIds, sectionTitle } from "../../src/site/heading-ids.ts";

const CJK = /[\u4e00-\u9fff]/;
const lesson = (locale: string, slug: string) =>
  new URL(`../../src/lessons/${locale}/${slug}.mdx`, import.meta.url);
/** Ids a lesson page has: its headings' (translations take the English ones) and explicit anchors. */
function ids(slug: string): Set<string> {
  const source = readFileSync(lesson("en", slug), "utf8");
  return new Set([
    ...headingIds(source).map((h) => h.id),
    ...[...source.matchAll(/<span id="([\w-]+)"/g)].map((m) => m[1]!),
  ]);
}
const code = (s: string) =>
  hintRuns(s)
    .filter((r) => r.code)
    .map((r) => r.text);

describe.each(exerciseIds)("hints of %s", (id) => {
  it("two or three, each in every language, with the same code in each", async () => {
    const { hints } = (await import(`../../src/exercises/${id}/hints.ts`)) as { hints: Hint[] };
    expect(hints.length).toBeGreaterThanOrEqual(2);
    expect(hints.length).toBeLessThanOrEqual(3);
    for (const h of hints) {
      expect(Object.keys(h.text).sort()).toEqual([...LOCALES].sort());
      expect(h.text.en).not.toMatch(CJK);
      expect(h.text["zh-cn"]).toMatch(CJK);
      expect(code(h.text["zh-cn"]).sort()).toEqual(code(h.text.en).sort()); // word order may differ
    }
  });

  it("each points to a section of a lesson that exists in every language", async () => {
    const { hints } = (await import(`../../src/exercises/${id}/hints.ts`)) as { hints: Hint[] };
    for (const h of hints) {
      const [slug, anchor] = h.section.split("#");
      for (const locale of LOCALES)
        expect(existsSync(lesson(locale, slug!)), `${locale}/${slug}.mdx`).toBe(true);
      expect([...ids(slug!)], h.section).toContain(anchor);
      const en = readFileSync(lesson("en", slug!), "utf8");
      for (const locale of LOCALES)
        expect(
          sectionTitle(en, readFileSync(lesson(locale, slug!), "utf8"), anchor!),
          `${locale}: ${h.section}`,
        ).toBeTruthy();
    }
  });
});

it("hint text splits into prose and code runs", () => {
  expect(hintRuns("return `AVERROR_EOF`, never 0")).toEqual([
    { code: false, text: "return " },
    { code: true, text: "AVERROR_EOF" },
    { code: false, text: ", never 0" },
  ]);
});

it("a section's title comes from its heading, or the heading after an explicit anchor, in the page's language", () => {
  const en =
    '# T\n\n## The contract\n\ntext\n\n<span id="avseek-size"></span>\n\n## Asking for the size: `AVSEEK_SIZE`\n';
  const zh = '# T\n\n## 约定\n\n文字\n\n<span id="avseek-size"></span>\n\n## 询问大小：`AVSEEK_SIZE`\n';
  expect(sectionTitle(en, zh, "the-contract")).toBe("约定");
  expect(sectionTitle(en, zh, "avseek-size")).toBe("询问大小：AVSEEK_SIZE");
  expect(sectionTitle(en, en, "avseek-size")).toBe("Asking for the size: AVSEEK_SIZE");
  expect(sectionTitle(en, zh, "nowhere")).toBeUndefined();
});
