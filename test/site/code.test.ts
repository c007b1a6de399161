import { codeToHtml } from "shiki";
import { describe, expect, it } from "vitest";
import {
  CODE_THEMES,
  LIGHT_COMMENT,
  codeBlockFrame,
  dedent,
  lineHighlight,
  linesFromMeta,
  parseLineRanges,
  toLineList,
} from "../../src/site/code.ts";

describe("line ranges", () => {
  it("parses single lines and ranges, sorted and unique", () => {
    expect(parseLineRanges("4-6, 2,5")).toEqual([2, 4, 5, 6]);
    expect(parseLineRanges("")).toEqual([]);
  });

  it("rejects malformed or backwards ranges", () => {
    expect(() => parseLineRanges("3-1")).toThrow(/lines start at 1 and go up/);
    expect(() => parseLineRanges("0")).toThrow();
    expect(() => parseLineRanges("two")).toThrow(/Bad line range "two"/);
  });

  it("reads {…} from a code fence meta string", () => {
    expect(linesFromMeta("{1,3-4}")).toEqual([1, 3, 4]);
    expect(linesFromMeta('title="x.c" {2}')).toEqual([2]);
    expect(linesFromMeta(undefined)).toEqual([]);
    expect(linesFromMeta('title="x.c"')).toEqual([]);
  });

  it("accepts arrays or strings as component props", () => {
    expect(toLineList([3, 1])).toEqual([1, 3]);
    expect(toLineList("2-3")).toEqual([2, 3]);
    expect(toLineList(undefined)).toEqual([]);
  });
});

describe("dedent", () => {
  it("removes common indentation and blank edges, keeping relative indentation", () => {
    expect(dedent("\n    int a;\n      if (a)\n\n    return;\n  ")).toBe("int a;\n  if (a)\n\nreturn;");
  });
});

describe("shiki transformers", () => {
  const code = "int a;\nint b;\nint c;";
  const highlighted = (html: string) =>
    [...html.matchAll(/<span class="line( highlighted)?">/g)].map((m) => Boolean(m[1]));

  it("highlights lines named in the meta string (Sätteri passes it as a string)", async () => {
    const html = await codeToHtml(code, {
      lang: "c",
      themes: CODE_THEMES,
      defaultColor: false,
      meta: "{2}" as never,
      transformers: [lineHighlight()],
    });
    expect(highlighted(html)).toEqual([false, true, false]);
  });

  it("highlights lines named in { __raw } meta (Astro <Code>)", async () => {
    const html = await codeToHtml(code, {
      lang: "c",
      themes: CODE_THEMES,
      defaultColor: false,
      meta: { __raw: "{1,3}" },
      transformers: [lineHighlight()],
    });
    expect(highlighted(html)).toEqual([true, false, true]);
  });

  it("highlights explicit lines and wraps the block for its copy button", async () => {
    const html = await codeToHtml(code, {
      lang: "ts",
      themes: CODE_THEMES,
      defaultColor: false,
      transformers: [lineHighlight([3]), codeBlockFrame()],
    });
    expect(html.startsWith('<div class="code-block" data-language="ts"><pre')).toBe(true);
    expect(highlighted(html)).toEqual([false, false, true]);
    // Three lines: the copy button may sit over the code's corner.
    expect(html).not.toContain("data-one-line");
    // Both themes present as CSS variables, so the page theme can choose.
    expect(html).toContain("--shiki-light");
    expect(html).toContain("--shiki-dark");
  });

  it("marks a one-line block, so its copy button sits beside the code and not over it", async () => {
    const html = await codeToHtml("npm install && npm run dev\n", {
      lang: "sh",
      themes: CODE_THEMES,
      defaultColor: false,
      transformers: [codeBlockFrame()],
    });
    expect(html.startsWith('<div class="code-block" data-language="sh" data-one-line=""><pre')).toBe(true);
  });

  it("gives comments the darker light-theme colour that stays readable on highlighted lines", async () => {
    const html = await codeToHtml("int a; /* why */", {
      lang: "c",
      themes: CODE_THEMES,
      defaultColor: false,
    });
    expect(html).toMatch(new RegExp(`--shiki-light:${LIGHT_COMMENT}[^>]*> /\\* why`, "i"));
  });
});
