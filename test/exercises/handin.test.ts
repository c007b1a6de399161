// The hand-in file (src/exercises/handin.ts): its format, a parser facing hostile files, and the
// grader grading hand-ins and /progress/ exports by regrading the code, never the recorded result.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  HandinParseError,
  MAX_HANDIN_BYTES,
  handinFileName,
  makeHandin,
  parseHandin,
  readHandinSubmission,
  serializeHandin,
  studentProblem,
} from "../../src/exercises/handin.ts";
import { gradeCli, root } from "./grade-cli.ts";

const solution = readFileSync(join(root, "src/exercises/read-packet/solution.ts"), "utf8");
const returnsZero = `export function read_packet(_o: unknown, _b: Uint8Array, _n: number): number { return 0; }\n`;
const when = new Date("2026-12-04T01:00:00.000Z");
const good = () =>
  makeHandin({
    exercise: "read-packet",
    student: "  王小明 s1234 ",
    code: solution,
    check: { status: "pass", passed: 12, total: 12 },
    when,
  });
const reason = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return e instanceof HandinParseError ? e.reason : `other: ${e}`;
  }
  return "accepted";
};

describe("hand-in format", () => {
  it("holds the code, the exercise, the typed name, the unverified Check, a version and the date", () => {
    const f = good();
    expect(f).toEqual({
      format: "avio-workbook-handin",
      version: 1,
      exercise: "read-packet",
      student: "王小明 s1234",
      code: solution,
      created: "2026-12-04T01:00:00.000Z",
      browserCheck: { verified: false, status: "pass", passed: 12, total: 12 },
    });
    expect(parseHandin(serializeHandin(f))).toEqual(f);
    expect(makeHandin({ exercise: "seek", student: "a", code: "", when }).browserCheck).toEqual({
      verified: false,
      status: "not-run",
    });
  });

  it("file name: the exercise id and the name, safe for any file system", () => {
    expect(handinFileName("read-packet", "王小明 s1234")).toBe("read-packet-王小明-s1234.handin.json");
    expect(handinFileName("seek", "../../etc/passwd")).toBe("seek-etc-passwd.handin.json");
    expect(handinFileName("seek", "///")).toBe("seek-student.handin.json");
  });

  it("names: empty, too long, control or bidi characters are refused", () => {
    expect(studentProblem("  ")).toBe("empty");
    expect(studentProblem("x".repeat(101))).toBe("long");
    expect(studentProblem("a\u202eb")).toBe("chars");
    expect(studentProblem("a\nb")).toBe("chars");
    expect(studentProblem("Zoë")).toBeNull();
  });
});

describe("hand-in parser: hostile files", () => {
  const edit = (f: (o: Record<string, unknown>) => void) => {
    const o = JSON.parse(serializeHandin(good()));
    f(o);
    return JSON.stringify(o);
  };
  it.each([
    ["not JSON", () => "{", "json"],
    ["an array", () => "[]", "format"],
    ["huge", () => " ".repeat(MAX_HANDIN_BYTES + 1), "size"],
    ["another format", () => edit((o) => (o.format = "x")), "format"],
    ["version 2", () => edit((o) => (o.version = 2)), "version"],
    ["an extra key", () => edit((o) => (o.extra = 1)), "fields"],
    ["__proto__ key", () => serializeHandin(good()).replace("{", '{"__proto__": {"x": 1},'), "fields"],
    ["a missing key", () => edit((o) => delete o.code), "fields"],
    ["code not a string", () => edit((o) => (o.code = ["x"])), "code"],
    ["code over 256 KiB", () => edit((o) => (o.code = "é".repeat(140 * 1024))), "code"],
    ["exercise path", () => edit((o) => (o.exercise = "../seek")), "exercise"],
    ["student untrimmed", () => edit((o) => (o.student = " a")), "student"],
    ["student with newline", () => edit((o) => (o.student = "a\nb")), "student"],
    ["bad date", () => edit((o) => (o.created = "yesterday")), "date"],
    ["verified: true", () => edit((o) => (o.browserCheck = { verified: true, status: "pass" })), "check"],
    [
      "passed > total",
      () => edit((o) => (o.browserCheck = { verified: false, status: "pass", passed: 9, total: 1 })),
      "check",
    ],
  ])("%s", (_, make, want) => {
    expect(reason(() => parseHandin(make()))).toBe(want);
  });

  it("a hand-in for another exercise, a progress export without that exercise", () => {
    expect(reason(() => readHandinSubmission(serializeHandin(good()), "seek"))).toBe("exercise");
    const progress = JSON.stringify({ format: "avio-workbook-progress", version: 1, code: { "x/y": "z" } });
    expect(reason(() => readHandinSubmission(progress, "seek"))).toBe("no_code");
  });
});

describe("the grader grades hand-ins and progress exports itself", () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "avio-handin-"));
    // A lying hand-in: the code returns 0, the recorded Check says 12/12 pass.
    const liar = { ...good(), student: "Liar Li", code: returnsZero };
    writeFileSync(join(dir, "read-packet-Liar-Li.handin.json"), serializeHandin(liar));
    writeFileSync(join(dir, "read-packet-王小明-s1234.handin.json"), serializeHandin(good()));
    writeFileSync(join(dir, "wrong.handin.json"), serializeHandin({ ...good(), exercise: "seek" }));
    writeFileSync(join(dir, "broken.handin.json"), "{ not json");
    // Not ours: skipped (said on stderr), as before hand-ins existed.
    writeFileSync(join(dir, "package.json"), '{"name": "x"}');
    writeFileSync(join(dir, "huge.json"), " ".repeat(2 * 1024 * 1024));
    // A /progress/ export (the site's own format), with a recorded pass the grader must ignore.
    writeFileSync(
      join(dir, "zoe.json"),
      JSON.stringify({
        format: "avio-workbook-progress",
        version: 1,
        exported: when.toISOString(),
        lessonsRead: [],
        exercisesDone: { "read-packet": when.toISOString() },
        code: { "/exercises/read-packet/exercise": returnsZero, "/exercises/seek/exercise": solution },
      }),
    );
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("regrades the code; the student is the typed name; hostile files are error rows", () => {
    const r = gradeCli(dir, "read-packet", ".", "--json", "--csv", "grades.csv");
    const doc = JSON.parse(r.stdout);
    const by = Object.fromEntries(
      doc.results.map((x: { submission: string }) => [x.submission, x]),
    ) as Record<string, { student: string; status: string; passed: number; message?: string }>;
    expect(Object.keys(by).sort()).toEqual(
      [
        "broken.handin.json",
        "huge.json",
        "read-packet-Liar-Li.handin.json",
        "read-packet-王小明-s1234.handin.json",
        "wrong.handin.json",
        "zoe.json",
      ].sort(),
    );
    expect(by["read-packet-王小明-s1234.handin.json"]).toMatchObject({
      status: "pass",
      student: "王小明 s1234",
    });
    expect(by["read-packet-Liar-Li.handin.json"]).toMatchObject({ status: "fail", student: "Liar Li" });
    expect(by["read-packet-Liar-Li.handin.json"]!.passed).toBeLessThan(12);
    expect(by["zoe.json"]).toMatchObject({ status: "fail", student: "zoe" });
    expect(by["wrong.handin.json"]).toMatchObject({
      status: "error",
      message: expect.stringMatching(/seek/),
    });
    expect(r.stderr).toMatch(/skipped 1 entry that is not \.ts: .*package\.json/);
    expect(by["broken.handin.json"]).toMatchObject({
      status: "error",
      message: expect.stringMatching(/json/),
    });
    expect(by["huge.json"]).toMatchObject({ status: "error", message: expect.stringMatching(/limit/) });
    const csv = readFileSync(join(dir, "grades.csv"), "utf8");
    expect(csv).toMatch(/王小明 s1234/);
    expect(csv).toMatch(/Liar Li/);
  });
});
