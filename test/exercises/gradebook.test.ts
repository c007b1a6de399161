// The gradebook a teacher keeps (issue 26, points 1, 4, 8; issue 24, point 1): the real grader on
// a class written as students write it. One graded run; the table comes from --merge of its JSON.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gradeCli, root } from "./grade-cli.ts";
import { parseResultsJson } from "../../src/exercises/report-schema.ts";
import { awardPoints, score } from "../../src/exercises/report.ts";
import { capConsole } from "../../src/exercises/report-text.ts";

let dir: string;
let run: ReturnType<typeof gradeCli>;
const src = (p: string) => join(root, "src/exercises/read-packet", p);

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "avio-gradebook-"));
  for (const s of ["ann", "bob", "xiao"]) mkdirSync(join(dir, "class", s), { recursive: true });
  // ann: the starter, reindented, CRLF, with a comment of her own: still the starter.
  const starter = readFileSync(src("starter.ts"), "utf8");
  writeFileSync(join(dir, "class/ann/read_packet.ts"), `// my work\r\n${starter.replace(/\n/g, "\r\n  ")}`);
  // bob: the solution, printing once at load and once per read_packet call.
  const solution = readFileSync(src("solution.ts"), "utf8");
  writeFileSync(
    join(dir, "class/bob/rp.ts"),
    `console.log("bob was here");\n${solution.replace(/export function read_packet\(([^)]*)\)([^{]*)\{/, 'export function read_packet($1)$2{\n  console.log("call");')}`,
  );
  // xiao: a helper in the folder, imported by the graded file.
  writeFileSync(join(dir, "class/xiao/util.ts"), "export const EOF_NOTE = 'done';\n");
  writeFileSync(
    join(dir, "class/xiao/read_packet.ts"),
    `import { EOF_NOTE } from "./util.ts";\nconsole.log(EOF_NOTE);\n${solution}`,
  );
  writeFileSync(join(dir, "class/notes.js"), "// not a submission\n");
  writeFileSync(join(dir, "roster.txt"), "ann\nbob\nxiao\n李雷\n");
  run = gradeCli(
    dir,
    "read-packet",
    "class",
    "--roster",
    "roster.txt",
    "--json",
    "--csv",
    "book.csv",
    "--excel",
    "--junit",
    "class.xml",
    // A one-slice shard, so the table can be made from this JSON with --merge (no second grading).
    "--shard",
    "1/1",
  );
  writeFileSync(join(dir, "class.json"), run.stdout);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const doc = () => {
  const d = parseResultsJson(run.stdout);
  if (!d.ok) throw new Error(d.error);
  return d.value;
};
const row = (student: string) => doc().results.find((r) => r.student === student)!;

describe("gradebook", () => {
  it("the starter handed in as it was is unchanged, score 0, in JSON, CSV and JUnit", () => {
    expect(run.status).toBe(1);
    expect(row("ann")).toMatchObject({ status: "unchanged", score: 0, points: 0, max_points: 12 });
    expect(doc().totals).toMatchObject({ submissions: 4, passed: 2, unchanged: 1, missing: 1 });
    const csv = readFileSync(join(dir, "book.csv"), "utf8");
    expect(csv).toMatch(/\nann\/read_packet\.ts,unchanged,0,12,0,/);
    const xml = readFileSync(join(dir, "class.xml"), "utf8");
    expect(xml).toMatch(/<testcase classname="read-packet" name="unchanged"[^>]*><error /);
  });

  it("one folder per student: the file that exports read_packet is graded, its helper imported", () => {
    expect(row("xiao")).toMatchObject({ submission: "xiao/read_packet.ts", status: "pass", score: 1 });
    expect(doc().results.map((r) => r.submission)).not.toContain("xiao/util.ts");
    expect(run.stderr).toMatch(/skipped 1 entry that is not \.ts: .*notes\.js/);
  });

  it("CSV: a BOM with --excel, the stackable header, a missing row for the roster's student", () => {
    const csv = readFileSync(join(dir, "book.csv"), "utf8");
    expect(csv.startsWith("\uFEFFsubmission,status,passed,total,score,first_failure,")).toBe(true);
    const head = csv.slice(1).split("\r\n")[0]!.split(",");
    for (const c of [
      "exercise",
      "student",
      "submission",
      "status",
      "points",
      "max_points",
      "score",
      "first_failure",
      "graded_at",
    ])
      expect(head).toContain(c);
    expect(csv).toMatch(/\r\n,missing,0,12,0,no submission from this student,read-packet,李雷,0,12,,\r\n/); // graded_at and type_errors empty
    expect(csv).toMatch(/\r\nbob\/rp\.ts,pass,12,12,1,,read-packet,bob,12,12,20\d\d-/);
  });

  it("JUnit: the root carries the totals of its suites", () => {
    const xml = readFileSync(join(dir, "class.xml"), "utf8");
    const root = /<testsuites [^>]*tests="(\d+)" failures="(\d+)" errors="(\d+)"/.exec(xml)!;
    const sum = (attr: string) =>
      [...xml.matchAll(new RegExp(`<testsuite [^>]*${attr}="(\\d+)"`, "g"))].reduce(
        (a, m) => a + Number(m[1]),
        0,
      );
    expect(root.slice(1).map(Number)).toEqual([sum("tests"), sum("failures"), sum("errors")]);
    expect(Number(root[3])).toBeGreaterThanOrEqual(2);
  });

  it("JSON carries each submission's console, capped, hidden tests' prints counted but not kept", () => {
    const c = row("bob").console!;
    expect(c.lines[0]).toEqual({ text: "bob was here" });
    expect(c.lines[1]).toMatchObject({ text: "call" });
    expect(c.lines.length).toBeLessThanOrEqual(50);
    expect(c.more).toBeGreaterThan(0);
    expect(row("xiao").console!.lines[0]).toEqual({ text: "done" });
    expect(row("ann").console).toBeUndefined();
  });

  it("the table shows the console with --console (here from --merge of the JSON), and not without", () => {
    const withConsole = gradeCli(dir, "--merge", "class.json", "--console");
    expect(withConsole.stdout).toMatch(
      /bob\/rp\.ts +12\/12 +pass\n {4}\| bob was here\n {4}\| (\[read_packet #1\] )?call\n/,
    );
    expect(withConsole.stdout).toMatch(/ {4}\| … \d+ more lines\n/);
    expect(withConsole.stdout).toMatch(/ann\/read_packet\.ts +0\/12 +unchanged/);
    expect(withConsole.stdout).toMatch(/4 submissions: 2 pass, 0 fail, 0 error, 1 unchanged, 1 missing\./);
    expect(gradeCli(dir, "--merge", "class.json").stdout).not.toContain("bob was here");
  });

  it("warns on stderr when run as root, and only then", () => {
    expect(/warning: running as root/.test(run.stderr)).toBe(process.getuid?.() === 0);
  });
});

describe("points and the console cap (the functions every report uses)", () => {
  const tests = [{ name: "a", points: 3 }, { name: "b" }, { name: "c", points: 0.5 }];
  const result = (pass: string[]) => ({
    status: "fail" as const,
    tests: tests.map((t) => ({
      name: t.name,
      title: t.name,
      status: pass.includes(t.name) ? ("pass" as const) : ("fail" as const),
    })),
  });

  it("score = points earned / points possible; a test without points weighs 1", () => {
    const r = awardPoints(result(["a", "c"]), tests);
    expect(score(r)).toMatchObject({ passed: 2, total: 3, points: 3.5, max_points: 4.5, score: 0.7778 });
    expect(r.tests.map((t) => t.points)).toEqual([3, 1, 0.5]);
    // Without points anywhere: the share of tests passed, as before.
    const plain = awardPoints(
      result(["a"]),
      tests.map(({ name }) => ({ name })),
    );
    expect(score(plain)).toMatchObject({ points: 1, max_points: 3, score: 0.3333 });
    expect(plain.tests[0]).not.toHaveProperty("points");
  });

  it("the console keeps 50 lines of 500 characters, 4000 in all, and counts the rest", () => {
    const many = capConsole({ lines: Array.from({ length: 80 }, (_, i) => ({ text: `l${i}` })), more: 5 })!;
    expect(many.lines).toHaveLength(50);
    expect(many.more).toBe(35);
    const long = capConsole({
      lines: Array.from({ length: 20 }, () => ({ text: "x".repeat(900) })),
      more: 0,
    })!;
    expect(long.lines[0]!.text).toHaveLength(500);
    expect(long.lines.reduce((a, l) => a + l.text.length, 0)).toBeLessThanOrEqual(4000);
    expect(long.lines.length + long.more).toBe(20);
    expect(capConsole({ lines: "not an array", more: -3 })).toBeUndefined();
  });
});
