// Every English lesson has the parts the course promises, and every playground code file
// type-checks the way the editor checks it (learner libs, "avio" declarations).
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { typecheck } from "../../src/playground/editor/typecheck.ts";

const LESSONS = new URL("../../src/lessons/en/", import.meta.url);
const CODE = new URL("../../src/lessons/_code/", import.meta.url);

// The overview of the seven parameters is a reference page, not a lesson with exercises.
const OVERVIEWS = new Set(["parameters.mdx"]);

const lessons = readdirSync(LESSONS).filter((f) => f.endsWith(".mdx") && !OVERVIEWS.has(f));

describe("lesson structure", () => {
  for (const file of lessons) {
    const mdx = readFileSync(new URL(file, LESSONS), "utf8");
    const body = mdx.replace(/^---[\s\S]*?---/, "");

    it(`${file}: "What you will learn" near the top`, () => {
      const at = body.indexOf("What you will learn");
      expect(at, "missing a “What you will learn” line").toBeGreaterThanOrEqual(0);
      const firstSection = body.search(/^## /m);
      expect(
        firstSection === -1 || at < firstSection,
        "“What you will learn” must come before the first section",
      ).toBe(true);
    });

    it(`${file}: a "Common mistakes" section`, () => {
      expect(body).toMatch(/^## Common mistakes\s*$/m);
    });

    it(`${file}: at least one playground and a self-check`, () => {
      expect(body).toMatch(/<Playground\b/);
      expect(body).toMatch(/<SelfCheck\b/);
      expect(body).toMatch(/import SelfCheck from '\.\.\/\.\.\/components\/SelfCheck\.astro'/);
    });

    it(`${file}: C beside TypeScript, or at least a C code block`, () => {
      expect(/<CodeCompare\b/.test(body) || /^```c\b/m.test(body)).toBe(true);
    });

    it(`${file}: self-check questions have exactly one correct option and an explanation for each`, () => {
      const block = /<SelfCheck[\s\S]*?\/>\n/.exec(body)?.[0] ?? "";
      const questions = block.split(/\{\s*q:/).slice(1);
      expect(questions.length).toBeGreaterThanOrEqual(2);
      expect(questions.length).toBeLessThanOrEqual(4);
      for (const q of questions) {
        const options = q.match(/\{\s*text:/g) ?? [];
        const whys = q.match(/\bwhy:/g) ?? [];
        expect((q.match(/correct:\s*true/g) ?? []).length).toBe(1);
        expect(whys.length).toBe(options.length);
      }
    });
  }
});

describe("diagnostic links land on headings of these lessons", () => {
  // Anchors that src/avio/diagnostics.ts links to in lessons 1–7.
  const anchors: Record<string, string[]> = {
    "buffer.mdx": ["replaced", "av-malloc"],
    "read-packet.mdx": ["the-contract", "never-return-0", "errors"],
  };
  const slug = (heading: string) =>
    heading
      .trim()
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\s_-]/gu, "")
      .replace(/\s/g, "-");
  for (const [file, ids] of Object.entries(anchors)) {
    it(`${file}: ${ids.join(", ")}`, () => {
      const mdx = readFileSync(new URL(file, LESSONS), "utf8");
      const present = new Set([
        ...[...mdx.matchAll(/^#{2,3} (.+)$/gm)].map((m) => slug(m[1]!)),
        ...[...mdx.matchAll(/\bid="([^"]+)"/g)].map((m) => m[1]!),
      ]);
      for (const id of ids) expect(present, `#${id}`).toContain(id);
    });
  }
  it("the diagnostics still link to exactly these anchors", async () => {
    const src = readFileSync(new URL("../../src/avio/diagnostics.ts", import.meta.url), "utf8");
    const used = new Set([...src.matchAll(/lesson: "((?:buffer|read-packet)#[\w-]+)"/g)].map((m) => m[1]));
    const ours = Object.entries(anchors).flatMap(([f, ids]) =>
      ids.map((id) => `${f.replace(".mdx", "")}#${id}`),
    );
    for (const link of used) expect(ours).toContain(link);
  });
});

describe("playground code type-checks", () => {
  const files = readdirSync(CODE, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .flatMap((d) =>
      readdirSync(new URL(`${d.name}/`, CODE))
        .filter((f) => f.endsWith(".ts") && f !== "claims.ts")
        .map((f) => `${d.name}/${f}`),
    );
  it("there is code to check", () => expect(files.length).toBeGreaterThan(0));
  for (const file of files) {
    it(file, () => {
      const errors = typecheck(readFileSync(new URL(file, CODE), "utf8")).filter(
        (d) => d.severity === "error",
      );
      expect(errors.map((d) => `${d.line}:${d.column} ${d.message}`)).toEqual([]);
    });
  }
});
