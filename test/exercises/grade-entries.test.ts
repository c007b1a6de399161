// Whatever students hand in, every entry of the folder gets exactly one honest row and nothing
// stops the run: a folder named like a .ts file, a dangling link, a link to the solution, a FIFO,
// a socket, a sparse 600 MB file, colliding names. And --merge accepts exactly one class's shards.
// One grading run for the tree; the merge cases need no grading at all.
import { execFileSync } from "node:child_process";
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  truncateSync,
  writeFileSync,
} from "node:fs";
import { createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gradeCli, root } from "./grade-cli.ts";
import { parseResultsJson } from "../../src/exercises/report-schema.ts";

let dir: string;
let server: Server;
const grade = (...args: string[]) => gradeCli(dir, ...args);
const solution = join(root, "src/exercises/read-packet/solution.ts");
const STUB = "export function read_packet(o: unknown, b: Uint8Array, n: number): number { return -1; }\n";

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "avio-entries-"));
  const c = (p: string) => join(dir, "class", p);
  mkdirSync(c("evil.ts"), { recursive: true });
  writeFileSync(c("evil.ts/inside.ts"), STUB);
  mkdirSync(c("bob"));
  mkdirSync(c("xiao"));
  for (const s of ["sec1", "sec2"]) {
    mkdirSync(join(dir, s));
    writeFileSync(join(dir, s, "alice.ts"), STUB);
  }
  copyFileSync(solution, c("alice.ts"));
  symlinkSync("/nonexistent/file.ts", c("dangling.ts"));
  symlinkSync(solution, c("mallory.ts"));
  execFileSync("mkfifo", [c("fifo.ts")]);
  writeFileSync(c("huge.ts"), "");
  truncateSync(c("huge.ts"), 600 * 2 ** 20); // sparse: no disk used
  writeFileSync(c("notes.md"), "not code");
  writeFileSync(c("helper.js"), "export {}");
  copyFileSync(join(root, "test/exercise-mutants/read-packet/returns-zero-at-eof.ts"), c("bob/sub.ts"));
  writeFileSync(c("bob\\sub.ts"), STUB);
  writeFileSync(Buffer.from([...Buffer.from(`${c("")}/`), 0xff, 0x2e, 0x74, 0x73]), STUB);
  // A student's folder: the file that exports read_packet imports its helper from the same folder.
  mkdirSync(c("yan"));
  writeFileSync(
    c("xiao/read_packet.ts"),
    `import { AVERROR_EOF } from "avio";\nimport { copyInto } from "./util.ts";\nexport function read_packet(o: { data: Uint8Array; pos: number }, buf: Uint8Array, size: number): number {\n  const n = copyInto(o, buf, size);\n  return n === 0 ? AVERROR_EOF : n;\n}\n`,
  );
  writeFileSync(
    c("xiao/util.ts"),
    "export function copyInto(o: { data: Uint8Array; pos: number }, buf: Uint8Array, size: number): number {\n  const n = Math.min(size, o.data.length - o.pos);\n  buf.set(o.data.subarray(o.pos, o.pos + n));\n  o.pos += n;\n  return n;\n}\n",
  );
  // …and one that reaches outside its folder (for the solution) is refused.
  writeFileSync(c("yan/read_packet.ts"), `export { read_packet } from "../alice.ts";\n`);
  writeFileSync(c("yan/notes.ts"), "export const x = 1;\n");
  await new Promise<void>((ok) => {
    server = createServer().listen(c("sock.ts"), ok);
  });
  writeFileSync(join(dir, "roster.txt"), "student\nalice\nxiao\nzed\n");
});
afterAll(() => {
  server?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("grade: every folder entry gets exactly one row", () => {
  let r: ReturnType<typeof grade>;
  let doc: NonNullable<ReturnType<typeof parseResultsJson> & { ok: true }>["value"];
  beforeAll(() => {
    r = grade(
      "read-packet",
      "class",
      "sec1",
      "sec2",
      "--json",
      "--roster",
      "roster.txt",
      "--csv",
      "book.csv",
      "--excel",
      "--jobs",
      "2",
    );
    const parsed = parseResultsJson(r.stdout);
    if (!parsed.ok) throw new Error(`${parsed.error}\n${r.stderr}`);
    doc = parsed.value;
  });

  it("names relative to the common parent of the folders given, bytes kept, never two alike", () => {
    expect(r.status).toBe(1);
    const names = doc.results.map((x) => x.submission);
    expect(names).toEqual([
      "class/\\xff.ts",
      "class/alice.ts",
      "class/bob/sub.ts",
      "class/bob\\\\sub.ts",
      "class/dangling.ts",
      "class/evil.ts",
      "class/fifo.ts",
      "class/huge.ts",
      "class/mallory.ts",
      "class/sock.ts",
      "class/xiao/read_packet.ts",
      "class/yan/read_packet.ts",
      "sec1/alice.ts",
      "sec2/alice.ts",
      "",
    ]);
    expect(new Set(names).size).toBe(names.length);
  });

  it("links, FIFOs, sockets, folders and oversize files: an error row saying what each is; links never followed", () => {
    const by = Object.fromEntries(doc.results.map((x) => [x.submission, x]));
    const says = (name: string, re: RegExp) =>
      expect(by[name], name).toMatchObject({
        status: "error",
        passed: 0,
        message: expect.stringMatching(re),
      });
    says("class/dangling.ts", /^a symbolic link: not graded/);
    says("class/mallory.ts", /^a symbolic link: not graded \(links are never followed\)$/);
    says("class/fifo.ts", /^a FIFO \(named pipe\): not graded$/);
    says("class/sock.ts", /^a socket: not graded$/);
    says("class/evil.ts", /^a folder named like a \.ts file: not graded$/);
    says("class/huge.ts", /^600\.0 MiB: over the 1\.0 MiB limit for a submission: not graded$/);
    expect(by["class/alice.ts"]).toMatchObject({ status: "pass", passed: 12 });
    expect(by["class/xiao/read_packet.ts"]).toMatchObject({ status: "pass", passed: 12 });
    says(
      "class/yan/read_packet.ts",
      /^imports \.\.\/alice\.ts, which is not a \.ts file of the same folder$/,
    );
    expect(by["class/bob/sub.ts"]).toMatchObject({ status: "fail" });
    expect(by["class/bob\\\\sub.ts"]).toMatchObject({ status: "fail", passed: 0 });
    // Files that are not .ts are said on stderr, never silently dropped.
    expect(r.stderr).toMatch(/skipped 2 entries that are not \.ts: class\/helper\.js, class\/notes\.md/);
  });

  it("students: a file's name, or the student's own folder (its helper is no row); the roster's absent student is missing", () => {
    const students = Object.fromEntries(doc.results.map((x) => [x.submission || "-", x.student]));
    expect(students).toMatchObject({
      "class/alice.ts": "alice",
      "class/xiao/read_packet.ts": "xiao",
      "class/bob/sub.ts": "bob",
      "sec1/alice.ts": "alice",
      "-": "zed",
    });
    expect(doc.results.at(-1)).toMatchObject({ status: "missing", student: "zed", passed: 0 });
    expect(doc.totals).toMatchObject({ missing: 1, submissions: 15 });
    expect(r.stderr).toMatch(/class\/xiao\/util\.ts: a helper of class\/xiao\/read_packet\.ts/);
    const csv = readFileSync(join(dir, "book.csv"), "utf8");
    expect(csv.startsWith("\uFEFFsubmission,status,passed,total,score,first_failure,exercise,student,")).toBe(
      true,
    );
    expect(csv).toMatch(/\r\n,missing,0,12,0,no submission from this student,read-packet,zed,0,12,,\r\n$/); // graded_at and type_errors empty
  });
});

describe("grade --merge: exactly one class's shards", () => {
  const row = (submission: string) => ({
    submission,
    status: "pass",
    passed: 1,
    total: 1,
    score: 1,
    points: 1,
    max_points: 1,
    tests: [{ name: "t", status: "pass", message: null, title: "t" }],
  });
  const report = (file: string, o: { exercise?: string; shard?: [number, number]; rows?: string[] }) => {
    const results = (o.rows ?? []).map(row);
    writeFileSync(
      join(dir, file),
      JSON.stringify({
        exercise: o.exercise ?? "read-packet",
        results,
        totals: { submissions: results.length, passed: results.length, failed: 0, errored: 0, score: 1 },
        ...(o.shard ? { shard: { index: o.shard[0], count: o.shard[1] } } : {}),
      }),
    );
    return file;
  };
  beforeAll(() => {
    report("s1.json", { shard: [1, 2], rows: ["a.ts"] });
    report("s2.json", { shard: [2, 2], rows: ["b.ts"] });
    report("s2-again.json", { shard: [2, 2], rows: ["a.ts"] });
    report("s1of3.json", { shard: [1, 3], rows: ["c.ts"] });
    report("other.json", { exercise: "seek", shard: [2, 2], rows: ["b.ts"] });
    report("whole.json", { rows: ["b.ts"] });
    report("empty.json", { shard: [2, 2] });
  });

  it("exit 2 naming what is wrong: a shard twice, a shard missing, two shard counts, two exercises, a submission twice", () => {
    for (const [files, says] of [
      [["s1.json", "s1.json", "s2.json"], /shard 1\/2 is given 2 times \(s1\.json, s1\.json\)/],
      [["s1.json"], /shard 2\/2 missing: give all 2 reports/],
      [["s1.json", "s1of3.json"], /different shard counts: \/2, \/3/],
      [["s1.json", "other.json"], /different exercises: read-packet, seek/],
      [["s1.json", "whole.json"], /not a --shard report \(no "shard" field\): whole\.json/],
      [["s1.json", "s2-again.json"], /the submission a\.ts is in two reports \(s1\.json, s2-again\.json\)/],
    ] as const) {
      const r = grade("--merge", ...files, "--json");
      expect(r.status, files.join(" ")).toBe(2);
      expect(r.stdout).toBe("");
      expect(r.stderr).toMatch(says);
    }
  });

  it("an empty shard is said on stderr (merging, and grading a slice that holds nothing)", () => {
    const m = grade("--merge", "s1.json", "empty.json", "--json");
    expect(m.status).toBe(0);
    expect(m.stderr).toMatch(/empty\.json: shard 2\/2 holds no submission/);
    expect(JSON.parse(m.stdout).results.map((x: { submission: string }) => x.submission)).toEqual(["a.ts"]);
    const g = grade("read-packet", "sec1", "--shard", "2/2", "--json");
    expect(g.status).toBe(0);
    expect(g.stderr).toMatch(/shard 2\/2 holds no submission \(1 in all\)/);
  });
});
