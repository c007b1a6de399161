// The teacher's grader. Each submission runs in its own process, isolated (see grade-node.ts).
//   npm run --silent grade -- <exercise-id> <file-or-dir>... [options]
//   npm run --silent grade -- --merge <report.json>... [--json] [--junit FILE] [--csv FILE] [--lang en|zh-cn]
// Exit: 0 every submission passed; 1 at least one failed or errored; 2 bad usage; 3 the grader failed.
import { accessSync, constants, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { dirname, join, relative, resolve } from "node:path";
import { parseArgs } from "node:util";
import cliProgress from "cli-progress";
import { exerciseIds, isExerciseId, loadExercise } from "../src/exercises/catalog.ts";
import { DEFAULT_MEMORY_MB, gradeIsolated } from "../src/exercises/grade-node.ts";
import { testTitle } from "../src/exercises/harness.ts";
import { parseResultsJson } from "../src/exercises/report-schema.ts";
import {
  printable,
  score,
  toCsv,
  toJUnit,
  toResultsJson,
  toTable,
  type SubmissionResult,
} from "../src/exercises/report.ts";

const HELP = `Usage:
  npm run --silent grade -- <exercise-id> <file-or-dir>... [options]
  npm run --silent grade -- --merge <report.json>... [--json] [--junit FILE] [--csv FILE] [--lang en|zh-cn]

Grades each submission (a .ts file, or every .ts file under a folder) against the exercise's tests.
Each submission runs in its own process: Node's permission model (reads of the grader, the engine
and the media only; no writes, no child processes, no workers), an empty environment, a memory cap,
and a time budget after which its whole process group is killed.

Options:
  --json           print the results as JSON (schema: src/exercises/report.schema.json) instead of a table
  --junit FILE     also write JUnit XML (one suite per submission, classname = exercise id)
  --csv FILE       also write a gradebook: submission,status,passed,total,score,first_failure
  --lang en|zh-cn  language of messages and test titles (default en)
  --timeout S      seconds each submission may run (default 20)
  --jobs N         submissions graded at once (default: the number of cores, ${availableParallelism()} here)
  --memory MiB     memory each submission may use, wasm and buffers included (default ${DEFAULT_MEMORY_MB})
  --shard i/n      grade only the i-th of n deterministic slices of the sorted submissions (CI matrices)
  --merge          combine the JSON reports of several shards into one report
  -h, --help       this text

Exercises: ${exerciseIds.join(", ")}
Progress goes to stderr: a live bar on a terminal, one line per finished submission otherwise.

Exit codes:
  0  every submission passed
  1  grading ran and at least one submission failed or errored
  2  bad usage (nothing was graded)
  3  the grader itself failed
`;

function usage(message: string): never {
  process.stderr.write(`grade: ${message}\n`);
  process.exit(2);
}

let parsed;
try {
  parsed = parseArgs({
    allowPositionals: true,
    options: {
      json: { type: "boolean" },
      junit: { type: "string" },
      csv: { type: "string" },
      lang: { type: "string", default: "en" },
      timeout: { type: "string", default: "20" },
      jobs: { type: "string", default: String(availableParallelism()) },
      memory: { type: "string", default: String(DEFAULT_MEMORY_MB) },
      shard: { type: "string" },
      merge: { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
  });
} catch (e) {
  usage(`${(e as Error).message} (see grade --help)`);
}
const { values, positionals } = parsed;
if (values.help) {
  process.stdout.write(HELP);
  process.exit(0);
}
if (values.lang !== "en" && values.lang !== "zh-cn") usage(`--lang takes en or zh-cn, not "${values.lang}"`);
const lang = values.lang;

// npm runs scripts from the package root; paths are the user's, relative to where they typed.
const cwd = process.env.INIT_CWD ?? process.cwd();

/** An output file's folder must exist and be writable before any grading starts. */
function outputPath(flag: string, p: string | undefined): string | undefined {
  if (p === undefined) return undefined;
  const full = resolve(cwd, p);
  try {
    if (statSync(full, { throwIfNoEntry: false })?.isDirectory())
      usage(`${flag} ${p}: that is a folder; give a file name`);
    accessSync(dirname(full), constants.W_OK);
  } catch {
    usage(`${flag} ${p}: the folder ${dirname(full)} does not exist or is not writable`);
  }
  return full;
}
const junitPath = outputPath("--junit", values.junit);
const csvPath = outputPath("--csv", values.csv);

function write(
  exercise: string,
  results: SubmissionResult[],
  shard?: { index: number; count: number },
): number {
  if (junitPath) writeFileSync(junitPath, toJUnit(exercise, results));
  if (csvPath) writeFileSync(csvPath, toCsv(results, lang));
  process.stdout.write(
    values.json
      ? `${JSON.stringify(toResultsJson(exercise, results, { shard }))}\n`
      : `${toTable(results, lang)}\n`,
  );
  return results.every((r) => r.result.status === "pass") ? 0 : 1;
}

async function merge(): Promise<number> {
  if (positionals.length === 0) usage("--merge takes the JSON reports to combine");
  const docs = positionals.map((p) => {
    const full = resolve(cwd, p);
    let text: string;
    try {
      text = readFileSync(full, "utf8");
    } catch {
      usage(`no such report: ${p}`);
    }
    const doc = parseResultsJson(text);
    if (!doc.ok) usage(`${p} is not a grade --json report: ${doc.error}`);
    return doc.value;
  });
  const exercise = docs[0].exercise;
  if (docs.some((d) => d.exercise !== exercise))
    usage(`the reports are for different exercises: ${[...new Set(docs.map((d) => d.exercise))].join(", ")}`);
  const results: SubmissionResult[] = docs
    .flatMap((d) => d.results)
    .map((r) => ({
      submission: r.submission,
      result: {
        status: r.status,
        ...(r.message ? { message: r.message } : {}),
        tests: r.tests.map((t) => ({
          name: t.name,
          title: t.title,
          status: t.status,
          ...(t.message === null ? {} : { message: t.message }),
          ...(t.hidden ? { hidden: true } : {}),
        })),
      },
    }))
    .sort((a, b) => (a.submission < b.submission ? -1 : a.submission > b.submission ? 1 : 0));
  return write(exercise, results);
}

async function grade(): Promise<number> {
  const [exercise, ...paths] = positionals;
  if (!exercise)
    usage(
      `give an exercise id (${exerciseIds.join(", ")}) and submission files or folders (see grade --help)`,
    );
  if (!isExerciseId(exercise)) usage(`unknown exercise "${exercise}"; known: ${exerciseIds.join(", ")}`);
  const timeoutMs = Number(values.timeout) * 1000;
  if (!(timeoutMs > 0)) usage("--timeout takes a number of seconds");
  const jobs = Number(values.jobs);
  if (!Number.isInteger(jobs) || jobs < 1) usage("--jobs takes a whole number, at least 1");
  const maxMemoryMb = Number(values.memory);
  if (!(maxMemoryMb >= 64)) usage("--memory takes MiB, at least 64");
  let shard: { index: number; count: number } | undefined;
  if (values.shard !== undefined) {
    const m = /^(\d+)\/(\d+)$/.exec(values.shard);
    const [index, count] = m ? [Number(m[1]), Number(m[2])] : [0, 0];
    if (!m || count < 1 || index < 1 || index > count)
      usage(`--shard takes i/n with 1 <= i <= n, not "${values.shard}"`);
    shard = { index, count };
  }

  // Submissions are named relative to the folder given, so names match wherever the command runs.
  const files: { path: string; name: string }[] = [];
  for (const arg of paths) {
    const p = resolve(cwd, arg);
    const st = statSync(p, { throwIfNoEntry: false });
    if (!st) usage(`no such file or folder: ${arg}`);
    if (st.isDirectory()) {
      for (const f of readdirSync(p, { recursive: true }).map(String).sort())
        if (/\.(ts|mts)$/.test(f) && !f.endsWith(".d.ts"))
          files.push({ path: join(p, f), name: f.split("\\").join("/") });
    } else files.push({ path: p, name: relative(cwd, p) || arg });
  }
  if (files.length === 0) usage("no submissions: give .ts files or folders that contain them");
  files.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const mine = shard ? files.filter((_, k) => k % shard.count === shard.index - 1) : files;

  // Every submission is read before the first one runs: none can change another's file first.
  const codes = mine.map((f) => readFileSync(f.path, "utf8"));
  const ex = await loadExercise(exercise);
  const expected = ex.tests.map((t) => ({
    name: t.name,
    title: testTitle(t, lang),
    ...(t.hidden ? { hidden: true } : {}),
  }));

  const progress = startProgress(mine.length);
  const results: SubmissionResult[] = new Array(mine.length);
  let next = 0;
  async function lane() {
    for (let i = next++; i < mine.length; i = next++) {
      const t0 = performance.now();
      const result = await gradeIsolated(exercise as never, codes[i], {
        timeoutMs,
        lang,
        maxMemoryMb,
        expected,
      });
      results[i] = { submission: mine[i].name, result, ms: Math.round(performance.now() - t0) };
      progress.done(results[i]);
    }
  }
  await Promise.all(Array.from({ length: Math.min(jobs, mine.length) || 1 }, lane));
  progress.stop();
  // Reports are written once, at the end, after every submission's process is gone.
  return write(exercise, results, shard);
}

/** Progress on stderr: a bar on a terminal, a line per submission in a log. */
function startProgress(total: number) {
  let n = 0;
  if (process.stderr.isTTY) {
    const bar = new cliProgress.SingleBar(
      {
        format: "grading {bar} {value}/{total} {eta_formatted} left  {last}",
        stream: process.stderr,
        hideCursor: true,
        clearOnComplete: true,
      },
      cliProgress.Presets.shades_classic,
    );
    bar.start(total, 0, { last: "" });
    return {
      done: (r: SubmissionResult) =>
        bar.increment(1, { last: `${printable(r.submission)} ${r.result.status}` }),
      stop: () => bar.stop(),
    };
  }
  return {
    done: (r: SubmissionResult) => {
      const s = score(r.result);
      process.stderr.write(
        `[${++n}/${total}] ${printable(r.submission)} ${r.result.status} ${s.passed}/${s.total}\n`,
      );
    },
    stop: () => {},
  };
}

try {
  process.exitCode = values.merge ? await merge() : await grade();
} catch (e) {
  process.stderr.write(
    `grade: the grader failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`,
  );
  process.exitCode = 3;
}
