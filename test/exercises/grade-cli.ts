// Runs the teacher's grader CLI (scripts/grade.ts) as a teacher would, from `cwd` (names print relative to it).
import { spawnSync } from "node:child_process";
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
