// The packaged grader (issue 26, point 3): `npm run build:grader` writes dist-grader/, which runs
// from a folder of its own with plain node — no repository, no node_modules — and gives the same
// reports as `npm run grade` on the same class: an honest pass, known-wrong submissions, the
// starter unchanged, hostile ones (still locked down by SES and held by Node's permission model,
// whose read paths now lie inside dist-grader/).
import { createHash } from "node:crypto";
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gradeCli, root } from "./grade-cli.ts";
import { buildGrader, copyGrader, gradeBundle, untimed, untimedCsv } from "./grader-dist.ts";

let built: ReturnType<typeof buildGrader>;
let dist: string;
let dir: string;
let fromRepo: ReturnType<typeof gradeCli>;
let fromBundle: ReturnType<typeof gradeBundle>;
let before: string;
type Run = ReturnType<typeof gradeBundle>;
let help: Run[];
let bad: Run[];
let merged: Run[];
let helpers: Run;

const STUB = "export function read_packet(o: unknown, buf: Uint8Array, n: number): number { return -1; }";
/** Every file of the copy with its hash: what a submission must not be able to change. */
function hashes(d: string): string {
  const out: string[] = [];
  const walk = (p: string) => {
    for (const e of readdirSync(p, { withFileTypes: true }))
      if (e.isDirectory()) walk(join(p, e.name));
      else
        out.push(
          `${relative(d, join(p, e.name))} ${createHash("sha256")
            .update(readFileSync(join(p, e.name)))
            .digest("hex")}`,
        );
  };
  walk(d);
  return out.sort().join("\n");
}

beforeAll(() => {
  built = buildGrader();
  dist = copyGrader(built.dist);
  before = hashes(dist);
  dir = mkdtempSync(join(tmpdir(), "avio-bundle-class-"));
  const c = (p: string) => join(dir, "class", p);
  mkdirSync(join(dir, "class"), { recursive: true });
  const ex = (p: string) => join(root, "src/exercises/read-packet", p);
  copyFileSync(ex("solution.ts"), c("alice.ts"));
  copyFileSync(ex("starter.ts"), c("ann.ts"));
  // Passes every test, with one type error: the type check reads its lib files in the bundle too.
  writeFileSync(c("typed.ts"), `const shown: number = "twelve";\n${readFileSync(ex("solution.ts"), "utf8")}`);
  for (const m of ["ignores-buf-size.ts", "returns-zero-at-eof.ts", "ignores-byte-offset.ts"])
    copyFileSync(join(root, "test/exercise-mutants/read-packet", m), c(`mutant-${m}`));
  // Hostile: patch the intrinsics the harness uses; reach Node through a constructor and rewrite
  // the grader's own files; end the process with a "pass" exit code.
  writeFileSync(
    c("proto.ts"),
    `try { Array.prototype.push = function () { return 0; } as any; } catch {}\n${STUB}\n`,
  );
  const child = join(dist, "children/read-packet.mjs");
  writeFileSync(
    c("escape.ts"),
    `try { const fs = (function () {}).constructor("return process")().getBuiltinModule("node:fs"); fs.writeFileSync(${JSON.stringify(child)}, "process.exit(0)"); } catch {}\n${STUB}\n`,
  );
  writeFileSync(c("exit.ts"), `try { (globalThis as any).process.exit(0); } catch {}\n${STUB}\n`);
  const args = ["read-packet", "class", "--json", "--csv", "gradebook.csv", "--lang", "zh-cn"];
  fromBundle = gradeBundle(dist, dir, ...args);
  const bundleCsv = readFileSync(join(dir, "gradebook.csv"), "utf8");
  fromRepo = gradeCli(dir, ...args);
  writeFileSync(join(dir, "bundle.csv"), bundleCsv);

  // The rest of the CLI: --help, bad usage, --merge of a slice; a student's folder with a helper.
  help = [gradeBundle(dist, dir, "--help"), gradeCli(dir, "--help")];
  bad = [gradeBundle(dist, dir, "no-such-exercise", "class"), gradeCli(dir, "no-such-exercise", "class")];
  const slice = gradeBundle(dist, dir, "read-packet", "class/alice.ts", "--shard", "1/1", "--json");
  writeFileSync(join(dir, "report.json"), slice.stdout);
  merged = [gradeBundle(dist, dir, "--merge", "report.json"), gradeCli(dir, "--merge", "report.json")];
  const folder = join(dir, "helpers", "xiao");
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, "util.ts"), "export const N = 1;\n");
  writeFileSync(
    join(folder, "read_packet.ts"),
    `import { N } from "./util.ts";\n${readFileSync(ex("solution.ts"), "utf8")}`,
  );
  helpers = gradeBundle(dist, dir, "read-packet", "helpers", "--json");
}, 600_000);

afterAll(() => {
  for (const d of [built.dir, join(dist, ".."), dir]) rmSync(d, { recursive: true, force: true });
});

describe("dist-grader", () => {
  it("holds no node_modules, no Astro, Playwright or Stryker; only plain files", () => {
    const files = hashes(built.dist)
      .split("\n")
      .map((l) => l.split(" ")[0]!);
    expect(files.filter((f) => /node_modules|astro|playwright|stryker/i.test(f))).toEqual([]);
    expect(files).toContain("grade.mjs");
    expect(files).toContain("children/read-packet.mjs");
    expect(files).toContain("wasm/dist/avio-engine.wasm");
    expect(files).toContain("src/exercises/read-packet/starter.ts");
    // The type check's lib files, and nothing else of TypeScript's package.
    expect(files).toContain("typescript/lib/lib.es2022.d.ts");
    expect(files).toContain("typescript/lib/lib.webworker.d.ts");
    expect(
      files.filter((f) => f.startsWith("typescript/") && !/^typescript\/lib\/lib\.[\w.]+\.d\.ts$/.test(f)),
    ).toEqual([]);
    // Every medium, hidden ones included; no solution.
    for (const m of readdirSync(join(root, "src/media"))) expect(files).toContain(`src/media/${m}`);
    expect(files.filter((f) => f.includes("solution"))).toEqual([]);
  });

  it("gives the same JSON report and gradebook as npm run grade, graded_at aside", () => {
    expect(fromBundle.status, fromBundle.stderr).toBe(1);
    expect(fromRepo.status, fromRepo.stderr).toBe(1);
    expect(untimed(fromBundle.stdout)).toEqual(untimed(fromRepo.stdout));
    const typed = (JSON.parse(fromBundle.stdout) as { results: Record<string, unknown>[] }).results.find(
      (r) => r.submission === "typed.ts",
    );
    expect(typed).toMatchObject({ status: "pass", type_errors: 1 });
    expect(untimedCsv(readFileSync(join(dir, "bundle.csv"), "utf8"))).toBe(
      untimedCsv(readFileSync(join(dir, "gradebook.csv"), "utf8")),
    );
  });

  it("grades what it should: the solution passes, the starter is unchanged, every mutant and attack fails", () => {
    const rows = (JSON.parse(fromBundle.stdout) as { results: { submission: string; status: string }[] })
      .results;
    const status = Object.fromEntries(rows.map((r) => [r.submission.replace(/^class\//, ""), r.status]));
    expect(status).toMatchObject({ "alice.ts": "pass", "ann.ts": "unchanged", "typed.ts": "pass" });
    for (const [name, s] of Object.entries(status))
      if (!["alice.ts", "ann.ts", "typed.ts"].includes(name)) expect(s, name).toMatch(/^(fail|error)$/);
  });

  it("a submission cannot change the grader's own files", () => {
    expect(hashes(dist)).toBe(before);
  });

  it("the same texts and exit codes: --help, bad usage, --merge", () => {
    expect(help[0]!.status).toBe(0);
    expect(help[0]!.stdout).toBe(help[1]!.stdout);
    expect(bad[0]!.status).toBe(2);
    expect(bad[0]!.stderr).toBe(bad[1]!.stderr);
    expect(merged[0]!.status, merged[0]!.stderr).toBe(0);
    expect(merged[0]!.stdout).toBe(merged[1]!.stdout);
  });

  it("a student's folder with helper files gets a row that says the packaged grader takes one file", () => {
    const row = (JSON.parse(helpers.stdout) as { results: { status: string; message: string }[] })
      .results[0]!;
    expect(row.status).toBe("error");
    expect(row.message).toMatch(
      /imports \.\/util\.ts: the packaged grader \(dist-grader\) grades one file per student/,
    );
  });
});
