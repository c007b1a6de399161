// /teach/ in both languages: the same sections (so #ids match across languages), the same
// commands and code, and every command the grader documents, the CI examples and the
// authoring scripts named where a teacher will look for them.
import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { englishCounterpart, headingIds, markdownHeadings } from "../../src/site/heading-ids.ts";

const path = (lang: string) => new URL(`../../src/views/teach/${lang}.mdx`, import.meta.url);
const source = (lang: string) => readFileSync(path(lang), "utf8");
/** Fenced code, without the indentation of the fence (blocks inside list items). */
const codeBlocks = (mdx: string) =>
  [...mdx.matchAll(/^( *)```(\w*)\n([\s\S]*?)^ *```$/gm)].map((m) =>
    m[3]!.replace(new RegExp(`^ {0,${m[1]!.length}}`, "gm"), ""),
  );
const inlineCode = (mdx: string) =>
  new Set([...mdx.replace(/^\s*```[\s\S]*?^\s*```$/gm, "").matchAll(/`([^`\n]+)`/g)].map((m) => m[1]));
const CJK = /[\u4e00-\u9fff]/;
const package_ = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8"));

describe("the teach page's text", () => {
  const en = source("en");
  const zh = source("zh-cn");

  it("the translation has the same outline, code and named identifiers, and its prose is Chinese", () => {
    expect(englishCounterpart(path("zh-cn").pathname)).toBe(path("en").pathname);
    expect(englishCounterpart(path("en").pathname)).toBeUndefined();
    expect(markdownHeadings(zh).map((h) => h.depth)).toEqual(markdownHeadings(en).map((h) => h.depth));
    expect(codeBlocks(zh)).toEqual(codeBlocks(en));
    expect([...inlineCode(zh)].sort()).toEqual([...inlineCode(en)].sort());
    for (const h of markdownHeadings(zh)) expect(h.text).toMatch(CJK);
  });

  it("has the sections a teacher needs", () => {
    expect(headingIds(en).map((h) => h.id)).toEqual([
      "grading-a-class",
      "exit-codes",
      "reports",
      "hand-in-from-the-browser",
      "the-packaged-grader",
      "grading-in-ci",
      "sharding-and-merging",
      "what-the-grader-isolates",
      "browsers",
      "adding-an-exercise-of-your-own",
      "publishing-your-own-copy",
    ]);
  });

  it("documents the grader's command line exactly, every exit code, and the report formats", () => {
    const code = codeBlocks(en).join("\n");
    expect(code).toContain(
      "npm run --silent grade -- <exercise-id> <file-or-dir>... [--json] [--junit FILE] [--csv FILE] [--lang en|zh-cn]\n" +
        "                          [--timeout SECONDS] [--wall SECONDS] [--jobs N] [--memory MiB] [--shard i/n]\n" +
        "                          [--roster FILE] [--excel] [--strict-types]\n" +
        "npm run --silent grade -- --merge <report.json>... [--json] [--junit FILE] [--csv FILE] [--lang en|zh-cn]",
    );
    for (const flag of [
      "--json",
      "--junit FILE",
      "--csv FILE",
      "--lang en\\|zh-cn",
      "--timeout SECONDS",
      "--jobs N",
      "--memory MiB",
      "--shard i/n",
      "--merge",
      "--strict-types",
    ])
      expect(en).toContain(`| \`${flag}\` |`);
    for (const exit of ["0", "1", "2", "3"])
      expect(en).toMatch(new RegExp(`^\\| \`${exit}\` \\| .+ \\|$`, "m"));
    expect(en).toContain(
      "`submission,status,passed,total,score,first_failure,exercise,student,points,max_points,graded_at,type_errors`",
    );
    const json = JSON.parse(codeBlocks(en).find((c) => c.startsWith('{\n  "exercise"'))!);
    expect(Object.keys(json)).toEqual(["exercise", "results", "totals"]);
    expect(Object.keys(json.results[0])).toEqual([
      "submission",
      "status",
      "passed",
      "total",
      "score",
      "tests",
    ]);
    expect(Object.keys(json.totals)).toEqual(["submissions", "passed", "failed", "errored", "score"]);
  });

  it("names the CI examples that exist, and the authoring scripts package.json has", () => {
    for (const f of en.matchAll(/`(docs\/ci\/[\w.-]+)`/g))
      expect(existsSync(new URL(`../../${f[1]}`, import.meta.url)), f[1]).toBe(true);
    expect([...en.matchAll(/`docs\/ci\/[\w.-]+`/g)]).toHaveLength(3);
    for (const script of [
      "new:exercise",
      "check:exercise",
      "mutation",
      "grade",
      "build:grader",
      "classroom:workflow",
    ]) {
      expect(package_.scripts[script], script).toBeDefined();
      const silent = script === "grade" || script === "classroom:workflow";
      expect(en).toContain(`npm run ${silent ? `--silent ${script}` : script} -- `);
    }
  });
});
