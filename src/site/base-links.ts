/**
 * Sätteri hast plugin (markdown.processor in astro.config.mjs): a root-relative link or image in
 * a lesson, a statement or /teach/ (`[seek](/lessons/seek/)`) gets the site's base, so content
 * keeps writing site paths and works under SITE_BASE as at the root.
 */
import { withBase } from "./paths.ts";

interface Node {
  tagName: string;
  properties?: Record<string, unknown>;
}

/** `/lessons/x/` → `/course/lessons/x/`; other URLs (`//host`, `https:`, `#id`, relative) as they are. */
export function rebase(url: unknown, base: string): unknown {
  return typeof url === "string" && url.startsWith("/") && !url.startsWith("//") ? withBase(url, base) : url;
}

export function baseLinksPlugin(base: string) {
  return () =>
    base
      ? {
          name: "base-links",
          element: {
            filter: ["a", "img", "source", "video", "audio"],
            visit(node: Node, visitor: { setProperty(node: unknown, key: string, value: unknown): void }) {
              const key = node.tagName === "a" ? "href" : "src";
              const url = node.properties?.[key];
              const rebased = rebase(url, base);
              if (rebased !== url) visitor.setProperty(node, key, rebased);
            },
          },
        }
      : null;
}
