/**
 * Build-time code helpers shared by Markdown code fences (via astro.config.mjs) and
 * <CodeCompare>: line highlights and the wrapper that the copy button attaches to.
 */
import type { ShikiTransformer, ThemeRegistration } from "shiki";
import { bundledThemes } from "shiki/themes";

/**
 * GitHub's light theme with darker comments: its #6e7781 is 4.5:1 on white but falls below
 * WCAG AA on a highlighted line. #57606a keeps about 5.8:1 there.
 */
async function lightTheme(): Promise<ThemeRegistration> {
  const base = (await bundledThemes["github-light-default"]()).default;
  const isComment = (scope: unknown) =>
    [scope].flat().some((s) => typeof s === "string" && s.startsWith("comment"));
  return {
    ...base,
    name: "workbook-light",
    tokenColors: base.tokenColors?.map((rule) =>
      isComment(rule.scope) ? { ...rule, settings: { ...rule.settings, foreground: LIGHT_COMMENT } } : rule,
    ),
  };
}
export const LIGHT_COMMENT = "#57606a";

/** Shiki themes for the two site themes; CSS picks one with light-dark(). */
export const CODE_THEMES = { light: await lightTheme(), dark: "github-dark-default" } as const;

/** Parses a line list like `1,3-5` into sorted, unique 1-based line numbers. */
export function parseLineRanges(spec: string): number[] {
  const lines = new Set<number>();
  for (const part of spec
    .split(",")
    .map((p) => p.trim())
    .filter(Boolean)) {
    const match = /^(\d+)(?:\s*-\s*(\d+))?$/.exec(part);
    if (!match) throw new Error(`Bad line range "${part}" in "${spec}": use forms like 2 or 4-6.`);
    const from = Number(match[1]);
    const to = match[2] === undefined ? from : Number(match[2]);
    if (from < 1 || to < from)
      throw new Error(`Bad line range "${part}" in "${spec}": lines start at 1 and go up.`);
    for (let n = from; n <= to; n++) lines.add(n);
  }
  return [...lines].sort((a, b) => a - b);
}

/** Lines named in a code fence's meta string: ```c {2,4-5} */
export function linesFromMeta(meta: string | undefined): number[] {
  const match = meta ? /\{([^}]*)\}/.exec(meta) : null;
  return match ? parseLineRanges(match[1]!) : [];
}

/** Normalises highlight props: `[2, 3]`, `"2,4-6"` or nothing. */
export function toLineList(value: readonly number[] | string | undefined): number[] {
  if (value === undefined) return [];
  if (typeof value === "string") return parseLineRanges(value);
  return parseLineRanges(value.join(","));
}

// Astro's <Code> passes meta as { __raw }, the Sätteri Markdown pipeline as a plain string.
function rawMeta(meta: unknown): string | undefined {
  if (typeof meta === "string") return meta;
  if (meta && typeof meta === "object" && "__raw" in meta && typeof meta.__raw === "string")
    return meta.__raw;
  return undefined;
}

/** Adds class `highlighted` to the given lines, or to the lines named in the fence's meta. */
export function lineHighlight(explicit?: readonly number[]): ShikiTransformer {
  return {
    name: "avio-workbook:line-highlight",
    line(node, line) {
      const lines = explicit ?? linesFromMeta(rawMeta(this.options.meta));
      if (lines.includes(line)) this.addClassToHast(node, "highlighted");
    },
  };
}

/**
 * Wraps each <pre> in `div.code-block`, the positioning box for its copy button. A one-line block
 * is marked `data-one-line`: its only line would scroll under the button on a phone, so the CSS
 * keeps the button beside the code instead of over it.
 */
export function codeBlockFrame(): ShikiTransformer {
  return {
    name: "avio-workbook:code-block-frame",
    root(root) {
      const oneLine = !this.source.replace(/\n+$/, "").includes("\n");
      root.children = [
        {
          type: "element",
          tagName: "div",
          properties: {
            className: ["code-block"],
            "data-language": this.options.lang,
            ...(oneLine ? { "data-one-line": "" } : {}),
          },
          children: root.children as never,
        },
      ];
    },
  };
}

/** Strips the indentation shared by all non-blank lines and the blank first/last lines. */
export function dedent(text: string): string {
  const lines = text.replace(/\t/g, "    ").split("\n");
  while (lines.length > 0 && lines[0]!.trim() === "") lines.shift();
  while (lines.length > 0 && lines[lines.length - 1]!.trim() === "") lines.pop();
  const indents = lines.filter((l) => l.trim() !== "").map((l) => /^ */.exec(l)![0].length);
  const cut = indents.length > 0 ? Math.min(...indents) : 0;
  return lines.map((l) => l.slice(cut)).join("\n");
}
