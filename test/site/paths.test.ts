import { describe, expect, it } from "vitest";
import {
  assetPath,
  BASE,
  exercisePath,
  exercisesPath,
  homePath,
  isSiteUrl,
  lessonPath,
  normalizeBase,
  splitLocale,
  switchLocale,
  withBase,
  withoutBase,
} from "../../src/site/paths.ts";

describe("paths", () => {
  it("serves English without a prefix and Chinese under /zh-cn/", () => {
    expect(homePath("en")).toBe("/");
    expect(homePath("zh-cn")).toBe("/zh-cn/");
    expect(lessonPath("en", "seek")).toBe("/lessons/seek/");
    expect(lessonPath("zh-cn", "seek")).toBe("/zh-cn/lessons/seek/");
    expect(exercisesPath("zh-cn")).toBe("/zh-cn/exercises/");
    expect(exercisePath("en", "eof")).toBe("/exercises/eof/");
  });

  it("splits a pathname into locale and rest", () => {
    expect(splitLocale("/zh-cn/lessons/seek/")).toEqual({ locale: "zh-cn", rest: "/lessons/seek/" });
    expect(splitLocale("/zh-cn")).toEqual({ locale: "zh-cn", rest: "/" });
    expect(splitLocale("/lessons/seek/")).toEqual({ locale: "en", rest: "/lessons/seek/" });
    // A path that merely starts with the same letters is not Chinese.
    expect(splitLocale("/zh-cnx/")).toEqual({ locale: "en", rest: "/zh-cnx/" });
  });

  it("switches language and keeps the page", () => {
    expect(switchLocale("/lessons/seek/", "zh-cn")).toBe("/zh-cn/lessons/seek/");
    expect(switchLocale("/zh-cn/lessons/seek/", "en")).toBe("/lessons/seek/");
    expect(switchLocale("/", "zh-cn")).toBe("/zh-cn/");
    expect(switchLocale("/zh-cn/", "en")).toBe("/");
    expect(switchLocale(switchLocale("/exercises/", "zh-cn"), "en")).toBe("/exercises/");
  });
});

describe("paths under a base (SITE_BASE)", () => {
  it("normalises the base: one leading slash, no trailing one, empty at the root", () => {
    expect(normalizeBase("/")).toBe("");
    expect(normalizeBase(undefined)).toBe("");
    expect(normalizeBase("/course/")).toBe("/course");
    expect(normalizeBase("course")).toBe("/course");
    expect(normalizeBase("//a/b//")).toBe("/a/b");
  });

  it("puts the base in front of site paths and takes it off again", () => {
    expect(withBase("/lessons/seek/", "/course")).toBe("/course/lessons/seek/");
    expect(withBase("/", "/course")).toBe("/course/");
    expect(withBase("sw.js", "/course")).toBe("/course/sw.js");
    expect(withoutBase("/course/lessons/seek/", "/course")).toBe("/lessons/seek/");
    expect(withoutBase("/course", "/course")).toBe("/");
    expect(withoutBase("/courses/x/", "/course")).toBeUndefined();
    expect(withoutBase("/other/", "/course")).toBeUndefined();
    expect(withoutBase("/lessons/x/", "")).toBe("/lessons/x/");
  });

  it("switches language under the base", () => {
    expect(switchLocale("/course/lessons/seek/", "zh-cn", "/course")).toBe("/course/zh-cn/lessons/seek/");
    expect(switchLocale("/course/zh-cn/", "en", "/course")).toBe("/course/");
  });

  it("knows this site's URLs: same origin, http(s), under the base", () => {
    const origin = "https://teacher.example";
    expect(isSiteUrl("/course/lessons/seek/#x", origin, "/course")).toBe(true);
    expect(isSiteUrl("https://teacher.example/course/", origin, "/course")).toBe(true);
    expect(isSiteUrl("/other/", origin, "/course")).toBe(false);
    expect(isSiteUrl("javascript:alert(1)", origin, "/course")).toBe(false);
    expect(isSiteUrl("//evil.example/course/", origin, "/course")).toBe(false);
    expect(isSiteUrl("https://evil.example/course/", origin, "/course")).toBe(false);
    expect(isSiteUrl("data:text/html,x", origin, "")).toBe(false);
  });

  it("keeps the built-in base at the root in unit tests (SITE_BASE unset)", () => {
    expect(BASE).toBe("");
    expect(homePath("en")).toBe("/");
    expect(assetPath("pagefind/")).toBe("/pagefind/");
  });
});
