// Takes a lesson's MDX apart into what a translation must keep (imports, components and their
// props, code, outline, numbers) and what it translates (prose). Used by the parity test.
import { markdownHeadings } from "../../src/site/heading-ids.ts";

export interface Element {
  name: string;
  /** prop name → source text of its value (`"…"`, `'…'` or `{…}`); bare props map to "true". */
  props: Record<string, string>;
}

export interface CodeBlock {
  lang: string;
  meta: string;
  code: string;
}

export function frontmatter(mdx: string): Record<string, string> {
  const block = /^---\n([\s\S]*?)\n---/.exec(mdx)?.[1] ?? "";
  return Object.fromEntries(
    [...block.matchAll(/^([\w-]+):\s*(.*)$/gm)].map((m) => [
      m[1]!,
      m[2]!.trim().replace(/^(['"])(.*)\1$/, "$2"),
    ]),
  );
}

export function body(mdx: string): string {
  return mdx.replace(/^---\n[\s\S]*?\n---\n/, "");
}

export function imports(mdx: string): string[] {
  return [...body(mdx).matchAll(/^import .+$/gm)].map((m) => m[0].trim());
}

/** Index just past a quoted string or template literal that starts at `i`. */
function skipString(src: string, i: number): number {
  const quote = src[i]!;
  for (let j = i + 1; j < src.length; j++) {
    if (src[j] === "\\") j++;
    else if (src[j] === quote) return j + 1;
  }
  throw new Error(`unterminated ${quote} at ${i}`);
}

/** Index just past the `{…}` expression that starts at `i`, honouring strings inside it. */
function skipBraces(src: string, i: number): number {
  let depth = 0;
  for (let j = i; j < src.length; ) {
    const c = src[j]!;
    if (c === '"' || c === "'" || c === "`") j = skipString(src, j);
    else {
      if (c === "{") depth++;
      if (c === "}" && --depth === 0) return j + 1;
      j++;
    }
  }
  throw new Error(`unbalanced { at ${i}`);
}

/** Every `<Name …/>` or `<Name …>` JSX element of these names, in document order. */
export function elements(mdx: string, names: readonly string[]): Element[] {
  const src = body(mdx);
  const found: Element[] = [];
  const open = new RegExp(`<(${names.join("|")})\\b`, "g");
  for (let m = open.exec(src); m; m = open.exec(src)) {
    const props: Record<string, string> = {};
    let i = m.index + m[0].length;
    for (;;) {
      while (/\s/.test(src[i]!)) i++;
      if (src.startsWith("/>", i) || src[i] === ">") break;
      const name = /^[\w-]+/.exec(src.slice(i))?.[0];
      if (!name) throw new Error(`cannot read the props of <${m[1]}> near “${src.slice(i, i + 40)}”`);
      i += name.length;
      if (src[i] !== "=") {
        props[name] = "true";
        continue;
      }
      i++;
      const end = src[i] === "{" ? skipBraces(src, i) : skipString(src, i);
      props[name] = src.slice(i, end);
      i = end;
    }
    found.push({ name: m[1]!, props });
    open.lastIndex = i;
  }
  return found;
}

export function codeBlocks(mdx: string): CodeBlock[] {
  return [...body(mdx).matchAll(/^```(\S*)[ \t]*(.*)\n([\s\S]*?)^```\s*$/gm)].map((m) => ({
    lang: m[1]!,
    meta: m[2]!.trim(),
    code: m[3]!,
  }));
}

const C_LIKE = new Set(["c", "ts", "typescript", "js", "javascript", "tsx"]);

/** Code with comments removed (they may be translated), one entry per line, trailing space trimmed. */
export function codeWithoutComments(code: string, lang = "c"): string[] {
  const text = C_LIKE.has(lang)
    ? code.replace(/\/\*[\s\S]*?\*\//g, (c) => c.replace(/[^\n]/g, "")).replace(/(^|\s)\/\/.*$/gm, "$1")
    : code;
  return text.split("\n").map((l) => l.trimEnd());
}

/** A `{`…`}` prop holding one template literal (CodeCompare's c/ts) → its code. */
export function templateCode(prop: string | undefined): string {
  return /^\{\s*`([\s\S]*)`\s*\}$/.exec(prop ?? "")?.[1] ?? prop ?? "";
}

export function outline(mdx: string): number[] {
  return markdownHeadings(mdx).map((h) => h.depth);
}

export interface SelfCheckShape {
  options: number;
  correct: number;
}

/** Per question: how many options, and which one is correct. */
export function selfCheckShape(mdx: string): SelfCheckShape[] {
  const block = /<SelfCheck[\s\S]*?\/>\n/.exec(body(mdx))?.[0] ?? "";
  return block
    .split(/\{\s*q:/)
    .slice(1)
    .map((q) => {
      const options = q.split(/\{\s*text:/).slice(1);
      return { options: options.length, correct: options.findIndex((o) => /correct:\s*true/.test(o)) };
    });
}

/**
 * Numbers of three or more digits in the prose (code blocks and playground props removed, thousands
 * separators dropped): measured figures the translation must state too.
 */
export function proseNumbers(mdx: string): Set<string> {
  const prose = body(mdx)
    .replace(/^```[\s\S]*?^```\s*$/gm, "")
    .replace(/<(Playground|CodeCompare)\b[\s\S]*?\/>/g, "")
    .replace(/^import .+$/gm, "")
    .replace(/\]\([^)]*\)/g, "]");
  return new Set(
    [...prose.matchAll(/\d[\d,]*(?:\.\d+)?/g)]
      .map((m) => m[0].replace(/,(?=\d{3})/g, "").replace(/,$/, ""))
      .filter((n) => n.replace(/\D/g, "").length >= 3),
  );
}

/** Internal links (`/lessons/…`, `/exercises/…`, `/zh-cn/…`) in document order. */
export function siteLinks(mdx: string): string[] {
  return [...body(mdx).matchAll(/\]\((\/[^)\s]*)\)|href=["'](\/[^"']*)["']/g)].map((m) => m[1] ?? m[2]!);
}
