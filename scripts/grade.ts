// The teacher's grader. Each submission runs in its own process, isolated (see grade-node.ts).
//   npm run --silent grade -- <exercise-id> <file-or-dir>... [options]
//   npm run --silent grade -- --merge <report.json>... [--json] [--junit FILE] [--csv FILE] [--lang en|zh-cn]
// Exit: 0 every submission passed; 1 at least one failed or errored; 2 bad usage; 3 the grader failed.
import { accessSync, constants, readFileSync, statSync, writeFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { dirname, resolve } from "node:path";
import { parseArgs } from "node:util";
import cliProgress from "cli-progress";
import { exerciseIds, isExerciseId, loadExercise } from "../src/exercises/catalog.ts";
import {
  MAX_SUBMISSION_BYTES,
  UsageError,
  parseRoster,
  scanSubmissions,
  sizeText,
} from "../src/exercises/grade-entries.ts";
import { withHelpers } from "../src/exercises/grade-bundle.ts";
import { byName, mergeReports } from "../src/exercises/grade-merge.ts";
import {
  DEFAULT_CPU_S,
  DEFAULT_MEMORY_MB,
  DEFAULT_WALL_S,
  gradeIsolated,
  removeTemp,
  stopAll,
} from "../src/exercises/grade-node.ts";
import { testTitle } from "../src/exercises/harness.ts";
import { formatMessage } from "../src/exercises/messages.ts";
import { parseResultsJson } from "../src/exercises/report-schema.ts";
import {
  printable,
  rowStatus,
  score,
  toCsv,
  toJUnit,
  toResultsJson,
  toTable,
  awardPoints,
  type SubmissionResult,
} from "../src/exercises/report.ts";
import type { GradeResult } from "../src/runtime/types.ts";
import { capResult } from "../src/exercises/report-text.ts";

const HELP = `Usage:
  npm run --silent grade -- <exercise-id> <file-or-dir>... [options]
  npm run --silent grade -- --merge <report.json>... [--json] [--junit FILE] [--csv FILE] [--lang en|zh-cn]

Grades each submission against the exercise's tests: a .ts file given, every .ts file directly in
a folder given (one student each), or a student's own subfolder (the file in it that exports the
required functions is graded; the others are its helpers). Every other entry gets its own error row
(a link, a FIFO, a socket, a device, a folder named like a .ts file, a file over ${sizeText(MAX_SUBMISSION_BYTES)}) and
is never opened; files that are not .ts are listed on stderr. Names are relative to the common parent
of the folders given. A .json file is a hand-in downloaded from an exercise page (the student is the
name typed there) or a /progress/ export: its code is graded, its recorded browser result never used.
Each submission runs in its own process: Node's permission model (reads of the grader, the engine
and the media only; no writes, no child processes, no workers), an empty environment, a memory cap,
a CPU-time limit per test and a wall-clock backstop, after which its whole process group is killed.

Options:
  --json           print the results as JSON (schema: src/exercises/report.schema.json) instead of a table
  --junit FILE     also write JUnit XML (one suite per submission, classname = exercise id; totals on the root)
  --csv FILE       also write a gradebook: submission,status,passed,total,score,first_failure,
                   exercise,student,points,max_points,graded_at,type_errors (the same header for
                   every exercise)
  --excel          start the CSV with a byte-order mark, for spreadsheet apps
  --console        show under each row what the submission printed (console.log), capped; the JSON
                   always carries it (50 lines, 500 characters each, 4,000 in all, "N more lines";
                   what hidden tests print is counted, never kept)
  --strict-types   a submission with TypeScript type errors fails (score 0; its first failure names
                   the first type error). Without it they are a warning: "N type errors" beside the
                   status, type_errors in the JSON and the CSV (last column), a property in the JUnit.
                   The check is the editor's (the "avio" declarations, ES2022 and worker globals),
                   done by the grader without running the code, bounded in size and CPU time
  --roster FILE    the class list, one student per line: a student with no submission gets a "missing" row
  --lang en|zh-cn  language of messages and test titles (default en)
  --timeout S      CPU seconds each test (and loading the module) may use (default ${DEFAULT_CPU_S})
  --wall S         wall-clock seconds a whole submission may take, a backstop for a stuck machine
                   (default ${DEFAULT_WALL_S}, and at least 10 x --timeout); when it fires the row says "grader problem"
  --jobs N         submissions graded at once (default: the number of cores, ${availableParallelism()} here)
  --memory MiB     memory each submission may use, wasm and buffers included (default ${DEFAULT_MEMORY_MB})
  --shard i/n      grade only the i-th of n deterministic slices of the sorted submissions (CI matrices)
  --merge          combine the JSON reports of all n shards of one class into one report (each exactly once)
  -h, --help       this text

Exercises: ${exerciseIds.join(", ")}
Progress goes to stderr: a live bar on a terminal, one line per finished submission otherwise.
A row whose message starts with "grader problem: regrade this submission" says nothing about the
student: the grader could not run it properly (grade it again, on a quieter machine).
Each message in a report is cut at 2,000 characters and a submission's messages at 16,000 in all.
SIGINT, SIGTERM or SIGHUP stops every submission's process, removes the temporary files and
writes no report (exit 130, 143, 129).

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
      timeout: { type: "string", default: String(DEFAULT_CPU_S) },
      wall: { type: "string" },
      roster: { type: "string" },
      "strict-types": { type: "boolean" },
      excel: { type: "boolean" },
      console: { type: "boolean" },
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
  if (junitPath) writeFileSync(junitPath, toJUnit(exercise, results, lang));
  if (csvPath) writeFileSync(csvPath, toCsv(exercise, results, lang, { bom: values.excel }));
  process.stdout.write(
    values.json
      ? `${JSON.stringify(toResultsJson(exercise, results, { shard }))}\n`
      : `${toTable(results, lang, { console: values.console })}\n`,
  );
  return results.every((r) => rowStatus(r) === "pass") ? 0 : 1;
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
    return { file: p, doc: doc.value };
  });
  const merged = mergeReports(docs);
  if (!merged.ok) usage(`cannot merge: ${merged.error}`);
  for (const n of merged.notes) process.stderr.write(`grade: ${n}\n`);
  return write(merged.exercise, merged.results);
}

async function grade(): Promise<number> {
  const [exercise, ...paths] = positionals;
  if (!exercise)
    usage(
      `give an exercise id (${exerciseIds.join(", ")}) and submission files or folders (see grade --help)`,
    );
  if (!isExerciseId(exercise)) usage(`unknown exercise "${exercise}"; known: ${exerciseIds.join(", ")}`);
  if (paths.length === 0) usage("give submission files or folders (see grade --help)");
  const cpuMs = Number(values.timeout) * 1000;
  if (!(cpuMs > 0)) usage("--timeout takes a number of seconds");
  const wallMs =
    values.wall === undefined ? Math.max(DEFAULT_WALL_S * 1000, 10 * cpuMs) : Number(values.wall) * 1000;
  if (!(wallMs > 0)) usage("--wall takes a number of seconds");
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
  let roster: string[] | undefined;
  if (values.roster !== undefined) {
    try {
      roster = parseRoster(readFileSync(resolve(cwd, values.roster), "utf8"));
    } catch {
      usage(`--roster ${values.roster}: cannot read that file`);
    }
  }
  const ex = await loadExercise(exercise);

  // Every entry is examined (lstat) and every submission read before the first one runs: none can
  // change another's file first.
  let scan;
  try {
    scan = scanSubmissions(paths, cwd, { requiredExports: ex.requiredExports, exercise });
  } catch (e) {
    if (e instanceof UsageError) usage(e.message);
    throw e;
  }
  if (scan.skipped.length)
    process.stderr.write(
      `grade: skipped ${scan.skipped.length} ${scan.skipped.length === 1 ? "entry that is" : "entries that are"} not .ts: ${scan.skipped
        .slice(0, 20)
        .map(printable)
        .join(", ")}${scan.skipped.length > 20 ? `, and ${scan.skipped.length - 20} more` : ""}\n`,
    );
  for (const n of scan.notes.slice(0, 50)) process.stderr.write(`grade: ${printable(n)}\n`);
  if (scan.entries.length === 0 && !roster?.length)
    usage("no submissions: give .ts files or folders that contain them");
  const all = scan.entries;
  const mine = shard ? all.filter((_, k) => k % shard.count === shard.index - 1) : all;
  if (shard && mine.length === 0)
    process.stderr.write(
      `grade: shard ${shard.index}/${shard.count} holds no submission (${all.length} in all)\n`,
    );

  const expected = ex.tests.map((t) => ({
    name: t.name,
    title: testTitle(t, lang),
    ...(t.hidden ? { hidden: true } : {}),
  }));
  // Points come from the exercise's own tests (host data), never from the submission's process.
  const worth = (r: GradeResult) => awardPoints(r, ex.tests);
  // The starter handed in as it was scores 0 (status unchanged) instead of the tests it passes by luck.
  // Loaded here, not at the top: the TypeScript scanner is big and --merge never needs it.
  const { starterTokens, tokens } = await import("../src/exercises/starter-match.ts");
  const starters = starterTokens(new URL(`../src/exercises/${exercise}/`, import.meta.url));
  const { typeCheckSubmission, typeErrorsOf } = await import("../src/exercises/typecheck-node.ts");
  const strictTypes = values["strict-types"] === true;
  const notGraded = (message: string) => ({
    status: "error" as const,
    message,
    tests: expected.map((t) => ({ ...t, status: "skipped" as const, message })),
  });
  const notes = {
    cut: (n: number) => formatMessage(lang, "message_cut", { n }),
    capped: (n: number) => formatMessage(lang, "report_cap", { n }),
  };

  if (process.getuid?.() === 0)
    process.stderr.write(
      "grade: warning: running as root. Submissions are isolated, but a grader bug would then have root's reach: run it as an ordinary user.\n",
    );
  const progress = startProgress(mine.length);
  const results: SubmissionResult[] = new Array(mine.length);
  let next = 0;
  async function lane() {
    for (let i = next++; i < mine.length; i = next++) {
      const e = mine[i];
      const t0 = performance.now();
      // A student's folder: its helpers joined in (grade-bundle.ts); an import from elsewhere is the row's error.
      const joined =
        e.code !== undefined && e.folder ? await withHelpers(e.code, e.folder, lang) : { code: e.code };
      const unchanged = e.code !== undefined && starters.has(tokens(e.code));
      const graded =
        "message" in joined
          ? notGraded(joined.message)
          : unchanged
            ? notGraded(formatMessage(lang, "unchanged"))
            : joined.code === undefined
              ? notGraded(formatMessage(lang, e.problem?.key ?? "entry_device", e.problem?.params))
              : gradeIsolated(exercise as never, joined.code, {
                  cpuMs,
                  timeoutMs: wallMs,
                  lang,
                  maxMemoryMb,
                  expected,
                });
      // Type-checked here, in the grader's process, while the submission's own process runs its
      // tests: TypeScript only reads the code. The graded file alone (helpers are not checked).
      const typeErrors =
        e.code !== undefined && graded instanceof Promise
          ? typeErrorsOf(typeCheckSubmission(e.code, { helpers: !!e.folder }), lang, e.code.length)
          : undefined;
      let result = worth(capResult(await graded, notes));
      if (strictTypes && typeErrors?.count && result.status !== "error") {
        const first = typeErrors.errors[0] ?? { line: 1, column: 1, text: "" };
        result = {
          ...result,
          status: "fail",
          message: formatMessage(lang, "type_error", first),
          points: 0,
        };
      }
      results[i] = {
        submission: e.name,
        student: e.student,
        ...(unchanged ? { unchanged: true } : {}),
        ...(typeErrors ? { typeErrors } : {}),
        result,
        gradedAt: new Date().toISOString(),
        ms: Math.round(performance.now() - t0),
      };
      progress.done(results[i]);
    }
  }
  await Promise.all(Array.from({ length: Math.min(jobs, mine.length) || 1 }, lane));
  progress.stop();

  // A roster's students with nothing handed in: one row each, in the first shard only.
  if (roster && (!shard || shard.index === 1)) {
    const handedIn = new Set(all.flatMap((e) => [e.student, e.student.split("/")[0]]));
    const message = formatMessage(lang, "missing");
    for (const student of roster.filter((s) => !handedIn.has(s)))
      results.push({ submission: "", student, missing: true, result: worth(notGraded(message)) });
    const known = new Set(roster);
    const strangers = all.filter((e) => !known.has(e.student) && !known.has(e.student.split("/")[0]));
    if (strangers.length)
      process.stderr.write(
        `grade: not on the roster: ${strangers
          .slice(0, 20)
          .map((e) => printable(e.student))
          .join(", ")}${strangers.length > 20 ? ", …" : ""}\n`,
      );
  }
  results.sort(byName);
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
      done: (r: SubmissionResult) => bar.increment(1, { last: `${printable(r.submission)} ${rowStatus(r)}` }),
      stop: () => bar.stop(),
    };
  }
  return {
    done: (r: SubmissionResult) => {
      const s = score(r.result);
      process.stderr.write(
        `[${++n}/${total}] ${printable(r.submission)} ${rowStatus(r)} ${s.passed}/${s.total}\n`,
      );
    },
    stop: () => {},
  };
}

// Stopped by a signal: no submission's process outlives the grader, no temporary file stays, no
// partial report is written.
for (const [signal, code] of [
  ["SIGINT", 130],
  ["SIGTERM", 143],
  ["SIGHUP", 129],
] as const)
  process.once(signal, () => {
    stopAll();
    removeTemp();
    process.stderr.write(`\ngrade: stopped by ${signal}: no report was written\n`);
    process.exit(code);
  });

try {
  process.exitCode = values.merge ? await merge() : await grade();
} catch (e) {
  process.stderr.write(
    `grade: the grader failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`,
  );
  process.exitCode = 3;
}
