import { describe, expect, it } from "vitest";
import { en } from "../../src/i18n/en.ts";
import { DEFAULT_LOCALE, format, LOCALES, strings, useTranslations } from "../../src/i18n/index.ts";
import config, { ISOLATION_HEADERS } from "../../astro.config.mjs";

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("UI strings", () => {
  for (const locale of LOCALES) {
    it(`${locale} has every key of en, non-empty, with the same placeholders`, () => {
      const dict = strings(locale);
      expect(Object.keys(dict).sort()).toEqual(Object.keys(en).sort());
      for (const [key, reference] of Object.entries(en)) {
        const value = dict[key as keyof typeof en];
        if (typeof reference === "string") {
          expect(typeof value, key).toBe("string");
          expect((value as string).trim(), key).not.toBe("");
          expect(placeholders(value as string), key).toEqual(placeholders(reference));
        } else {
          expect(Array.isArray(value), key).toBe(true);
          expect((value as readonly string[]).length, key).toBe(reference.length);
        }
      }
    });
  }

  it("zh-cn is actually translated", () => {
    expect(strings("zh-cn")["nav.lessons"]).not.toBe(en["nav.lessons"]);
    expect(strings("zh-cn")["progress.summary"]).toMatch(/[\u4e00-\u9fff]/);
  });

  it("formats placeholders and refuses missing values", () => {
    expect(useTranslations("en")("progress.summary", { read: 1, total: 2 })).toBe("1 of 2 lessons read");
    expect(format("Lesson {n}", { n: 3 })).toBe("Lesson 3");
    expect(() => format("Lesson {n}")).toThrow(/\{n\}/);
  });
});

describe("astro.config.mjs", () => {
  it("routes the same locales, English unprefixed", () => {
    expect(config.i18n?.locales).toEqual([...LOCALES]);
    expect(config.i18n?.defaultLocale).toBe(DEFAULT_LOCALE);
    expect(config.i18n?.routing).toMatchObject({ prefixDefaultLocale: false });
  });

  it("builds a static site and sends the cross-origin isolation headers in dev and preview", () => {
    expect(config.output).toBe("static");
    expect(ISOLATION_HEADERS).toEqual({
      "Cross-Origin-Opener-Policy": "same-origin",
      "Cross-Origin-Embedder-Policy": "require-corp",
    });
    expect(config.server).toMatchObject({ headers: ISOLATION_HEADERS });
  });
});
