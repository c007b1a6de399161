// The course order of issue 14: nothing is used before it is taught. Probing is explained in
// opening before any lesson relies on it, read_packet before the buffer internals it drives,
// seek before write_packet (whose trailer seeks), and the capstone comes last.
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { LOCALES } from "../../src/i18n/locales.ts";
import { frontmatter } from "./mdx-parts.ts";

const ORDER = [
  "memory-io",
  "parameters",
  "opening",
  "read-packet",
  "opaque",
  "buffer",
  "buffer-size",
  "seek",
  "app-seek",
  "write-flag",
  "write-packet",
  "mp4-output",
  "streaming",
  "lifecycle",
  "avio-decode-audio",
  "beyond",
  "versions",
  "transcode",
];

describe("course order", () => {
  for (const locale of LOCALES) {
    it(`${locale}: lessons in the taught-before-used order`, () => {
      const dir = new URL(`../../src/lessons/${locale}/`, import.meta.url);
      const lessons = readdirSync(dir)
        .filter((f) => f.endsWith(".mdx"))
        .map((f) => ({
          slug: f.replace(/\.mdx$/, ""),
          order: Number(frontmatter(readFileSync(new URL(f, dir), "utf8")).order),
        }))
        .sort((a, b) => a.order - b.order);
      expect(lessons.map((l) => l.slug)).toEqual(ORDER);
    });
  }

  it("probing is explained in one place: the other lessons link to opening instead of restating the loop", () => {
    const dir = new URL("../../src/lessons/en/", import.meta.url);
    for (const f of readdirSync(dir).filter((f) => f.endsWith(".mdx") && f !== "opening.mdx")) {
      const mdx = readFileSync(new URL(f, dir), "utf8");
      // The doubling loop (2,048 → 4,096 → … → 1 MiB) is opening's to explain.
      expect(mdx, f).not.toMatch(/doubl\w+[^.]*(PROBE_BUF_MAX|1 MiB|formatprobesize)/);
    }
  });
});
