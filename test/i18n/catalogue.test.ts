// The one catalogue: every language has exactly English's keys (tsc proves it; the checks below
// show the type rejects a gap and an extra key, and look at the values), counts in words follow
// Intl.PluralRules, and no translation table or hand-written plural hides elsewhere in src.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import {
  format,
  LOCALES,
  plural,
  type RuntimeStrings,
  type Strings,
  strings,
  useTranslations,
} from "../../src/i18n/index.ts";

const root = fileURLToPath(new URL("../../", import.meta.url));
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

/** Every leaf of a catalogue as [path, value], sections walked into. */
function leaves(o: object, prefix = ""): [string, unknown][] {
  return Object.entries(o).flatMap(([k, v]): [string, unknown][] =>
    v && typeof v === "object" && !Array.isArray(v) ? leaves(v, `${prefix}${k}.`) : [[`${prefix}${k}`, v]],
  );
}

describe("the catalogue", () => {
  const en = new Map(leaves(strings("en")));

  for (const locale of LOCALES) {
    it(`${locale} has exactly en's keys, each with the same kind of value and placeholders`, () => {
      const dict = new Map(leaves(strings(locale)));
      expect([...dict.keys()].sort()).toEqual([...en.keys()].sort());
      for (const [key, reference] of en) {
        const value = dict.get(key);
        expect(typeof value, key).toBe(typeof reference);
        if (typeof reference === "string") {
          // Only a separator may be empty (Chinese needs no space between sentences).
          if (!key.endsWith("Gap")) expect((value as string).trim(), key).not.toBe("");
          expect(placeholders(value as string), key).toEqual(placeholders(reference));
        } else if (Array.isArray(reference)) {
          expect((value as readonly string[]).length, key).toBe(reference.length);
        } else if (typeof reference === "function") {
          expect((value as () => string).length, key).toBe(reference.length);
        }
      }
    });
  }

  it("the type rejects a missing and an extra key (checked by tsc)", () => {
    const { timeout: _, ...withoutTimeout } = strings("zh-cn").runtime;
    // @ts-expect-error a language without one of en's keys is not a catalogue section
    const missing: RuntimeStrings = withoutTimeout;
    // @ts-expect-error a key English does not have
    const extra: RuntimeStrings = { ...strings("zh-cn").runtime, notInEnglish: "x" };
    // @ts-expect-error a site key English does not have
    const extraSite: Pick<Strings, "nav.lessons"> = { "nav.lessons": "课程", "nav.other": "x" };
    expect([missing, extra, extraSite]).toHaveLength(3);
  });

  it("zh-cn is actually translated", () => {
    expect(strings("zh-cn")["nav.lessons"]).not.toBe(strings("en")["nav.lessons"]);
    expect(strings("zh-cn")["progress.summary"]).toMatch(/[\u4e00-\u9fff]/);
    expect(strings("zh-cn").playground.run).toBe("运行");
    expect(strings("zh-cn").avio.missing.noneScored).toMatch(/[\u4e00-\u9fff]/);
  });

  it("formats site templates and refuses missing values", () => {
    expect(useTranslations("en")("progress.summary", { read: 1, total: 2 })).toBe("1 of 2 lessons read");
    expect(format("Lesson {n}", { n: 3 })).toBe("Lesson 3");
    expect(() => format("Lesson {n}")).toThrow(/\{n\}/);
  });
});

describe("plurals", () => {
  const forms = { one: "seek", other: "seeks" };

  it("English picks one for 1 and other for 0, 2 and 1.5 (Intl.PluralRules)", () => {
    expect([0, 1, 2, 1.5, 21].map((n) => plural("en", n, forms))).toEqual([
      "seeks",
      "seek",
      "seeks",
      "seeks",
      "seeks",
    ]);
  });

  it("Chinese has only other", () => {
    expect([0, 1, 2].map((n) => plural("zh-cn", n, { one: "一", other: "个" }))).toEqual(["个", "个", "个"]);
  });

  it("messages count in words through them", () => {
    const en = strings("en");
    expect(en.views.diagnostics.log(1)).toBe("FFmpeg log (1 line)");
    expect(en.views.diagnostics.log(2)).toBe("FFmpeg log (2 lines)");
    expect(en.views.byteMap.nothingRead(1)).toBe("Nothing was read; 1 seek.");
    expect(en.views.byteMap.nothingRead(0)).toBe("Nothing was read; 0 seeks.");
    expect(en.exercises.report.summary(1, { pass: 1, fail: 0, error: 0 })).toMatch(/^1 submission:/);
    expect(strings("zh-cn").views.diagnostics.log(1)).toBe("FFmpeg 日志（1 行）");
  });
});

/** Source files under src, learner modules and lesson texts aside. */
function sources(dir = join(root, "src")): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === "_code" ? [] : sources(path);
    return /\.(ts|astro|mjs)$/.test(name) ? [relative(root, path)] : [];
  });
}

/** Where per-language tables belong: the catalogue, and the list of locales itself. */
const CATALOGUE = /^src\/(i18n\/(en|zh-cn)(\.ts|\/)|i18n\/(index|locales)\.ts$|avio\/messages\/)/;
/**
 * Content, not UI words: an exercise's own texts are written in every language beside the exercise,
 * as a lesson is (hints, test names, Text params; exercises/messages.ts defines Text), and a page
 * picks its per-language MDX (TeachView.astro).
 */
const CONTENT = /^src\/(exercises\/([\w-]+\/|messages\.ts$)|views\/TeachView\.astro$)/;

describe("one place for translations", () => {
  const files = sources();

  it("finds the sources it scans", () => {
    expect(files).toContain("src/playground/controller.ts");
    expect(files).toContain("src/i18n/zh-cn/views.ts");
  });

  it("no object keyed by both en and zh-cn outside the catalogue", () => {
    const tables = files
      .filter((f) => !CATALOGUE.test(f) && !CONTENT.test(f))
      .filter((f) => {
        const s = readFileSync(join(root, f), "utf8");
        return /["']zh-cn["']\s*:/.test(s) && /(^|[{,\s])["']?en["']?\s*[:,}]/m.test(s);
      });
    expect(tables).toEqual([]);
  });

  it("the scan finds a table", () => {
    const s = 'const t = { en: "Run", "zh-cn": "运行" };';
    expect(/["']zh-cn["']\s*:/.test(s) && /(^|[{,\s])["']?en["']?\s*[:,}]/m.test(s)).toBe(true);
  });

  it("no hand-written plural (n === 1 ? …) anywhere in src", () => {
    const handWritten = /[!=]==?\s*1\s*\?\s*["'`]/;
    const found = files.filter((f) => handWritten.test(readFileSync(join(root, f), "utf8")));
    expect(found).toEqual([]);
    expect(handWritten.test('`${n} ${n === 1 ? "line" : "lines"}`')).toBe(true);
  });

  it("plural rules are consulted in one place, plural()", () => {
    const found = files.filter(
      (f) =>
        f !== "src/i18n/plural.ts" && readFileSync(join(root, f), "utf8").includes("new Intl.PluralRules"),
    );
    expect(found).toEqual([]);
  });
});
