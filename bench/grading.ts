// Grading throughput: a class of 100 read-packet submissions (a realistic mix: correct ones,
// known-wrong ones, starters, a compile error, and two endless loops) graded by the CLI with
// one job per core. Run alone with `node bench/grading.ts [--root DIR]` (DIR: another checkout,
// to compare graders), or as part of `npm run bench`.
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

export interface GradingResult {
  submissions: number;
  jobs: number;
  timeoutSeconds: number;
  seconds: number;
  perMinute: number;
  /** CPU seconds the grader and its children used (user + system): less sensitive to a busy machine than wall time. */
  cpuSeconds: number;
  statuses: Record<string, number>;
}

/** Writes the class into `dir`: 60 correct, 30 known-wrong, 7 starters, 1 compile error, 2 loops. */
export function makeClass(root: string, dir: string): number {
  const mutants = join(root, "test/exercise-mutants/read-packet");
  const wrong = readdirSync(mutants).filter((f) => f.endsWith(".ts"));
  let n = 0;
  const add = (from: string | null, code?: string) => {
    const f = join(dir, `s${String(++n).padStart(3, "0")}.ts`);
    if (from) copyFileSync(from, f);
    else writeFileSync(f, code!);
  };
  for (let i = 0; i < 60; i++) add(join(root, "src/exercises/read-packet/solution.ts"));
  for (let i = 0; i < 30; i++) add(join(mutants, wrong[i % wrong.length]));
  for (let i = 0; i < 7; i++) add(join(root, "src/exercises/read-packet/starter.ts"));
  add(null, "export function read_packet(o, b, n: number): number { return n + ; }\n");
  for (let i = 0; i < 2; i++)
    add(null, "export function read_packet(o: unknown, b: Uint8Array, n: number): number { for (;;) {} }\n");
  return n;
}

/** User + system seconds of this process's waited-for children (Linux /proc/self/stat fields 16, 17). */
function childCpuSeconds(): number {
  const fields = readFileSync("/proc/self/stat", "utf8").split(") ")[1].split(" ");
  return (Number(fields[13]) + Number(fields[14])) / 100;
}

export function benchGrading(root: string, timeoutSeconds = 10): GradingResult {
  const dir = mkdtempSync(join(tmpdir(), "avio-grading-bench-"));
  try {
    const submissions = makeClass(root, dir);
    const jobs = availableParallelism();
    const t0 = performance.now();
    const childCpu0 = childCpuSeconds();
    const r = spawnSync(
      process.execPath,
      [
        "scripts/grade.ts",
        "read-packet",
        dir,
        "--json",
        "--jobs",
        String(jobs),
        "--timeout",
        String(timeoutSeconds),
      ],
      {
        cwd: root,
        encoding: "utf8",
        maxBuffer: 1 << 28,
      },
    );
    const seconds = (performance.now() - t0) / 1000;
    // spawnSync's children are waited for, so their usage lands in RUSAGE_CHILDREN: read it from /proc.
    const cpuSeconds = childCpuSeconds() - childCpu0;
    const doc = JSON.parse(r.stdout) as { results: { status: string }[] };
    const statuses: Record<string, number> = {};
    for (const x of doc.results) statuses[x.status] = (statuses[x.status] ?? 0) + 1;
    return {
      submissions,
      jobs,
      timeoutSeconds,
      seconds: Math.round(seconds * 10) / 10,
      perMinute: Math.round((submissions / seconds) * 60),
      cpuSeconds: Math.round(cpuSeconds * 10) / 10,
      statuses,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({
    options: { root: { type: "string" }, timeout: { type: "string", default: "10" } },
  });
  const root = values.root ?? fileURLToPath(new URL("..", import.meta.url));
  console.log(JSON.stringify(benchGrading(root, Number(values.timeout))));
}
