import { describe, expect, it } from "vitest";
import type { LessonData } from "../../src/lessons/schema.ts";
import {
  LessonCollectionError,
  lessonsInOrder,
  localesWithSlug,
  neighbours,
  parseLessonId,
  toRef,
  type LessonEntryLike,
} from "../../src/site/lessons.ts";

function lesson(id: string, order: number, data: Partial<LessonData> = {}): LessonEntryLike {
  const lang = id.split("/")[0] as LessonData["lang"];
  return { id, data: { title: id, order, summary: "s", params: [], lang, ...data } };
}

const entries = [
  lesson("en/parameters", 2),
  lesson("zh-cn/memory-io", 1),
  lesson("en/memory-io", 1),
  lesson("en/seek", 9),
];

describe("lessons", () => {
  it("splits ids into locale and slug", () => {
    expect(parseLessonId(lesson("zh-cn/buffer-size", 3))).toEqual({ locale: "zh-cn", slug: "buffer-size" });
  });

  it("rejects files outside a locale folder", () => {
    expect(() => parseLessonId(lesson("memory-io", 1, { lang: "en" }))).toThrow(
      /src\/lessons\/<lang>\/<slug>\.mdx/,
    );
    expect(() => parseLessonId({ ...lesson("en/x", 1), id: "fr/x" })).toThrow(LessonCollectionError);
  });

  it("rejects a lang that disagrees with the folder, saying how to fix it", () => {
    const wrong = {
      ...lesson("zh-cn/memory-io", 1),
      data: { ...lesson("zh-cn/memory-io", 1).data, lang: "en" as const },
    };
    expect(() => parseLessonId(wrong)).toThrow(
      /lang: en but the file is in src\/lessons\/zh-cn\/.*Set lang: zh-cn/,
    );
  });

  it("orders one locale by order and leaves the other out", () => {
    expect(lessonsInOrder(entries, "en").map((e) => e.id)).toEqual([
      "en/memory-io",
      "en/parameters",
      "en/seek",
    ]);
    expect(lessonsInOrder(entries, "zh-cn").map((e) => e.id)).toEqual(["zh-cn/memory-io"]);
  });

  it("refuses two lessons at the same position", () => {
    expect(() => lessonsInOrder([...entries, lesson("en/buffer", 2)], "en")).toThrow(/both have order: 2/);
    // The same order in different locales is expected (translations).
    expect(() => lessonsInOrder(entries, "en")).not.toThrow();
  });

  it("finds previous and next lessons", () => {
    const ordered = lessonsInOrder(entries, "en");
    expect(neighbours(ordered, "memory-io")).toMatchObject({
      prev: undefined,
      next: { id: "en/parameters" },
    });
    expect(neighbours(ordered, "parameters")).toMatchObject({
      prev: { id: "en/memory-io" },
      next: { id: "en/seek" },
    });
    expect(neighbours(ordered, "seek").next).toBeUndefined();
    expect(() => neighbours(ordered, "nope")).toThrow(/nope/);
  });

  it("knows which locales translate a lesson", () => {
    expect(localesWithSlug(entries, "memory-io").sort()).toEqual(["en", "zh-cn"]);
    expect(localesWithSlug(entries, "seek")).toEqual(["en"]);
  });

  it("makes plain references for navigation", () => {
    expect(toRef(lesson("en/seek", 9, { title: "Seek" }))).toEqual({
      slug: "seek",
      locale: "en",
      title: "Seek",
      order: 9,
    });
  });
});
