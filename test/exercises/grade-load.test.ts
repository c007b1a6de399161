// The same class gets the same verdicts on a quiet and on a loaded machine: the limit a
// submission meets is CPU time per test (the machine's load does not change it), and the
// wall-clock backstop sits far above. A small class, graded once as it is and once under a CPU
// hog this test starts itself (busy Node processes, twice as many as the cores).
import { type ChildProcess, spawn } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gradeCliAsync, root } from "./grade-cli.ts";

let dir: string;
let hogs: ChildProcess[] = [];

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "avio-load-"));
  mkdirSync(join(dir, "class"));
  const c = (name: string) => join(dir, "class", name);
  copyFileSync(join(root, "src/exercises/read-packet/solution.ts"), c("ada.ts"));
  copyFileSync(join(root, "test/exercise-mutants/read-packet/returns-zero-at-eof.ts"), c("bo.ts"));
  writeFileSync(
    c("cy.ts"),
    "export function read_packet(o: unknown, b: Uint8Array, n: number): number {\n  for (;;) {}\n}\n",
  );
  writeFileSync(c("di.ts"), "for (;;) {}\nexport function read_packet(): number { return 0; }\n");
});
afterAll(() => {
  for (const h of hogs) h.kill("SIGKILL");
  rmSync(dir, { recursive: true, force: true });
});

/** What a verdict is: every field of every row but the time it was graded. */
const verdicts = (stdout: string) =>
  JSON.parse(stdout).results.map(({ graded_at: _, ...r }: { graded_at?: string }) => r);

describe("grade: verdicts do not depend on the machine's load", () => {
  it("one class, quiet and under a CPU hog: every verdict the same", async () => {
    const args = ["read-packet", "class", "--json", "--timeout", "2", "--jobs", "2"];
    const quiet = await gradeCliAsync(dir, ...args);
    expect(quiet.status).toBe(1);
    const before = verdicts(quiet.stdout);
    expect(before.map((r: { status: string }) => r.status)).toEqual(["pass", "fail", "error", "error"]);
    expect(before[2].message).toMatch(/used 2\.0 s of CPU, the limit for one test/);
    expect(before[3].message).toMatch(/^Loading the module used 2\.0 s of CPU, the limit/);

    // Twice as many busy processes as cores, running until the test ends.
    hogs = Array.from({ length: 2 * availableParallelism() }, () =>
      spawn(process.execPath, ["-e", "for (;;) {}"], { stdio: "ignore" }),
    );
    const loaded = await gradeCliAsync(dir, ...args);
    for (const h of hogs) h.kill("SIGKILL");
    expect(verdicts(loaded.stdout)).toEqual(before);
    expect(loaded.status).toBe(quiet.status);
  });
});
