// The import direction avio ← runtime ← {exercises, playground} ← site, and no cycles: the
// project's own tree passes, and each rule is shown to fail on a tree that breaks it.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { cruise } from "dependency-cruiser";
import { afterAll, describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../../", import.meta.url));
const config = createRequire(import.meta.url)(join(root, ".dependency-cruiser.cjs"));
const temps: string[] = [];
afterAll(() => temps.forEach((d) => rmSync(d, { recursive: true, force: true })));

async function violations(dir: string): Promise<string[]> {
  const cwd = process.cwd();
  process.chdir(dir);
  try {
    const r = await cruise(["src"], {
      validate: true,
      ruleSet: { forbidden: config.forbidden },
      tsPreCompilationDeps: true,
      doNotFollow: { path: "node_modules" },
    });
    const out = typeof r.output === "string" ? JSON.parse(r.output) : r.output;
    return out.summary.violations.map(
      (v: { rule: { name: string }; from: string; to: string }) => `${v.rule.name}: ${v.from} → ${v.to}`,
    );
  } finally {
    process.chdir(cwd);
  }
}

function tree(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "avio-imports-"));
  temps.push(dir);
  for (const [f, text] of Object.entries(files)) {
    mkdirSync(join(dir, f, ".."), { recursive: true });
    writeFileSync(join(dir, f), text);
  }
  return dir;
}

describe("import direction", () => {
  it("the project's own sources follow it", async () => {
    expect(await violations(root)).toEqual([]);
  });

  it.each([
    [
      "avio-is-the-bottom",
      { "src/avio/a.ts": 'import "../runtime/b.ts";', "src/runtime/b.ts": "export {};" },
    ],
    [
      "runtime-uses-only-avio",
      { "src/runtime/a.ts": 'import "../exercises/b.ts";', "src/exercises/b.ts": "export {};" },
    ],
    [
      "exercises-below-site",
      { "src/exercises/a.ts": 'import "../playground/b.ts";', "src/playground/b.ts": "export {};" },
    ],
    [
      "playground-below-site",
      {
        "src/playground/a.ts": 'import type { X } from "../site/b.ts";\nexport type Y = X;',
        "src/site/b.ts": "export type X = 1;",
      },
    ],
    ["i18n-is-shared", { "src/i18n/a.ts": 'import "../runtime/b.ts";', "src/runtime/b.ts": "export {};" }],
    [
      // the shared catalogue is no back door: a layer below reaching up through it still fails
      "i18n-is-shared",
      {
        "src/runtime/a.ts": 'import "../i18n/en.ts";',
        "src/i18n/en.ts": 'import "../playground/b.ts";',
        "src/playground/b.ts": "export {};",
      },
    ],
    [
      "src-never-imports-test",
      {
        "src/playground/a.ts": 'import clip from "../../test/fixtures/a.mp3?url";\nexport { clip };',
        "test/fixtures/a.mp3": "",
      },
    ],
    ["src-never-imports-test", { "src/site/a.ts": 'import "../../test/b.ts";', "test/b.ts": "export {};" }],
    ["no-circular", { "src/site/a.ts": 'import "./b.ts";', "src/site/b.ts": 'import "./a.ts";' }],
  ])("%s fails on a tree that breaks it", async (rule, files) => {
    expect((await violations(tree(files))).some((v) => v.startsWith(`${rule}:`))).toBe(true);
  });
});

// What dependency-cruiser cannot see: paths into test/ built at run time (import.meta.glob
// patterns, new URL("../../test/…", import.meta.url), `${root}test/…` for the grader's file access).
const TEST_PATH = /["'`](?:\.\.\/)+test\/|\$\{\w+\}\/?test\//;

function pathsIntoTest(dir: string): string[] {
  return readdirSync(join(dir, "src"), { recursive: true, encoding: "utf8" })
    .filter((f) => /\.(ts|mts|mjs|js|astro|mdx)$/.test(f))
    .flatMap((f) =>
      readFileSync(join(dir, "src", f), "utf8")
        .split("\n")
        .flatMap((line, i) => (TEST_PATH.test(line) ? [`src/${f}:${i + 1}: ${line.trim()}`] : [])),
    );
}

describe("production code never reaches into test/", () => {
  it("no path in src/ points into test/", () => {
    expect(pathsIntoTest(root)).toEqual([]);
  });

  it.each([
    ['const urls = import.meta.glob("../../test/fixtures/*.mp3", { query: "?url" });'],
    ['const dir = new URL("../../test/fixtures/", import.meta.url);'],
    ["const read = [`${root}wasm/dist/`, `${root}test/fixtures/`];"],
  ])("finds %s", (text) => {
    expect(pathsIntoTest(tree({ "src/exercises/a.ts": text }))).toHaveLength(1);
  });
});
