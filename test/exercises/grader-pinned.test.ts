// Grades no student repository can change (issue 26, point 2). The one-line attack — a student
// appends `tests.length = 0;` to the exercise's tests.ts in their copy of the workbook (the issue
// used `= 1`, which passed while the first test was one a returns-0 submission passes) — turns a
// failing submission into "0/0 pass", exit 0, when the grader runs from that copy. The Classroom
// recipe now runs the teacher's pinned bundle instead: this test plays the generated workflow's
// steps as the runner would (the fetch and grade `run:` steps in bash, each
// autograding-command-grader step's command in sh with the action's own environment, PATH and
// HOME) in two student repositories, one untouched and one with every edit a student could make
// (tests.ts, scripts/grade.ts, package.json's grade script, a fake dist-grader/), and finds the
// same report row and the same points in both.
import { spawnSync } from "node:child_process";
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { classroomWorkflow } from "../../scripts/classroom-workflow.ts";
import { root } from "./grade-cli.ts";
import { buildGrader, untimed } from "./grader-dist.ts";

// A submission that passes some tests and fails others (a known-wrong one: it ignores byteOffset).
const SUBMISSION = readFileSync(
  join(root, "test/exercise-mutants/read-packet/ignores-byte-offset.ts"),
  "utf8",
);
const ATTACK = "\ntests.length = 0;\n";

let built: ReturnType<typeof buildGrader>;
let tmp: string;

interface Step {
  name?: string;
  run?: string;
  uses?: string;
  with?: Record<string, string | number>;
}

/** A student's repository made from the template: the workflow and the submission file. */
function studentRepo(name: string, workflow: string): string {
  const repo = join(tmp, name);
  mkdirSync(join(repo, ".github/workflows"), { recursive: true });
  mkdirSync(join(repo, "submission"));
  writeFileSync(join(repo, ".github/workflows/classroom.yml"), workflow);
  writeFileSync(join(repo, "submission/read-packet.ts"), SUBMISSION);
  return repo;
}

/** Every edit a student could make besides the submission: the tests, the grader, a fake bundle. */
function tamper(repo: string): void {
  mkdirSync(join(repo, "src/exercises/read-packet"), { recursive: true });
  writeFileSync(
    join(repo, "src/exercises/read-packet/tests.ts"),
    readFileSync(join(root, "src/exercises/read-packet/tests.ts"), "utf8") + ATTACK,
  );
  mkdirSync(join(repo, "scripts"));
  writeFileSync(join(repo, "scripts/grade.ts"), "process.exit(0);\n");
  writeFileSync(join(repo, "package.json"), JSON.stringify({ scripts: { grade: "exit 0" } }));
  mkdirSync(join(repo, "dist-grader"));
  for (const f of ["grade.mjs", "passed.mjs"])
    writeFileSync(join(repo, "dist-grader", f), "process.exit(0);\n");
}

/** Runs the job of the repository's own workflow as GitHub's runner would, in a fresh HOME. */
function runJob(repo: string, env: { GRADER_URL?: string; GRADER_SHA256?: string } = {}) {
  const wf = parse(readFileSync(join(repo, ".github/workflows/classroom.yml"), "utf8"));
  const home = mkdtempSync(join(tmpdir(), "avio-runner-home-"));
  const steps = wf.jobs["run-autograding-tests"].steps as Step[];
  const base = { PATH: process.env.PATH!, HOME: home };
  const log: string[] = [];
  let points = 0;
  let max = 0;
  for (const s of steps) {
    if (s.run) {
      const r = spawnSync("bash", ["-eo", "pipefail", "-c", s.run], {
        cwd: repo,
        encoding: "utf8",
        env: { ...base, ...wf.env, ...env },
      });
      log.push(`${s.name}: ${r.status} ${r.stderr}`);
      if (r.status !== 0) return { ok: false, log, points, max, home };
    } else if (s.uses?.startsWith("classroom-resources/autograding-command-grader@")) {
      // The action runs execSync(command) with { PATH, HOME, FORCE_COLOR, DOTNET_* } only.
      const r = spawnSync("sh", ["-c", String(s.with!.command)], { cwd: repo, encoding: "utf8", env: base });
      const worth = Number(s.with!["max-score"]);
      max += worth;
      if (r.status === 0) points += worth;
    }
  }
  return { ok: true, log, points, max, home };
}

const report = (home: string) => readFileSync(join(home, "avio-grader/read-packet.json"), "utf8");

let oldRecipe: { honest: ReturnType<typeof spawnSync>; attacked: ReturnType<typeof spawnSync> };
let clean: ReturnType<typeof runJob>;
let attacked: ReturnType<typeof runJob>;
let wrongSha: ReturnType<typeof runJob>;

/** The old recipe: the grader run from the student's own copy of the workbook, before and after the edit. */
function gradeInWorkbookCopy() {
  const copy = join(tmp, "workbook-copy");
  for (const p of ["scripts", "src", "wasm/dist", "package.json"])
    cpSync(join(root, p), join(copy, p), { recursive: true });
  symlinkSync(join(root, "node_modules"), join(copy, "node_modules"));
  writeFileSync(join(copy, "submission.ts"), SUBMISSION);
  const grade = () =>
    spawnSync(process.execPath, ["scripts/grade.ts", "read-packet", "submission.ts", "--json"], {
      cwd: copy,
      encoding: "utf8",
      env: { ...process.env, INIT_CWD: copy },
    });
  const honest = grade();
  const tests = join(copy, "src/exercises/read-packet/tests.ts");
  writeFileSync(tests, readFileSync(tests, "utf8") + ATTACK);
  return { honest, attacked: grade() };
}

beforeAll(async () => {
  built = buildGrader();
  tmp = mkdtempSync(join(tmpdir(), "avio-pinned-"));
  oldRecipe = gradeInWorkbookCopy();
  const workflow = await classroomWorkflow(["read-packet"], {
    url: pathToFileURL(built.tarball).href,
    sha256: built.sha256,
  });
  clean = runJob(studentRepo("clean", workflow));
  const edited = studentRepo("edited", workflow);
  tamper(edited);
  attacked = runJob(edited);
  wrongSha = runJob(
    studentRepo(
      "wrong-sha",
      await classroomWorkflow(["read-packet"], {
        url: pathToFileURL(built.tarball).href,
        sha256: "0".repeat(64),
      }),
    ),
  );
}, 600_000);

afterAll(() => {
  for (const d of [built.dir, tmp, clean.home, attacked.home, wrongSha.home])
    rmSync(d, { recursive: true, force: true });
});

describe("the Classroom recipe with the teacher's pinned grader", () => {
  it("reproduces the old attack: grading from the student's copy of the workbook, tests.length = 0 turns a fail into 0/0 pass", () => {
    expect(oldRecipe.honest.status).toBe(1);
    expect(oldRecipe.attacked.status).toBe(0);
    expect(JSON.parse(String(oldRecipe.attacked.stdout)).results[0]).toMatchObject({
      status: "pass",
      passed: 0,
      total: 0,
    });
  });

  it("the same row and the same points with every edit as without: the edits change nothing", () => {
    expect(clean.ok, clean.log.join("\n")).toBe(true);
    expect(attacked.ok, attacked.log.join("\n")).toBe(true);
    expect(untimed(report(attacked.home))).toEqual(untimed(report(clean.home)));
    expect(attacked.points).toBe(clean.points);
    expect(attacked.max).toBe(clean.max);
  });

  it("the points are the report's: the tests the submission passed, out of all of them", () => {
    const row = JSON.parse(report(clean.home)).results[0];
    expect(row).toMatchObject({ status: "fail", total: 12, max_points: 12 });
    expect(row.points).toBeGreaterThan(0);
    expect(clean.points).toBe(row.points);
    expect(clean.max).toBe(12);
    // npm run grade gives the honest copy the same verdict.
    expect(JSON.parse(String(oldRecipe.honest.stdout)).results[0]).toMatchObject({
      status: "fail",
      points: row.points,
    });
  });

  it("a grader that is not the pinned one never runs: a wrong SHA-256 stops the job before grading", () => {
    expect(wrongSha.ok).toBe(false);
    expect(wrongSha.log.at(-1)).toMatch(/did NOT match/);
    expect(existsSync(join(wrongSha.home, "avio-grader/dist-grader"))).toBe(false);
    expect(wrongSha.points).toBe(0);
  });
});
