// Grades one submission in its own child process: Node's permission model, an empty
// environment, a CPU-time limit per test (with a wall-clock backstop well above it) and a memory
// cap that counts everything the process holds (ArrayBuffers and wasm included, via its resident
// size). Whatever the submission does to its process — loop, exhaust memory, crash — ends as that
// submission's own verdict, decided from the host's own measurements (/proc), the exit status and
// the signal: never from text the child prints. When the grader itself could not run it properly,
// the row says so ("grader problem: regrade this submission"), never blaming the student.
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import type { GradeResult, TestResult } from "../runtime/types.ts";
import type { ExerciseId } from "./catalog.ts";
import { childBundle, removeTemp, root } from "./grade-child-build.ts";
import type { ChildMessage, GradeJob } from "./grade-child.ts";
import { formatMessage, type Lang } from "./messages.ts";
import { capResult } from "./report-text.ts";

export interface IsolatedOptions {
  /** CPU time one test may use (and loading the module), in ms. */
  cpuMs?: number;
  /** Wall-clock backstop for the whole submission, in ms: far above what its tests need. */
  timeoutMs: number;
  /** The exercise's tests: the ones a timeout or crash kept from running are listed as skipped. */
  expected?: { name: string; title: string; hidden?: boolean }[];
  /** Resident memory the submission's process may use, in MiB (engine and wasm heap included). */
  maxMemoryMb?: number;
  lang?: Lang;
}

export { removeTemp };

/** What the child may read: its bundle, the engine, the media. */
export function childReadPaths(bundle: string): string[] {
  return [bundle, `${root}wasm/dist/`, `${root}src/media/`];
}

/** What the host reads of a child in /proc (Linux): CPU seconds used, resident and peak bytes. */
function measure(pid: number): { cpu: number; rss: number; peak: number } | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th.
    const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    const cpu = (Number(f[11]) + Number(f[12])) / 100; // USER_HZ is 100 on Linux
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const kb = (k: string) => Number(new RegExp(`^${k}:\\s+(\\d+)`, "m").exec(status)?.[1] ?? 0) * 1024;
    return { cpu, rss: kb("VmRSS"), peak: kb("VmHWM") };
  } catch {
    return null;
  }
}

export const DEFAULT_MEMORY_MB = 1024;
export const DEFAULT_CPU_S = 5;
/** The wall-clock backstop: at least this, and at least 10 × the CPU limit per test. */
export const DEFAULT_WALL_S = 120;

// The kernel stops a child whose grader died (SIGKILL included) even while the child is busy in
// a loop that never yields to its event loop (util-linux's setpriv; the IPC channel closing stops an
// idle child on systems without it).
const SETPRIV = ["/usr/bin/setpriv", "/bin/setpriv"].find((p) => existsSync(p));

/** Every child alive now: a signal to the grader stops them all (stopAll). */
const live = new Set<ChildProcess>();
const killGroup = (proc: ChildProcess) => {
  try {
    if (proc.pid) process.kill(-proc.pid, "SIGKILL");
  } catch {
    /* already gone */
  }
};
export function stopAll(): void {
  for (const p of live) killGroup(p);
}

type Verdict = { key: Parameters<typeof formatMessage>[1]; params: Record<string, string | number> };

export async function gradeIsolated(
  exercise: ExerciseId,
  code: string,
  o: IsolatedOptions,
): Promise<GradeResult> {
  const lang = o.lang ?? "en";
  const capMb = o.maxMemoryMb ?? DEFAULT_MEMORY_MB;
  const cpuLimit = (o.cpuMs ?? DEFAULT_CPU_S * 1000) / 1000;
  const heapMb = Math.max(64, Math.floor(capMb / 2));
  const bundle = await childBundle(exercise);
  const node = [
    "--permission",
    ...childReadPaths(bundle).map((p) => `--allow-fs-read=${p}`),
    // The V8 heap stops well below the cap; the resident-size watch catches what V8 does not count.
    `--max-old-space-size=${heapMb}`,
    "--disable-warning=ExperimentalWarning",
    // Baseline wasm code only: a child decodes a few seconds of media and exits, so optimising the
    // engine's hot functions costs more CPU than it saves (measured on every exercise's solution:
    // 20-40 % less CPU per submission; the output is the same, wasm being deterministic).
    "--liftoff-only",
    bundle,
  ];
  const [cmd, args] = SETPRIV
    ? [SETPRIV, ["--pdeathsig", "KILL", "--", process.execPath, ...node]]
    : [process.execPath, node];
  const t0 = performance.now();
  const proc = spawn(cmd, args, {
    env: {},
    cwd: root,
    stdio: ["ignore", "ignore", "ignore", "ipc"],
    detached: true,
    serialization: "json",
  });
  live.add(proc);

  const tests: TestResult[] = [];
  let running: { name: string; title: string } | null = null;
  let result: GradeResult | null = null;
  let verdict: Verdict | null = null;
  let startError: string | null = null;
  let ready = false;
  let peak = 0;
  // The current phase (loading the module, or one test) and the CPU and time it started at.
  let phase = { cpu: 0, at: t0 };
  const mark = () => {
    phase = { cpu: measure(proc.pid ?? -1)?.cpu ?? phase.cpu, at: performance.now() };
  };
  const stop = (v: Verdict) => {
    if (verdict || result) return;
    verdict = v;
    killGroup(proc);
  };
  const s1 = (x: number) => x.toFixed(1);

  const watch = setInterval(() => {
    const m = measure(proc.pid ?? -1);
    if (!m) return;
    peak = Math.max(peak, m.peak, m.rss);
    if (m.rss > capMb * 2 ** 20) return stop({ key: "submission_oom", params: { mb: capMb } });
    const used = m.cpu - phase.cpu;
    if (ready && used > cpuLimit)
      return stop(
        running
          ? // The limit, not the sample (which lands up to one poll later): the same loop reads the same on any machine.
            { key: "cpu_limit", params: { test: running.title, used: s1(cpuLimit) } }
          : { key: "cpu_limit_load", params: { used: s1(cpuLimit) } },
      );
    const wall = performance.now() - t0;
    if (wall < o.timeoutMs) return;
    const waited = (performance.now() - phase.at) / 1000;
    // A test that sat idle for the whole wait never finished by itself; a busy one was slowed by the machine.
    if (ready && running && waited > 1 && used < waited * 0.02)
      return stop({ key: "never_settled", params: { test: running.title, seconds: Math.round(waited) } });
    stop({
      key: "grader_problem",
      params: {
        reason: formatMessage(lang, "grader_slow", { seconds: Math.round(wall / 1000), used: s1(m.cpu) }),
      },
    });
  }, 100);

  proc.on("message", (m: ChildMessage) => {
    if (result) return;
    if (m.type === "ready") {
      ready = true;
      mark();
    } else if (m.type === "start") {
      running = { name: m.name, title: m.title };
      mark();
    } else if (m.type === "test") {
      tests.push(m.test);
      running = null;
      mark();
    } else if (m.type === "done") result = m.result;
  });

  const notes = {
    cut: (n: number) => formatMessage(lang, "message_cut", { n }),
    capped: (n: number) => formatMessage(lang, "report_cap", { n }),
  };
  // Every test of the exercise appears in the result: those that never ran, as skipped with the reason.
  const fill = (r: GradeResult): GradeResult => {
    const ran = new Set(r.tests.map((t) => t.name));
    for (const t of o.expected ?? [])
      if (!ran.has(t.name)) r.tests.push({ ...t, status: "skipped", message: r.message ?? "" });
    return capResult(r, notes);
  };
  const complete = (message: string): GradeResult => fill({ status: "error", message, tests });

  proc.on("error", (e: NodeJS.ErrnoException) => {
    startError = e.code ?? e.message;
  });
  if (proc.pid) proc.send({ exercise, code, lang } satisfies GradeJob, () => {});

  return new Promise((resolve) => {
    const finish = (code: number | null, signal: NodeJS.Signals | null) => {
      if (!live.delete(proc)) return;
      clearInterval(watch);
      killGroup(proc);
      if (result && !verdict) return resolve(fill(result));
      const problem = (reason: string) => formatMessage(lang, "grader_problem", { reason });
      let message: string;
      if (verdict) message = formatMessage(lang, verdict.key, verdict.params);
      // Before "ready" no learner code had run: whatever stopped the process is the grader's problem.
      else if (startError || !ready)
        message = problem(
          formatMessage(lang, "grader_start", {
            error: startError ?? (signal ? `signal ${signal}` : `exit code ${code}`),
          }),
        );
      // SIGKILL that the grader did not send: the system (its OOM killer, a teacher's kill).
      else if (signal === "SIGKILL") message = problem(formatMessage(lang, "grader_killed", { signal }));
      // V8 aborts a process whose heap reached its limit; the peak the host measured says whether it was that.
      else if (signal === "SIGABRT" && peak >= heapMb * 2 ** 20 * 0.5)
        message = formatMessage(lang, "submission_oom", { mb: capMb });
      else if (signal) message = formatMessage(lang, "submission_crashed", { signal });
      else message = formatMessage(lang, "submission_exited", { code: code ?? "?" });
      if (running) tests.push({ ...running, status: "error", message });
      resolve(complete(message));
    };
    proc.on("close", finish);
    proc.on("error", () => setImmediate(() => finish(null, null)));
  });
}
