// The packaged grader (npm run build:grader) as a teacher gets it: built into a temporary folder,
// packed, and copied (or unpacked) somewhere outside the repository, then run with plain node.
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { root } from "./grade-cli.ts";

/** Builds dist-grader/ and its tarball into a fresh temporary folder; returns their paths and the printed SHA-256. */
export function buildGrader(): { dir: string; dist: string; tarball: string; sha256: string } {
  const dir = mkdtempSync(join(tmpdir(), "avio-build-grader-"));
  const dist = join(dir, "dist-grader");
  const r = spawnSync(process.execPath, ["scripts/build-grader.ts", "--out", dist, "--pack"], {
    cwd: root,
    encoding: "utf8",
  });
  if (r.status !== 0) throw new Error(`build:grader failed: ${r.stderr}`);
  const [sha256, name] = r.stdout.trim().split(/\s+/);
  return { dir, dist, tarball: join(dir, name!), sha256: sha256! };
}

/** A copy of dist-grader/ in a folder of its own, far from the repository and its node_modules. */
export function copyGrader(dist: string): string {
  const to = mkdtempSync(join(tmpdir(), "avio-grader-copy-"));
  cpSync(dist, join(to, "dist-grader"), { recursive: true });
  return join(to, "dist-grader");
}

/** `node <dist>/grade.mjs …` from `cwd`, with no npm around it (no INIT_CWD). */
export function gradeBundle(dist: string, cwd: string, ...args: string[]) {
  const { INIT_CWD: _, ...env } = process.env;
  const r = spawnSync(process.execPath, [join(dist, "grade.mjs"), ...args], { cwd, encoding: "utf8", env });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A report without what differs from run to run (when each row was graded). */
export function untimed(json: string): unknown {
  const doc = JSON.parse(json) as { results: Record<string, unknown>[] };
  for (const r of doc.results) delete r.graded_at;
  return doc;
}

/** A CSV gradebook (or any text) with each row's graded_at time blanked. */
export function untimedCsv(csv: string): string {
  return csv.replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z/g, "<graded_at>");
}
