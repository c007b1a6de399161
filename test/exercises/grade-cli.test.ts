import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gradeCli, root } from "./grade-cli.ts";

let dir: string;
const grade = (...args: string[]) => gradeCli(dir, ...args);

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "avio-class-"));
  mkdirSync(join(dir, "class"));
  copyFileSync(join(root, "src/exercises/read-packet/solution.ts"), join(dir, "class/alice.ts"));
  copyFileSync(
    join(root, "test/exercise-mutants/read-packet/returns-zero-at-eof.ts"),
    join(dir, "class/bob.ts"),
  );
  writeFileSync(
    join(dir, "class/carol.ts"),
    "export function read_packet(o: unknown, b: Uint8Array, n: number): number {\n  while (true) {}\n}\n",
  );
  writeFileSync(
    join(dir, "class/dave.ts"),
    "export function read_packet(o, b, n: number): number { return n + ; }\n",
  );
  writeFileSync(join(dir, "class/erin.ts"), "export function readPacket() { return 0; }\n");
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("grade CLI", () => {
  it("--json: one document in Exercism's vocabulary; the loop is stopped by its CPU limit", () => {
    const r = grade("read-packet", "class", "--json", "--timeout", "2", "--junit", "report.xml");
    expect(r.status).toBe(1);
    const doc = JSON.parse(r.stdout);
    expect(doc.exercise).toBe("read-packet");
    const by = Object.fromEntries(doc.results.map((x: { submission: string }) => [x.submission, x]));
    // Named relative to the folder given.
    expect(Object.keys(by)).toEqual(["alice.ts", "bob.ts", "carol.ts", "dave.ts", "erin.ts"]);
    expect(by["alice.ts"]).toMatchObject({ status: "pass", passed: 12, total: 12, score: 1 });
    expect(by["alice.ts"].tests.every((t: { status: string }) => t.status === "pass")).toBe(true);
    expect(by["bob.ts"]).toMatchObject({ status: "fail", total: 12 });
    const bobFail = by["bob.ts"].tests.find((t: { status: string }) => t.status === "fail");
    expect(bobFail).toMatchObject({
      name: "returns AVERROR_EOF at the end, never 0",
      message: expect.stringMatching(/never 0/),
    });
    // A timeout and a compile error still count every test of the exercise.
    expect(by["carol.ts"]).toMatchObject({
      status: "error",
      passed: 0,
      total: 12,
      message: expect.stringMatching(
        /^Test "copies the first buf_size bytes and returns how many" used 2\.0 s of CPU, the limit for one test: an endless loop\?$/,
      ),
    });
    expect(by["carol.ts"].tests.filter((t: { status: string }) => t.status === "skipped")).toHaveLength(11);
    expect(by["dave.ts"]).toMatchObject({
      status: "error",
      passed: 0,
      total: 12,
      message: expect.stringMatching(/does not compile/),
    });
    expect(by["erin.ts"]).toMatchObject({
      status: "error",
      message: expect.stringMatching(/does not export read_packet/),
    });
    expect(doc.totals).toEqual({
      submissions: 5,
      passed: 1,
      failed: 1,
      errored: 3,
      missing: 0,
      unchanged: 0,
      score: expect.any(Number),
    });
    const junit = readFileSync(join(dir, "report.xml"), "utf8");
    expect(junit).toMatch(
      /<testsuites name="read-packet" tests="62" failures="\d+" errors="\d+" time="\d+\.\d{3}">/,
    );
    expect(junit.match(/<testsuite /g)).toHaveLength(5);
    expect(junit).toMatch(
      /<failure message="read_packet\(\{ 10 bytes, pos: 10 \}, buf, 8\) returned 0[^"]*">read_packet\(/,
    );
  });

  it("prints a table by default, in Chinese with --lang zh-cn", () => {
    const en = grade("read-packet", "class/alice.ts", "class/bob.ts");
    expect(en.status).toBe(1);
    expect(en.stdout.split("\n")[0]).toMatch(/^submission\s+passed\s+status\s+first failure$/);
    expect(en.stdout).toMatch(/class\/alice\.ts\s+12\/12\s+pass/);
    expect(en.stdout).toMatch(/class\/bob\.ts\s+\d+\/12\s+fail\s+returns AVERROR_EOF at the end, never 0:/);
    const zh = grade("read-packet", "class/bob.ts", "--lang", "zh-cn");
    expect(zh.stdout).toMatch(/绝不能返回 0/);
  });

  it("--lang zh-cn: Chinese headers, test names, statuses and summary; JSON keeps every English field and adds the title", () => {
    const zh = grade("read-packet", "class/alice.ts", "class/bob.ts", "class/erin.ts", "--lang", "zh-cn");
    expect(zh.status).toBe(1);
    const lines = zh.stdout.trimEnd().split("\n");
    expect(lines[0]).toMatch(/^提交\s+通过\s+状态\s+第一个失败$/);
    expect(zh.stdout).toMatch(/class\/alice\.ts\s+12\/12\s+通过\n/);
    expect(zh.stdout).toMatch(
      /class\/bob\.ts\s+\d+\/12\s+未通过\s+读到末尾时返回 AVERROR_EOF，绝不返回 0：read_packet\(\{ 10 字节, pos: 10 \}, buf, 8\) 返回了 0，应为 AVERROR_EOF。/,
    );
    expect(zh.stdout).toMatch(/class\/erin\.ts\s+0\/12\s+出错\s+你的模块没有导出 read_packet/);
    expect(lines.at(-1)).toBe("共 3 份提交：1 份通过，1 份未通过，1 份出错。");
    expect(zh.stdout).not.toMatch(/returns AVERROR_EOF at the end|submission|first failure|expected/);
    const en = grade("read-packet", "class/bob.ts");
    expect(en.stdout.trimEnd().split("\n").at(-1)).toBe("1 submission: 0 pass, 1 fail, 0 error.");

    const json = (lang: string) =>
      JSON.parse(grade("read-packet", "class/bob.ts", "--json", "--lang", lang).stdout).results[0];
    const [bobEn, bobZh] = [json("en"), json("zh-cn")];
    const fields = (r: typeof bobEn) =>
      r.tests.map(({ name, status }: { name: string; status: string }) => ({ name, status }));
    expect(fields(bobZh)).toEqual(fields(bobEn));
    for (const t of [...bobEn.tests, ...bobZh.tests])
      expect(Object.keys(t).slice(0, 4)).toEqual(["name", "status", "message", "title"]);
    const eof = (r: typeof bobEn) =>
      r.tests.find((t: { name: string }) => t.name === "returns AVERROR_EOF at the end, never 0");
    expect(eof(bobEn)).toMatchObject({
      status: "fail",
      title: "returns AVERROR_EOF at the end, never 0",
      message: expect.stringMatching(/^read_packet\(\{ 10 bytes/),
    });
    expect(eof(bobZh)).toMatchObject({
      status: "fail",
      title: "读到末尾时返回 AVERROR_EOF，绝不返回 0",
      message: expect.stringMatching(/绝不能返回 0/),
    });

    // The test that was running when the CPU limit was reached is named in both forms too.
    const carol = JSON.parse(
      grade("read-packet", "class/carol.ts", "--json", "--lang", "zh-cn", "--timeout", "1").stdout,
    ).results[0];
    const zhLimit =
      "测试“复制前 buf_size 个字节，并返回复制的字节数”用了 1.0 秒 CPU 时间，达到了单项测试的上限：死循环？";
    expect(carol).toMatchObject({ status: "error", message: zhLimit });
    expect(carol.tests[0]).toEqual({
      name: "copies the first buf_size bytes and returns how many",
      status: "error",
      message: zhLimit,
      title: "复制前 buf_size 个字节，并返回复制的字节数",
    });
  });

  it("exit 2 with one line for bad usage", () => {
    for (const args of [
      ["nope", "class"],
      ["read-packet"],
      ["read-packet", "missing-dir"],
      [],
      ["read-packet", "class", "--junit", "no/such/dir/r.xml"],
      ["read-packet", "class", "--shard", "3/2"],
    ]) {
      const r = grade(...args);
      expect(r.status).toBe(2);
      expect(r.stderr.trim().split("\n"), args.join(" ")).toHaveLength(1);
    }
  });
});
