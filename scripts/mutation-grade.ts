// Stryker's command runner calls this once per mutant, in its sandbox:
//   node <repo>/scripts/mutation-grade.ts <exercise-id> <mutated solution.ts>
// Stryker switches mutants on with an environment variable, which learner code never sees (it
// runs in a compartment, in a child with an empty environment), so the active mutant is written
// into a copy of the file first. That copy goes through the real grader; exit 0 means the
// mutant passed every test (survived), 1 that the tests caught it.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const [id, file] = process.argv.slice(2);
if (!id || !file) {
  process.stderr.write("usage: mutation-grade.ts <exercise-id> <solution.ts>\n");
  process.exit(2);
}
const root = fileURLToPath(new URL("../", import.meta.url));
const active = process.env.__STRYKER_ACTIVE_MUTANT__;
const source = readFileSync(resolve(file), "utf8");
// Stryker's instrumented code looks for `globalThis.__stryker__.activeMutant` before the environment.
const baked =
  (active === undefined ? "" : `globalThis.__stryker__ = { activeMutant: ${JSON.stringify(active)} };\n`) +
  source;

const dir = mkdtempSync(join(tmpdir(), "avio-mutant-"));
try {
  writeFileSync(join(dir, "solution.ts"), baked);
  // The grader's own budget stays below Stryker's timeout, so the grader (not Stryker) stops an
  // endless loop and kills its child's process group.
  const r = spawnSync(
    process.execPath,
    [
      join(root, "scripts/grade.ts"),
      id,
      join(dir, "solution.ts"),
      "--json",
      "--timeout",
      "15",
      "--jobs",
      "1",
    ],
    {
      cwd: root,
      encoding: "utf8",
      env: { ...process.env, INIT_CWD: dir, __STRYKER_ACTIVE_MUTANT__: "" },
    },
  );
  let status: string | undefined;
  try {
    status = JSON.parse(r.stdout).results?.[0]?.status;
  } catch {
    /* no JSON: the grader itself failed */
  }
  if (status === undefined) {
    process.stderr.write(`grader failed (exit ${r.status}): ${r.stderr}\n`);
    process.exit(3);
  }
  if (status !== "pass")
    process.stdout.write(
      `${status}: ${JSON.stringify(JSON.parse(r.stdout).results[0].tests.find((t: { status: string }) => t.status !== "pass") ?? JSON.parse(r.stdout).results[0].message)}\n`,
    );
  process.exitCode = status === "pass" ? 0 : 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
