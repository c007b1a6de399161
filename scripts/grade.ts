// npm run --silent grade -- <exercise-id> <file-or-dir>... [--json] [--junit FILE] [--lang zh-cn] [--timeout SECONDS]
// Grades each submission in isolation (own worker thread, time budget, memory
// cap). Exit 0 when grading ran, whatever the grades; 2 on bad usage.
import { readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { parseArgs } from "node:util";
import { exerciseIds, isExerciseId } from "../src/exercises/catalog.ts";
import type { GradeResult } from "../src/exercises/grade.ts";
import { DEFAULT_MEMORY_MB, gradeIsolated } from "../src/exercises/grade-node.ts";
import { availableParallelism } from "node:os";
import { toJUnit, toResultsJson, toTable } from "../src/exercises/report.ts";

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
      lang: { type: "string", default: "en" },
      timeout: { type: "string", default: "20" },
      jobs: { type: "string", default: String(availableParallelism()) },
      memory: { type: "string", default: String(DEFAULT_MEMORY_MB) },
    },
  });
} catch (e) {
  usage(`${(e as Error).message} (usage: grade <exercise-id> <file-or-dir>... [--json] [--junit FILE] [--lang en|zh-cn])`);
}
const { values, positionals } = parsed;
const [exercise, ...paths] = positionals;
if (!exercise) usage(`give an exercise id (${exerciseIds.join(", ")}) and submission files or folders`);
if (!isExerciseId(exercise)) usage(`unknown exercise "${exercise}"; known: ${exerciseIds.join(", ")}`);
if (values.lang !== "en" && values.lang !== "zh-cn") usage(`--lang takes en or zh-cn, not "${values.lang}"`);
const lang = values.lang;
const timeoutMs = Number(values.timeout) * 1000;
if (!(timeoutMs > 0)) usage("--timeout takes a number of seconds");

// npm runs scripts from the package root; paths are the user's, relative to where they typed.
const cwd = process.env.INIT_CWD ?? process.cwd();
const files: string[] = [];
for (const p of paths.map((x) => resolve(cwd, x))) {
  let st;
  try {
    st = statSync(p);
  } catch {
    usage(`no such file or folder: ${p}`);
  }
  if (st.isDirectory()) {
    for (const f of readdirSync(p, { recursive: true }).map(String).sort())
      if (/\.(ts|mts)$/.test(f) && !f.endsWith(".d.ts")) files.push(join(p, f));
  } else files.push(p);
}
if (files.length === 0) usage("no submissions: give .ts files or folders that contain them");

const maxMemoryMb = Number(values.memory);
if (!(maxMemoryMb >= 64)) usage("--memory takes MiB, at least 64");

// Every submission is read before the first one runs: none can change another's file first.
const codes = files.map((f) => readFileSync(f, "utf8"));
const results: { submission: string; result: GradeResult }[] = new Array(files.length);
let next = 0;
async function lane() {
  for (let i = next++; i < files.length; i = next++) {
    results[i] = { submission: relative(cwd, files[i]) || files[i], result: await gradeIsolated(exercise as never, codes[i], { timeoutMs, lang, maxMemoryMb }) };
  }
}
await Promise.all(Array.from({ length: Math.max(1, Number(values.jobs) || 1) }, lane));

if (values.junit) writeFileSync(resolve(cwd, values.junit), toJUnit(exercise, results));
process.stdout.write(values.json ? JSON.stringify(toResultsJson(exercise, results)) + "\n" : toTable(results, lang) + "\n");
