/**
 * A lesson with bad frontmatter must stop `astro build` with a message that names the file and
 * the field. Builds the real site (config, schema, pages) plus one broken lesson.
 */
import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const ROOT = resolve(import.meta.dirname, "../..");
// Inside node_modules so the copy resolves astro and @astrojs/mdx from the project.
const CACHE = join(ROOT, "node_modules/.cache");
const made: string[] = [];
const SKIP = new Set(["src", "node_modules", "dist", ".git", ".astro", "test-results", "playwright-report"]);

function buildWith(extraLessons: Record<string, string>): { status: number | null; output: string } {
  mkdirSync(CACHE, { recursive: true });
  const dir = mkdtempSync(join(CACHE, "avio-lesson-check-"));
  made.push(dir);
  // A real copy of src/ (where the broken lesson goes); every other top-level entry is linked, so
  // whatever src/ imports from elsewhere in the repository (wasm/dist…) resolves.
  cpSync(join(ROOT, "src"), join(dir, "src"), { recursive: true });
  for (const item of readdirSync(ROOT)) {
    if (!SKIP.has(item)) symlinkSync(join(ROOT, item), join(dir, item));
  }
  for (const [path, text] of Object.entries(extraLessons))
    writeFileSync(join(dir, "src/lessons", path), text);
  const result = spawnSync(
    process.execPath,
    [join(ROOT, "node_modules/astro/bin/astro.mjs"), "build", "--root", dir],
    {
      encoding: "utf8",
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: "1", NO_COLOR: "1", FORCE_COLOR: "0" },
      timeout: 120_000,
    },
  );
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}

afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

describe("astro build with a broken lesson", () => {
  it("fails on invalid frontmatter, naming the lesson and each bad field", () => {
    const { status, output } = buildWith({
      "en/broken.mdx": "---\ntitle: Broken\norder: two\nparams: [bufer]\n---\n\nText.\n",
    });
    expect(status, output).not.toBe(0);
    expect(output).toMatch(/en\/broken/);
    expect(output).toContain("order must be a whole number");
    expect(output).toContain("summary is required");
    expect(output).toContain("params may only list avio_alloc_context parameters");
  });

  it("fails when lang disagrees with the folder, saying how to fix it", () => {
    const { status, output } = buildWith({
      "zh-cn/misplaced.mdx": "---\ntitle: Misplaced\norder: 7\nsummary: In the wrong folder.\n---\n\nText.\n",
    });
    expect(status, output).not.toBe(0);
    expect(output).toContain("frontmatter says lang: en but the file is in src/lessons/zh-cn/");
  });
});
