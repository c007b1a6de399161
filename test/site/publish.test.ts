// A copy under a path: content links get the base, search results link only to this site's pages,
// the service worker's manifest covers every built file (Pagefind's included), and the course's
// name comes from one place.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { baseLinksPlugin, rebase } from "../../src/site/base-links.ts";
import { courseTitle } from "../../src/site/course.ts";
import { safeResult } from "../../src/site/search-client.ts";
import { buildManifest, writeManifest } from "../../scripts/sw-manifest.ts";

describe("content links under a base", () => {
  it("rebases root-relative links only", () => {
    expect(rebase("/lessons/seek/#x", "/course")).toBe("/course/lessons/seek/#x");
    expect(rebase("//cdn.example/x", "/course")).toBe("//cdn.example/x");
    expect(rebase("https://ffmpeg.org/", "/course")).toBe("https://ffmpeg.org/");
    expect(rebase("#never-return-0", "/course")).toBe("#never-return-0");
    expect(rebase("../seek/", "/course")).toBe("../seek/");
  });

  it("is no plugin at all at the root, and sets href/src under a base", () => {
    expect(baseLinksPlugin("")()).toBeNull();
    const plugin = baseLinksPlugin("/course")()!;
    const set: [string, unknown][] = [];
    const visitor = { setProperty: (_n: unknown, k: string, v: unknown) => set.push([k, v]) };
    plugin.element.visit({ tagName: "a", properties: { href: "/zh-cn/lessons/seek/" } }, visitor);
    plugin.element.visit({ tagName: "img", properties: { src: "/favicon.svg" } }, visitor);
    plugin.element.visit({ tagName: "a", properties: { href: "https://x.example/" } }, visitor);
    expect(set).toEqual([
      ["href", "/course/zh-cn/lessons/seek/"],
      ["src", "/course/favicon.svg"],
    ]);
  });
});

describe("search results link only to this site", () => {
  const origin = "https://teacher.example";
  it("keeps this site's URLs and replaces anything else with the home page", () => {
    const poisoned = {
      url: "/course/lessons/seek/",
      meta: { title: "Seek", url: "javascript:alert(document.cookie)", image: "https://evil.example/x.png" },
      sub_results: [
        { url: "/course/lessons/seek/#return-value", title: "ok" },
        { url: "https://evil.example/phish", title: "away" },
        { url: "//evil.example/course/", title: "protocol-relative" },
      ],
    };
    const safe = safeResult(poisoned, origin, "/course");
    expect(safe.url).toBe("/course/lessons/seek/");
    expect(safe.meta).toEqual({ title: "Seek", url: "/course/" });
    expect(safe.sub_results!.map((s) => s.url)).toEqual([
      "/course/lessons/seek/#return-value",
      "/course/",
      "/course/",
    ]);
    expect(safeResult({ url: { toString: () => "/x" } }, origin, "").url).toBe("/");
    expect(safeResult({ url: "/other-copy/lessons/x/" }, origin, "/course").url).toBe("/course/");
  });
});

describe("the service worker's manifest", () => {
  it("hashes every built file, Pagefind's index and fragments included, and refuses to run before Pagefind", () => {
    const dist = mkdtempSync(join(tmpdir(), "sw-manifest-"));
    writeFileSync(join(dist, "sw.js"), "const MANIFEST = null;\n");
    writeFileSync(join(dist, "index.html"), "<h1>hi</h1>");
    expect(() => writeManifest(dist)).toThrow(/run pagefind before sw-manifest/);
    mkdirSync(join(dist, "pagefind", "fragment"), { recursive: true });
    for (const f of [
      "pagefind-entry.json",
      "pagefind.js",
      "pagefind-ui.css",
      "wasm.en.pagefind",
      "x.pf_meta",
    ])
      writeFileSync(join(dist, "pagefind", f), f);
    writeFileSync(join(dist, "pagefind", "fragment", "en_1.pf_fragment"), "fragment");
    mkdirSync(join(dist, "media"));
    writeFileSync(join(dist, "media", "a.flac"), "fLaC");
    expect(Object.keys(buildManifest(dist))).toEqual([
      "/index.html",
      "/media/a.flac",
      "/pagefind/fragment/en_1.pf_fragment",
      "/pagefind/pagefind-entry.json",
      "/pagefind/pagefind-ui.css",
      "/pagefind/pagefind.js",
      "/pagefind/wasm.en.pagefind",
      "/pagefind/x.pf_meta",
    ]);
    expect(writeManifest(dist)).toBe(8);
    expect(readFileSync(join(dist, "sw.js"), "utf8")).toMatch(
      /^const MANIFEST = \{"\/index\.html":"[^"]+=",/,
    );
  });
});

describe("the course's name", () => {
  it("is the workbook's own unless the fork names its course", () => {
    expect(courseTitle("en")).toBe("AVIO Workbook");
    expect(courseTitle("zh-cn")).toBe("AVIO 练习册");
    expect(courseTitle("en", { en: "Media I/O 2027" })).toBe("Media I/O 2027");
    expect(courseTitle("zh-cn", { en: "Media I/O 2027" })).toBe("AVIO 练习册");
  });
});
