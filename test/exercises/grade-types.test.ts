// Issue 26, point 7: type errors in the grader's reports, a warning unless --strict-types. The
// check is the editor's (same declarations and libs), in the grader's own process, and bounded.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { validateXML } from "xmllint-wasm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gradeCli, root } from "./grade-cli.ts";
import { parseResultsJson } from "../../src/exercises/report-schema.ts";
import { toCsv, toJUnit, toResultsJson, toTable, type SubmissionResult } from "../../src/exercises/report.ts";
import { typeCheckSubmission, typeErrorsOf } from "../../src/exercises/typecheck-node.ts";
import { typecheck } from "../../src/playground/editor/typecheck.ts";

const solution = readFileSync(join(root, "src/exercises/read-packet/solution.ts"), "utf8");
/** The solution with one type error on line 1 (it still passes every test). */
const typed = `const shown: number = "twelve";\n${solution}`;

describe("the type check", () => {
  it("finds what the editor finds, at the same places", () => {
    const code = `import { AVERROR_EOF } from "avio";\nexport const n: string = AVERROR_EOF;\nexport function f(x) { return document.title + x; }\n`;
    const r = typeCheckSubmission(code);
    const editor = typecheck(code).filter((d) => d.severity === "error");
    expect(r.count).toBe(3);
    expect(r.errors.map((e) => [e.line, e.column])).toEqual(editor.map((d) => [d.line, d.column]));
    expect(r.errors[0].text).toBe("Type 'number' is not assignable to type 'string'.");
    expect(typeCheckSubmission(solution)).toEqual({ count: 0, errors: [] });
  });

  it("lists the first ten and counts them all", () => {
    const code = Array.from({ length: 25 }, (_, i) => `export const v${i}: number = "${i}";`).join("\n");
    const r = typeCheckSubmission(code);
    expect(r.count).toBe(25);
    expect(r.errors).toHaveLength(10);
    expect(r.errors[9]).toMatchObject({ line: 10, column: 14 });
  });

  it("is bounded: a 5 MB file is not checked, absurd nesting and a spent budget stop it", () => {
    expect(typeCheckSubmission("x".repeat(5_000_000))).toEqual({ count: 1, errors: [], stopped: "size" });
    // 20,000 nested tuple types: TypeScript's parser runs out of stack; the check says so.
    const deep = `type T = ${"[".repeat(20_000)}${"]".repeat(20_000)};`;
    expect(typeCheckSubmission(deep, { maxChars: 1e6 })).toEqual({ count: 1, errors: [], stopped: "crash" });
    // A budget already spent: TypeScript's cancellation stops the check at its first declaration.
    const many = Array.from({ length: 50 }, (_, i) => `function f${i}(): number { return ${i}; }`).join("\n");
    expect(typeCheckSubmission(many, { cpuMs: -1 })).toEqual({ count: 1, errors: [], stopped: "time" });
    // And the checker still works afterwards.
    expect(typeCheckSubmission(typed).count).toBe(1);
  });

  it("a check that could not finish is one type error that says why, in the report's language", () => {
    expect(typeErrorsOf({ count: 1, errors: [], stopped: "size" }, "en", 5_000_000)).toEqual({
      count: 1,
      errors: [
        {
          line: 1,
          column: 1,
          text: "not type-checked: 4.8 MiB is over the 512.0 KiB limit of the type check",
        },
      ],
    });
    expect(typeErrorsOf({ count: 1, errors: [], stopped: "time" }, "zh-cn").errors[0].text).toBe(
      "类型检查用时过长，已停止",
    );
  });

  it("ignores a student folder's relative helper imports (the helper is not in the check)", () => {
    const code = `import { N } from "./util.ts";\nexport const x: number = N;\nexport const y: number = "";`;
    // Without the folder: the helper is missing (N is then any, so line 2 is no error).
    expect(typeCheckSubmission(code).errors.map((e) => e.line)).toEqual([1, 3]);
    const r = typeCheckSubmission(code, { helpers: true });
    expect(r.errors.map((e) => e.line)).toEqual([3]);
  });
});

describe("type errors in every report", () => {
  const row = (submission: string, count?: number): SubmissionResult => ({
    submission,
    student: submission.replace(/\.ts$/, ""),
    result: { status: "pass", tests: [{ name: "t", title: "t", status: "pass" }] },
    ...(count === undefined
      ? {}
      : {
          typeErrors: {
            count,
            errors: Array.from({ length: Math.min(count, 10) }, (_, i) => ({
              line: i + 1,
              column: 3,
              text: `bad <${i}> & "\u202Eworse"`,
            })),
          },
        }),
  });
  const rows = [row("a.ts", 2), row("b.ts", 0), row("c.ts")];

  it("JSON: type_errors and the first messages, escaped; valid against the schema", () => {
    const doc = toResultsJson("read-packet", rows);
    expect(parseResultsJson(JSON.stringify(doc)).ok).toBe(true);
    expect(doc.results[0]).toMatchObject({
      type_errors: 2,
      type_error_messages: [
        { line: 1, column: 3, text: 'bad <0> & "\\u202Eworse"' },
        { line: 2, column: 3, text: 'bad <1> & "\\u202Eworse"' },
      ],
    });
    expect(doc.results[1]).toMatchObject({ type_errors: 0, type_error_messages: [] });
    expect(doc.results[2]).not.toHaveProperty("type_errors");
  });

  it("table: 'N type errors' beside the status, in both languages", () => {
    const en = toTable(rows, "en").split("\n");
    expect(en[1]).toMatch(/^a\.ts +1\/1 +pass \(2 type errors\)$/);
    expect(en[2]).toMatch(/^b\.ts +1\/1 +pass$/);
    expect(toTable([row("a.ts", 1)], "en")).toContain("pass (1 type error)");
    expect(toTable(rows, "zh-cn")).toContain("通过（2 个类型错误）");
  });

  it("CSV: type_errors is the last column, the original ones untouched", () => {
    const lines = toCsv("read-packet", rows).trimEnd().split("\r\n");
    expect(lines[0]).toBe(
      "submission,status,passed,total,score,first_failure,exercise,student,points,max_points,graded_at,type_errors",
    );
    expect(lines.slice(1)).toEqual([
      "a.ts,pass,1,1,1,,read-packet,a,1,1,,2",
      "b.ts,pass,1,1,1,,read-packet,b,1,1,,0",
      "c.ts,pass,1,1,1,,read-packet,c,1,1,,",
    ]);
  });

  it("JUnit: a type_errors property and the messages in system-out, valid XML", async () => {
    const xml = toJUnit("read-packet", rows);
    expect(xml).toContain('<property name="type_errors" value="2"/>');
    expect(xml).toContain(
      "<system-out>2 type errors\ntype error 1:3: bad &lt;0&gt; &amp; &quot;\\u202Eworse&quot;\ntype error 2:3:",
    );
    expect(xml.match(/<system-out>/g)).toHaveLength(1);
    const result = await validateXML({
      xml: { fileName: "report.xml", contents: xml },
      schema: {
        fileName: "junit.xsd",
        contents: readFileSync(join(root, "test/exercises/fixtures/junit.xsd"), "utf8"),
      },
    });
    expect(result.errors.map((e) => e.message)).toEqual([]);
  });
});

describe("grade CLI: type errors and --strict-types", () => {
  let dir: string;
  const grade = (...args: string[]) => gradeCli(dir, ...args);
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "avio-types-"));
    mkdirSync(join(dir, "class"));
    writeFileSync(join(dir, "class/clean.ts"), solution);
    writeFileSync(join(dir, "class/typed.ts"), typed);
    // Hostile: 5 MB (over the submission limit: never read, let alone checked), and a file that
    // nests types deeper than TypeScript can follow.
    writeFileSync(join(dir, "class/huge.ts"), `${solution}\n//${"x".repeat(5 * 1024 * 1024)}`);
    writeFileSync(
      join(dir, "class/deep.ts"),
      `type T = ${"[".repeat(20_000)}${"]".repeat(20_000)};\n${solution}`,
    );
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const rowsOf = (stdout: string) => {
    const doc = parseResultsJson(stdout);
    if (!doc.ok) throw new Error(doc.error);
    return Object.fromEntries(doc.value.results.map((r) => [r.submission, r]));
  };

  it("without --strict-types a type error is a warning: the submission passes", () => {
    const r = grade("read-packet", "class", "--json", "--csv", "book.csv");
    expect(r.status).toBe(1); // huge.ts is an error row
    const rows = rowsOf(r.stdout);
    expect(rows["clean.ts"]).toMatchObject({ status: "pass", score: 1, type_errors: 0 });
    expect(rows["typed.ts"]).toMatchObject({
      status: "pass",
      score: 1,
      type_errors: 1,
      type_error_messages: [
        { line: 1, column: 7, text: "Type 'string' is not assignable to type 'number'." },
      ],
    });
    // The deep file: TypeScript gave up on it, which is said; the compiler gave up too (an error
    // row of its own, the others untouched).
    expect(rows["deep.ts"]).toMatchObject({
      status: "error",
      message: expect.stringMatching(/does not compile/),
      type_errors: 1,
      type_error_messages: [{ text: expect.stringMatching(/^TypeScript could not check this file/) }],
    });
    expect(rows["huge.ts"]).toMatchObject({
      status: "error",
      message: expect.stringMatching(/over the 1\.0 MiB limit/),
    });
    expect(rows["huge.ts"]).not.toHaveProperty("type_errors");
    const csv = readFileSync(join(dir, "book.csv"), "utf8").split("\r\n");
    expect(csv.find((l) => l.startsWith("typed.ts,"))).toMatch(/^typed\.ts,pass,12,12,1,,.*Z,1$/);
    expect(csv.find((l) => l.startsWith("huge.ts,"))).toMatch(/Z,$/);
  });

  it("--strict-types: fail, score 0, the first failure names the first type error; exit 1", () => {
    const only = grade("read-packet", "class/clean.ts", "--strict-types");
    expect(only.status).toBe(0);
    const r = grade("read-packet", "class/typed.ts", "class/clean.ts", "--strict-types", "--json");
    expect(r.status).toBe(1);
    const rows = rowsOf(r.stdout);
    expect(rows["class/clean.ts"]).toMatchObject({ status: "pass", score: 1 });
    expect(rows["class/typed.ts"]).toMatchObject({
      status: "fail",
      passed: 12,
      score: 0,
      points: 0,
      message:
        "type error at line 1, column 7: Type 'string' is not assignable to type 'number'. (--strict-types: a submission with type errors fails, score 0)",
    });
    const table = grade("read-packet", "class/typed.ts", "--strict-types", "--lang", "zh-cn").stdout;
    expect(table).toMatch(/typed\.ts {2}12\/12 {2}未通过（1 个类型错误） {2}第 1 行第 7 列有类型错误：/);
  });
});
