import { describe, expect, it } from "vitest";
import { AVIO_PARAMS, lessonSchema } from "../../src/lessons/schema.ts";

const valid = {
  title: "Memory I/O: why and when",
  order: 1,
  summary: "Why and when.",
  params: ["buffer", "read_packet"],
  lang: "en",
};

function messages(input: unknown): string[] {
  const result = lessonSchema.safeParse(input);
  if (result.success) return [];
  return result.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
}

describe("lesson frontmatter schema", () => {
  it("accepts a complete lesson and keeps its values", () => {
    expect(lessonSchema.parse(valid)).toEqual(valid);
  });

  it("defaults params to none and lang to en", () => {
    const { params: _p, lang: _l, ...minimal } = valid;
    expect(lessonSchema.parse(minimal)).toMatchObject({ params: [], lang: "en" });
  });

  it("lists the seven avio_alloc_context parameters in signature order", () => {
    expect(AVIO_PARAMS).toEqual([
      "buffer",
      "buffer_size",
      "write_flag",
      "opaque",
      "read_packet",
      "write_packet",
      "seek",
    ]);
    expect(lessonSchema.parse({ ...valid, params: [...AVIO_PARAMS] }).params).toHaveLength(7);
  });

  it.each([
    ["missing title", { ...valid, title: undefined }, "title: title is required"],
    ["blank title", { ...valid, title: "   " }, "title: title must not be empty"],
    ["missing order", { ...valid, order: undefined }, "order: order is required"],
    [
      "order as text",
      { ...valid, order: "two" },
      "order: order must be a whole number giving the lesson position",
    ],
    ["title as a number", { ...valid, title: 7 }, "title: title must be text"],
    ["fractional order", { ...valid, order: 1.5 }, "order: order must be a whole number"],
    ["order zero", { ...valid, order: 0 }, "order: order must be 1 or more"],
    ["missing summary", { ...valid, summary: undefined }, "summary: summary is required"],
    [
      "unknown parameter",
      { ...valid, params: ["bufer"] },
      "params.0: params may only list avio_alloc_context parameters",
    ],
    ["repeated parameter", { ...valid, params: ["seek", "seek"] }, "params: params lists a parameter twice"],
    ["unknown language", { ...valid, lang: "fr" }, "lang: lang must be one of: en, zh-cn"],
  ])("rejects %s with a message naming the field", (_name, input, expected) => {
    expect(messages(input).join("\n")).toContain(expected);
  });

  it("rejects unknown keys, which are usually typos", () => {
    const text = messages({ ...valid, sumary: "typo" }).join("\n");
    expect(text).toMatch(/sumary/);
  });
});
