import { describe, expect, it } from "vitest";
import { activeHeadingIndex, buildToc } from "../../src/site/toc.ts";

const h = (depth: number, slug: string) => ({ depth, slug, text: slug.toUpperCase() });

describe("table of contents", () => {
  it("nests h3 under the preceding h2 and drops h1 and h4+", () => {
    const toc = buildToc([h(1, "title"), h(2, "a"), h(3, "a1"), h(4, "deep"), h(3, "a2"), h(2, "b")]);
    expect(toc.map((i) => i.slug)).toEqual(["a", "b"]);
    expect(toc[0]!.children.map((i) => i.slug)).toEqual(["a1", "a2"]);
    expect(toc[1]!.children).toEqual([]);
  });

  it("keeps an h3 that comes before any h2 at the top level", () => {
    expect(buildToc([h(3, "early"), h(2, "a")]).map((i) => i.slug)).toEqual(["early", "a"]);
  });

  it("is empty for a page without sections", () => {
    expect(buildToc([h(1, "title")])).toEqual([]);
  });
});

describe("active section", () => {
  it("is the last heading above the reading line", () => {
    expect(activeHeadingIndex([300, 900, 1500], 250)).toBe(-1);
    expect(activeHeadingIndex([-400, 200, 900], 250)).toBe(1);
    expect(activeHeadingIndex([-900, -400, -10], 250)).toBe(2);
    expect(activeHeadingIndex([], 250)).toBe(-1);
  });
});
