// The YAML block at the top of an MDX file, read the way Astro reads it (a YAML parser, not a regex).
import { parse } from "yaml";

/** The frontmatter's fields, or undefined when the file has no `---` block at the top. */
export function frontmatter(mdx: string): Record<string, unknown> | undefined {
  const block = /^---\r?\n([\s\S]*?)\r?\n---/.exec(mdx)?.[1];
  if (block === undefined) return undefined;
  const data: unknown = parse(block);
  return data && typeof data === "object" ? (data as Record<string, unknown>) : {};
}
