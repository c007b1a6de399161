// Nothing outlives the grader: SIGINT, SIGTERM, SIGHUP mid-run stop every submission's process,
// remove the temporary folder and write no report; SIGKILL to the grader stops its children too
// (the kernel's parent-death signal). And when the grader could not run a submission properly (its
// process killed from outside, the machine too slow to measure), the row says so: "grader problem".
import { spawn } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { root } from "./grade-cli.ts";

const LOOP =
  "export function read_packet(o: unknown, b: Uint8Array, n: number): number {\n  for (;;) {}\n}\n";
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "avio-signals-"));
  mkdirSync(join(dir, "loops"));
  for (const name of ["a.ts", "b.ts"]) writeFileSync(join(dir, "loops", name), LOOP);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The grader, started as a teacher would; its temporary files go to its own folder. */
function start(tmp: string, ...args: string[]) {
  mkdirSync(tmp, { recursive: true });
  const proc = spawn(process.execPath, ["scripts/grade.ts", ...args], {
    cwd: root,
    env: { ...process.env, INIT_CWD: dir, TMPDIR: tmp },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  proc.stdout.on("data", (d) => (stdout += d));
  proc.stderr.on("data", (d) => (stderr += d));
  const exit = new Promise<{ code: number | null; signal: string | null }>((ok) =>
    proc.on("close", (code, signal) => ok({ code, signal })),
  );
  return { proc, exit, out: () => ({ stdout, stderr }) };
}

/** Processes whose command line names this temporary folder: the submissions' children (and nothing else). */
function children(tmp: string): number[] {
  const pids: number[] = [];
  for (const p of readdirSync("/proc")) {
    if (!/^\d+$/.test(p)) continue;
    try {
      if (readFileSync(`/proc/${p}/cmdline`, "utf8").includes(tmp)) pids.push(Number(p));
    } catch {
      /* gone */
    }
  }
  return pids;
}
/** CPU seconds a process has used (Linux /proc; 0 once it is gone). */
function cpu(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(f[11]) + Number(f[12])) / 100;
  } catch {
    return 0;
  }
}
/** Children that have been looping for a while: the learner's code is running, not the engine's start. */
const looping = (tmp: string, n: number) => {
  const pids = children(tmp).filter((p) => cpu(p) >= 2);
  return pids.length >= n ? pids : false;
};
const tick = () => new Promise((ok) => setTimeout(ok, 100));
async function until<T>(f: () => T | undefined | false): Promise<T> {
  for (;;) {
    const v = f();
    if (v) return v;
    await tick();
  }
}

describe("grade: signals", () => {
  for (const [signal, code] of [
    ["SIGINT", 130],
    ["SIGTERM", 143],
    ["SIGHUP", 129],
  ] as const)
    it(`${signal} mid-run: exit ${code}, no process, no temporary folder, no report`, async () => {
      const tmp = join(dir, `tmp-${signal}`);
      const g = start(tmp, "read-packet", "loops", "--timeout", "120", "--jobs", "2", "--junit", "r.xml");
      // Both submissions' processes are running their loops.
      await until(() => looping(tmp, 2));
      g.proc.kill(signal);
      expect(await g.exit).toEqual({ code, signal: null });
      await until(() => children(tmp).length === 0);
      expect(readdirSync(tmp)).toEqual([]);
      expect(existsSync(join(dir, "r.xml"))).toBe(false);
      expect(g.out().stdout).toBe("");
      expect(g.out().stderr).toMatch(new RegExp(`stopped by ${signal}: no report was written`));
    });

  it("SIGKILL to the grader: its children stop too (they are not left looping)", async () => {
    const tmp = join(dir, "tmp-SIGKILL");
    const g = start(tmp, "read-packet", "loops", "--timeout", "120", "--jobs", "2");
    const pids = await until(() => looping(tmp, 2));
    g.proc.kill("SIGKILL");
    await g.exit;
    await until(() =>
      pids.every(
        (p) => !existsSync(`/proc/${p}/cmdline`) || readFileSync(`/proc/${p}/stat`, "utf8").includes(") Z "),
      ),
    );
  });
});

describe("grade: grader problems are never verdicts about the student", () => {
  it("a child killed from outside, and a machine too slow to measure: 'grader problem: regrade this submission'", async () => {
    const tmp = join(dir, "tmp-kill");
    const g = start(tmp, "read-packet", "loops/a.ts", "--timeout", "120", "--json");
    const [pid] = await until(() => looping(tmp, 1));
    process.kill(pid, "SIGKILL");
    await g.exit;
    const killed = JSON.parse(g.out().stdout).results[0];
    expect(killed).toMatchObject({
      status: "error",
      message: expect.stringMatching(
        /^grader problem: regrade this submission \(its process was stopped from outside the grader \(SIGKILL\)\)\.$/,
      ),
    });

    // The wall-clock backstop fires long before the CPU limit could: the machine, not the student.
    const slow = start(
      join(dir, "tmp-wall"),
      "read-packet",
      "loops/b.ts",
      "--timeout",
      "120",
      "--wall",
      "2",
      "--json",
    );
    await slow.exit;
    expect(JSON.parse(slow.out().stdout).results[0]).toMatchObject({
      status: "error",
      message: expect.stringMatching(
        /^grader problem: regrade this submission \(the machine was too busy to measure it: \d+ s of wall-clock time passed while it used [\d.]+ s of CPU\)\.$/,
      ),
    });
  });
});
