import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { mergeToString } from "junit-report-merger";
import { validateXML } from "xmllint-wasm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gradeCli, root } from "./grade-cli.ts";
import { parseResultsJson } from "../../src/exercises/report-schema.ts";

let dir: string;
const grade = (...args: string[]) => gradeCli(dir, ...args);
const valid = (text: string) => {
  const doc = parseResultsJson(text);
  if (!doc.ok) throw new Error(doc.error);
  return doc.value;
};
async function expectValidJUnit(xml: string) {
  const result = await validateXML({
    xml: { fileName: "report.xml", contents: xml },
    schema: {
      fileName: "junit.xsd",
      contents: readFileSync(join(root, "test/exercises/fixtures/junit.xsd"), "utf8"),
    },
  });
  expect(result.errors.map((e) => e.message)).toEqual([]);
  expect(result.valid).toBe(true);
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "avio-reports-"));
  mkdirSync(join(dir, "class/group-b"), { recursive: true });
  const mutants = join(root, "test/exercise-mutants/read-packet");
  copyFileSync(join(root, "src/exercises/read-packet/solution.ts"), join(dir, "class/ada.ts"));
  copyFileSync(join(root, "src/exercises/read-packet/solution.ts"), join(dir, "class/group-b/bo.ts"));
  copyFileSync(join(mutants, "returns-zero-at-eof.ts"), join(dir, "class/cy.ts"));
  copyFileSync(join(root, "src/exercises/read-packet/starter.ts"), join(dir, "class/group-b/di.ts"));
  writeFileSync(
    join(dir, "class/ed.ts"),
    "export function read_packet(o: unknown, b: Uint8Array, n: number): number { throw new Error('=cmd|\" /C calc\"!A0\\n\\u001b[31mred\\u0000'); }\n",
  );
  writeFileSync(
    join(dir, "class/fy.ts"),
    "export function read_packet(o, b, n: number): number { return n + ; }\n",
  );
  mkdirSync(join(dir, "pass-only"));
  copyFileSync(join(root, "src/exercises/read-packet/solution.ts"), join(dir, "pass-only/ada.ts"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("grade: exit codes", () => {
  it("0 when every submission passed, 1 when one failed", () => {
    expect(grade("read-packet", "pass-only").status).toBe(0);
    expect(grade("read-packet", "pass-only", "class/cy.ts").status).toBe(1);
  });

  it("2 for bad usage, before anything is graded (output paths included)", () => {
    for (const args of [
      ["read-packet", "class", "--junit", "missing/r.xml"],
      ["read-packet", "class", "--csv", "class"],
      ["read-packet", "class", "--timeout", "x"],
      ["--merge"],
    ]) {
      const r = grade(...args);
      expect(r.status, args.join(" ")).toBe(2);
      expect(r.stdout).toBe("");
      expect(r.stderr).not.toMatch(/^\[\d+\/\d+\]/m); // no submission was graded
    }
  });

  it("3 when the grader itself fails (here: the gradebook cannot be written)", () => {
    const r = grade("read-packet", "pass-only", "--csv", "/dev/full");
    expect(r.status).toBe(3);
    expect(r.stderr).toMatch(/grade: the grader failed: .*ENOSPC/);
  });

  it("--help documents the exit codes", () => {
    const r = grade("--help");
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(
      /0 {2}every submission passed\n {2}1 {2}grading ran and at least one submission failed or errored\n {2}2 {2}bad usage/,
    );
  });
});

describe("grade: reports", () => {
  let json: ReturnType<typeof valid>;
  let junit: string;
  let csv: string;
  beforeAll(() => {
    const r = grade("read-packet", "class", "--json", "--junit", "out.xml", "--csv", "out.csv");
    expect(r.status).toBe(1);
    // Progress: one line per finished submission when stderr is not a terminal (and a warning as root).
    expect(
      r.stderr
        .trim()
        .split("\n")
        .filter((l) => !l.startsWith("grade: warning: running as root")),
    ).toHaveLength(6);
    json = valid(r.stdout);
    junit = readFileSync(join(dir, "out.xml"), "utf8");
    csv = readFileSync(join(dir, "out.csv"), "utf8");
  });

  it("JSON: valid against the schema, named relative to the folder, with totals", () => {
    expect(json.results.map((r) => r.submission)).toEqual([
      "ada.ts",
      "cy.ts",
      "ed.ts",
      "fy.ts",
      "group-b/bo.ts",
      "group-b/di.ts",
    ]);
    expect(json.totals).toEqual({
      submissions: 6,
      passed: 2,
      // di.ts is the starter as it was: unchanged, not failed.
      failed: 2,
      errored: 1,
      missing: 0,
      unchanged: 1,
      score: expect.any(Number),
    });
    const fy = json.results.find((r) => r.submission === "fy.ts")!;
    expect(fy).toMatchObject({ status: "error", passed: 0, total: 12, score: 0 });
    expect(json.results[0].tests.filter((t) => t.hidden)).not.toHaveLength(0);
  });

  it("CSV: one row per submission, formulas and control characters defused", () => {
    const lines = csv.trimEnd().split("\r\n");
    // The original six columns first (scripts that read them keep working), then the gradebook's.
    expect(lines[0]).toBe(
      "submission,status,passed,total,score,first_failure,exercise,student,points,max_points,graded_at,type_errors",
    );
    expect(lines).toHaveLength(7);
    expect(lines[1]).toMatch(/^ada\.ts,pass,12,12,1,,read-packet,ada,12,12,\d{4}-\d\d-\d\dT[\d:.]+Z,0$/);
    expect(lines.find((l) => l.startsWith("group-b/bo.ts"))).toMatch(/,read-packet,group-b\/bo,12,12,/);
    expect(lines[2]).toMatch(/^cy\.ts,fail,\d+,12,0\.\d+,"?returns AVERROR_EOF at the end, never 0: /);
    const ed = lines.find((l) => l.startsWith("ed.ts"))!;
    expect(ed).not.toMatch(/[\u0000-\u001f]/);
    expect(ed).toContain("\\x1b[31mred");
  });

  it("JUnit: valid against the XSD, exercise id as classname, submission as suite, text in failures", async () => {
    await expectValidJUnit(junit);
    expect(junit).not.toMatch(/classname="[^"]*\.[^"]*"/);
    expect(junit.match(/<testsuite name="([^"]+)"/g)).toHaveLength(6);
    expect(junit).toMatch(
      /<testsuite name="group-b\/di\.ts" tests="13" failures="0" errors="1" skipped="12" time="\d+\.\d{3}">/,
    );
    expect(junit).toMatch(/<failure message="([^"]+)">\1<\/failure>/);
    expect(junit).toMatch(
      /<testcase classname="read-packet" name="load" time="0\.000"><error message="Your code does not compile/,
    );
  });

  it("a loop is stopped by its CPU limit, an error; the tests it kept from running are listed as skipped", async () => {
    writeFileSync(
      join(dir, "loop.ts"),
      "export function read_packet(o: unknown, b: Uint8Array, n: number): number { for (;;) {} }\n",
    );
    const r = grade("read-packet", "loop.ts", "--json", "--junit", "loop.xml", "--timeout", "1");
    const doc = valid(r.stdout);
    expect(doc.results[0]).toMatchObject({ status: "error", passed: 0, total: 12 });
    const xml = readFileSync(join(dir, "loop.xml"), "utf8");
    await expectValidJUnit(xml);
    expect(xml.match(/<error /g)).toHaveLength(1);
    expect(
      xml.match(
        /<skipped message="Test &quot;copies the first buf_size bytes and returns how many&quot; used 1\.0 s of CPU/g,
      ),
    ).toHaveLength(11);
  });
});

describe("grade: sharding a class and merging the slices", () => {
  it("--shard i/n splits deterministically; --merge gives back the whole class's report", async () => {
    const whole = valid(grade("read-packet", "class", "--json").stdout);
    const slices = [1, 2, 3].map((i) => {
      const r = grade("read-packet", "class", "--json", "--shard", `${i}/3`, "--junit", `shard-${i}.xml`);
      writeFileSync(join(dir, `shard-${i}.json`), r.stdout);
      return valid(r.stdout);
    });
    const names = slices.flatMap((s) => s.results.map((r) => r.submission));
    expect(names.sort()).toEqual(whole.results.map((r) => r.submission).sort());
    expect(slices.map((s) => s.shard)).toEqual([1, 2, 3].map((index) => ({ index, count: 3 })));
    expect(
      valid(grade("read-packet", "class", "--json", "--shard", "2/3").stdout).results.map(
        (r) => r.submission,
      ),
    ).toEqual(slices[1].results.map((r) => r.submission));

    const merged = grade(
      "--merge",
      "shard-1.json",
      "shard-2.json",
      "shard-3.json",
      "--json",
      "--junit",
      "merged.xml",
    );
    expect(merged.status).toBe(1);
    // The same report (each row's own grading time aside).
    const untimed = (d: typeof whole) => ({ ...d, results: d.results.map(({ graded_at: _, ...r }) => r) });
    expect(untimed(valid(merged.stdout))).toEqual(untimed(whole));
    await expectValidJUnit(readFileSync(join(dir, "merged.xml"), "utf8"));

    // A real consumer merges the shards' JUnit files too.
    const shards = [1, 2, 3].map((i) => readFileSync(join(dir, `shard-${i}.xml`), "utf8"));
    const combined = await mergeToString(shards);
    const cases = shards.reduce((n, x) => n + (x.match(/<testcase /g) ?? []).length, 0);
    expect(cases).toBe(6 * 12 + 2); // every test of every submission, plus fy.ts's load error and di.ts's unchanged
    expect(combined.match(/<testsuite /g)).toHaveLength(6);
    expect(combined).toMatch(new RegExp(`<testsuites[^>]* tests="${cases}"`));
  });
});
