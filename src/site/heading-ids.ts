/**
 * A translated lesson keeps the English lesson's heading ids, section by section, so that
 * `#never-return-0` (diagnostic links, cross-links, the language switcher) lands on the same
 * section in every language. The translation-parity test makes sure the sections line up.
 */
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import GithubSlugger from "github-slugger";

export interface SourceHeading {
  depth: number;
  text: string;
}

/** ATX headings of an MDX source, outside code fences, with inline markup reduced to its text. */
export function markdownHeadings(source: string): SourceHeading[] {
  const headings: SourceHeading[] = [];
  let fence: string | undefined;
  for (const line of source.replace(/^---\n[\s\S]*?\n---\n/, "").split("\n")) {
    const marker = /^\s*(`{3,}|~{3,})/.exec(line)?.[1];
    if (marker) {
      if (!fence) fence = marker;
      else if (marker.startsWith(fence)) fence = undefined;
      continue;
    }
    if (fence) continue;
    const m = /^(#{1,6})\s+(.+?)\s*#*\s*$/.exec(line);
    if (m) headings.push({ depth: m[1]!.length, text: inlineText(m[2]!) });
  }
  return headings;
}

function inlineText(markdown: string): string {
  return markdown
    .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/`([^`]*)`/g, "$1")
    .replace(/(\*\*|__|\*)(.+?)\1/g, "$2");
}

/** The ids Astro gives these headings (github-slugger, in document order). */
export function headingIds(source: string): { depth: number; id: string }[] {
  const slugger = new GithubSlugger();
  return markdownHeadings(source).map((h) => ({ depth: h.depth, id: slugger.slug(h.text) }));
}

/**
 * `…/src/lessons/zh-cn/seek.mdx` → `…/src/lessons/en/seek.mdx`, and a page's text beside its view,
 * `…/src/views/teach/zh-cn.mdx` → `…/src/views/teach/en.mdx`; undefined for English files.
 */
export function englishCounterpart(path: string): string | undefined {
  const lesson = /^(.*[\\/]src[\\/]lessons[\\/])([\w-]+)([\\/][^\\/]+\.mdx)$/.exec(path);
  if (lesson) return lesson[2] === "en" ? undefined : `${lesson[1]}en${lesson[3]}`;
  const view = /^(.*[\\/]src[\\/]views[\\/][\w-]+[\\/])([\w-]+)\.mdx$/.exec(path);
  if (view) return view[2] === "en" ? undefined : `${view[1]}en.mdx`;
  return undefined;
}

/**
 * The English ids for a translated lesson's headings, or undefined when there is nothing to map:
 * an English file, no English counterpart, or outlines that differ (a translation in progress;
 * the parity test reports it instead of breaking everyone's build).
 */
export function translatedHeadingIds(path: string, source: string): string[] | undefined {
  const english = englishCounterpart(path);
  if (!english || !existsSync(english)) return undefined;
  const ids = headingIds(readFileSync(english, "utf8"));
  const own = markdownHeadings(source);
  if (ids.length !== own.length || own.some((h, i) => h.depth !== ids[i]!.depth)) return undefined;
  return ids.map((h) => h.id);
}

/** Sätteri hast plugin (markdown.processor in astro.config.mjs): heading n gets English id n. */
export function translatedHeadingIdsPlugin(ctx: { fileURL: URL | undefined; source: string }) {
  const ids = ctx.fileURL && translatedHeadingIds(fileURLToPath(ctx.fileURL), ctx.source);
  if (!ids) return null;
  let next = 0;
  return {
    name: "translated-heading-ids",
    element: {
      filter: ["h1", "h2", "h3", "h4", "h5", "h6"],
      visit(node: unknown, visitor: { setProperty(node: unknown, key: string, value: unknown): void }) {
        const id = ids[next++];
        if (id !== undefined) visitor.setProperty(node, "id", id);
      },
    },
  };
}

/**
 * The title, in a translation's words, of the section `id` names: the heading with that English
 * id, or the heading right after an explicit `<span id="…">` anchor. Undefined if there is none.
 */
export function sectionTitle(englishSource: string, source: string, id: string): string | undefined {
  let index = headingIds(englishSource).findIndex((h) => h.id === id);
  if (index < 0) {
    const at = englishSource.indexOf(`<span id="${id}"`);
    if (at < 0) return undefined;
    index = markdownHeadings(englishSource.slice(0, at)).length;
  }
  return markdownHeadings(source)[index]?.text;
}
