// Runs the teacher's grader CLI (scripts/grade.ts) as a teacher would, from `cwd` (names print relative to it).
import { spawn, spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

export const root = fileURLToPath(new URL("../../", import.meta.url));

export function gradeCli(cwd: string, ...args: string[]) {
  const r = spawnSync(process.execPath, ["scripts/grade.ts", ...args], {
    cwd: root,
    encoding: "utf8",
    env: { ...process.env, INIT_CWD: cwd },
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The same, without blocking the test's own event loop (for tests that do other things meanwhile). */
export function gradeCliAsync(cwd: string, ...args: string[]) {
  return new Promise<{ status: number | null; stdout: string; stderr: string }>((ok) => {
    const proc = spawn(process.execPath, ["scripts/grade.ts", ...args], {
      cwd: root,
      env: { ...process.env, INIT_CWD: cwd },
    });
    let stdout = "";
    let stderr = "";
    proc.stdout.on("data", (d) => (stdout += d));
    proc.stderr.on("data", (d) => (stderr += d));
    proc.on("close", (status) => ok({ status, stdout, stderr }));
  });
}
