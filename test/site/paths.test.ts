import { describe, expect, it } from "vitest";
import {
  exercisePath,
  exercisesPath,
  homePath,
  lessonPath,
  splitLocale,
  switchLocale,
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
