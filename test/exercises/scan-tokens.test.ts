// The browser's `unchanged` check (scan-tokens.ts) against the grader's (starter-match.ts, the
// TypeScript scanner): the same tokens on every file a learner starts from or is likely to write,
// and on edits of every starter, so the Check and the grader never disagree about the starter.
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { exerciseIds } from "../../src/exercises/catalog.ts";
import { isStarter, scanTokens } from "../../src/exercises/scan-tokens.ts";
import { starterTokens, tokens } from "../../src/exercises/starter-match.ts";

const root = new URL("../../", import.meta.url);
const read = (rel: string) => readFileSync(new URL(rel, root), "utf8");
const tsFiles = (rel: string): string[] =>
  readdirSync(new URL(rel, root), { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith(".ts"))
    .map((f) => join(rel, f));

const starters = exerciseIds.flatMap((id) =>
  ["starter.ts", "starter.zh-cn.ts"].map((f) => `src/exercises/${id}/${f}`),
);
const corpus = [
  ...starters,
  ...exerciseIds.map((id) => `src/exercises/${id}/solution.ts`),
  // Tests hold templates with substitutions, regular expressions, generics: TypeScript's quirks.
  ...exerciseIds.map((id) => `src/exercises/${id}/tests.ts`),
  ...tsFiles("test/exercise-mutants/"),
  ...tsFiles("src/lessons/_code/"),
];

/** The same tokens, and so the same verdict against a starter. */
function agree(code: string, label: string) {
  expect(scanTokens(code), label).toBe(tokens(code));
}

describe("scanTokens gives starter-match's tokens", () => {
  test("on every starter, solution, tests file, known-wrong submission and lesson playground", () => {
    expect(starters.length).toBe(16);
    for (const f of corpus) agree(read(f), f);
  });

  test("on TypeScript's quirks and on broken code", () => {
    const cases = [
      "a >= b; a >>= 2; x >>> 1; Map<string, Array<number>>",
      "const r = /a+b\\/c/g.test(s); x /= 2; y = a / b",
      "const s = `a ${b} c ${d + `e ${f}`} g`; const t = `plain`; `unterminated",
      "'it\\'s'; \"q\\\"q\"; 'line\\\ncontinued'; 'unterminated\nnext",
      "0x1F; 0b101n; 0o17; 017; 019.5; 08; 1_000; 1e3; 1e; 1e+; .5; 1.5n; 3in; 10n; 0_1; 1..toString()",
      "a?.b; a?.5:1; a ?? b; a ??= b; a ||= b; a &&= b; a **= 2; ...xs; @dec class C { #x = 1; #\\u0061 = 2 }",
      "#!/usr/bin/env node\nlet a = 1",
      "let a = 1 #! 2",
      "\uFEFFlet\u00A0a\u2028=\u20291\u0085;\u3000// comment\u2028b /* block\n */ c /* unterminated",
      "\\u0061bc = 1; a\\u{62}c = 2; \\x = 3; x\\u0 = 4",
      "let café = 1; let 𝑥 = 2; let 名字 = 3; ☃; \u0000",
      "ok(); \uFFFD binary tail } { ` '",
      "function f(): number { return\n42 }",
    ];
    for (const c of cases) agree(c, JSON.stringify(c));
  });

  test("on edits of every starter: a character deleted, or one inserted, anywhere", () => {
    const inserts = [
      " ",
      "\n",
      "/",
      "*",
      "`",
      "'",
      '"',
      "$",
      "{",
      "}",
      ">",
      "=",
      "0",
      ".",
      "n",
      "#",
      "\\",
      "é",
    ];
    for (const f of starters) {
      const s = read(f);
      for (let i = 0; i < s.length; i++) {
        agree(s.slice(0, i) + s.slice(i + 1), `${f} without character ${i}`);
        const ch = inserts[i % inserts.length]!;
        agree(s.slice(0, i) + ch + s.slice(i), `${f} with ${JSON.stringify(ch)} at ${i}`);
      }
    }
  });
});

describe("isStarter: the grader's unchanged verdict", () => {
  test("the starter in either language, with other spaces, line endings, a BOM and comments, is unchanged", () => {
    for (const id of exerciseIds) {
      const dir = new URL(`src/exercises/${id}/`, root);
      const texts = ["starter.ts", "starter.zh-cn.ts"].map((f) => read(`src/exercises/${id}/${f}`));
      const grader = starterTokens(dir);
      const variants = [
        texts[0]!,
        texts[1]!,
        `\uFEFF${texts[0]!.replace(/\n/g, "\r\n")}`,
        texts[0]!.replace(/ {2}/g, "\t"),
        `// my notes\n${texts[0]!.replace(/\/\/[^\n]*/g, "")}\n/* done? */`,
      ];
      for (const v of variants) {
        expect(grader.has(tokens(v)), id).toBe(true);
        expect(isStarter(v, texts), id).toBe(true);
      }
    }
  });

  test("any change to the code is not the starter, for the grader and here alike", () => {
    for (const id of exerciseIds) {
      const texts = ["starter.ts", "starter.zh-cn.ts"].map((f) => read(`src/exercises/${id}/${f}`));
      const grader = starterTokens(new URL(`src/exercises/${id}/`, root));
      const solution = read(`src/exercises/${id}/solution.ts`);
      const mutants = tsFiles(`test/exercise-mutants/${id}/`).map(read);
      const renamed = texts[0]!.replace(/\bnumber\b/, "bigint");
      expect(renamed).not.toBe(texts[0]);
      const edits = [solution, ...mutants, `${texts[0]}\nexport const x = 1;`, renamed];
      for (const e of edits) {
        expect(isStarter(e, texts)).toBe(grader.has(tokens(e)));
        expect(isStarter(e, texts)).toBe(false);
      }
    }
  });
});
