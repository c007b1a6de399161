// The grading CLI over a class folder: a passing, a failing, a looping and a
// non-compiling submission, each graded in isolation.
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../../", import.meta.url));
let dir: string;

function grade(...args: string[]) {
  const r = spawnSync(process.execPath, ["scripts/grade.ts", ...args], { cwd: root, encoding: "utf8", env: { ...process.env, INIT_CWD: dir } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "avio-class-"));
  mkdirSync(join(dir, "class"));
  copyFileSync(join(root, "src/exercises/read-packet/solution.ts"), join(dir, "class/alice.ts"));
  copyFileSync(join(root, "test/exercise-mutants/read-packet/returns-zero-at-eof.ts"), join(dir, "class/bob.ts"));
  writeFileSync(join(dir, "class/carol.ts"), "export function read_packet(o: unknown, b: Uint8Array, n: number): number {\n  while (true) {}\n}\n");
  writeFileSync(join(dir, "class/dave.ts"), "export function read_packet(o, b, n: number): number { return n + ; }\n");
  writeFileSync(join(dir, "class/erin.ts"), "export function readPacket() { return 0; }\n");
});

describe("grade CLI", () => {
  it("--json: one document in Exercism's vocabulary; the loop is stopped by the budget", () => {
    const r = grade("read-packet", "class", "--json", "--timeout", "10", "--junit", "report.xml");
    expect(r.status).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.exercise).toBe("read-packet");
    const by = Object.fromEntries(doc.results.map((x: { submission: string }) => [x.submission, x]));
    expect(Object.keys(by)).toEqual(["class/alice.ts", "class/bob.ts", "class/carol.ts", "class/dave.ts", "class/erin.ts"]);
    expect(by["class/alice.ts"].status).toBe("pass");
    expect(by["class/alice.ts"].tests.every((t: { status: string }) => t.status === "pass")).toBe(true);
    expect(by["class/bob.ts"].status).toBe("fail");
    const bobFail = by["class/bob.ts"].tests.find((t: { status: string }) => t.status === "fail");
    expect(bobFail).toMatchObject({ name: "returns AVERROR_EOF at the end, never 0", message: expect.stringMatching(/never 0/) });
    expect(by["class/carol.ts"]).toMatchObject({ status: "error", message: expect.stringMatching(/Did not finish within 10 s/) });
    expect(by["class/dave.ts"]).toMatchObject({ status: "error", message: expect.stringMatching(/does not compile/), tests: [] });
    expect(by["class/erin.ts"]).toMatchObject({ status: "error", message: expect.stringMatching(/does not export read_packet/) });
    const junit = readFileSync(join(dir, "report.xml"), "utf8");
    expect(junit).toMatch(/<testsuites name="read-packet">/);
    expect(junit.match(/<testsuite /g)).toHaveLength(5);
    expect(junit).toMatch(/<failure message="read_packet\(\{ 10 bytes, pos: 10 \}, buf, 8\) returned 0/);
  });

  it("prints a table by default, in Chinese with --lang zh-cn", () => {
    const en = grade("read-packet", "class/alice.ts", "class/bob.ts");
    expect(en.stdout.split("\n")[0]).toMatch(/^submission\s+passed\s+status\s+first failure$/);
    expect(en.stdout).toMatch(/class\/alice\.ts\s+12\/12\s+pass/);
    expect(en.stdout).toMatch(/class\/bob\.ts\s+\d+\/12\s+fail\s+returns AVERROR_EOF at the end, never 0:/);
    const zh = grade("read-packet", "class/bob.ts", "--lang", "zh-cn");
    expect(zh.stdout).toMatch(/绝不能返回 0/);
  });

  it("exit 2 with one line for bad usage", () => {
    for (const args of [["nope", "class"], ["read-packet"], ["read-packet", "missing-dir"], []]) {
      const r = grade(...args);
      expect(r.status).toBe(2);
      expect(r.stderr.trim().split("\n")).toHaveLength(1);
    }
  });
});
