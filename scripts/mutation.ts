// npm run mutation [-- <exercise-id>...]
// How well each exercise's tests catch wrong solutions: StrykerJS mutates the reference
// solution.ts (one small change at a time) and grades every mutant with the real grader
// (scripts/mutation-grade.ts). A mutant the tests do not catch "survives". Mutants that cannot
// change behaviour are listed with a reason in test/exercise-mutants/<id>/equivalent.json and
// left out of the score. Reports: reports/mutation/<id>/ (HTML and Stryker's JSON) and
// reports/mutation/summary.json. Exit 1 when an exercise catches fewer than 90 %.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { Stryker } from "@stryker-mutator/core";
import { exerciseIds, isExerciseId } from "../src/exercises/catalog.ts";
import { learnerRanges, type Equivalent } from "./mutation-ranges.ts";

const TARGET = 0.9;
const root = fileURLToPath(new URL("../", import.meta.url));
const out = join(root, "reports/mutation");

const ids = process.argv.slice(2).filter((a) => !a.startsWith("-"));
for (const id of ids)
  if (!isExerciseId(id)) {
    process.stderr.write(`mutation: unknown exercise "${id}"; known: ${exerciseIds.join(", ")}\n`);
    process.exit(2);
  }

/** The source text a location covers (Stryker's report counts lines and columns from 1). */
function slice(
  source: string,
  loc: { start: { line: number; column: number }; end: { line: number; column: number } },
): string {
  const lines = source.split("\n");
  const [a, b] = [loc.start.column - 1, loc.end.column - 1];
  if (loc.start.line === loc.end.line) return lines[loc.start.line - 1]!.slice(a, b);
  return [
    lines[loc.start.line - 1]!.slice(a),
    ...lines.slice(loc.start.line, loc.end.line - 1),
    lines[loc.end.line - 1]!.slice(0, b),
  ].join("\n");
}

// Running some exercises updates their entries and keeps the others'.
const summaryFile = join(out, "summary.json");
const summary: Record<string, unknown> = Object.fromEntries(
  Object.entries(
    existsSync(summaryFile) ? (JSON.parse(readFileSync(summaryFile, "utf8")) as Record<string, unknown>) : {},
  ).filter(([id]) => isExerciseId(id)),
);
let short = false;
mkdirSync(out, { recursive: true });
for (const id of ids.length ? ids : exerciseIds) {
  const solution = `src/exercises/${id}/solution.ts`;
  const equivalentFile = join(root, `test/exercise-mutants/${id}/equivalent.json`);
  const equivalent: Equivalent[] = existsSync(equivalentFile)
    ? JSON.parse(readFileSync(equivalentFile, "utf8"))
    : [];
  const dir = join(out, id);
  rmSync(dir, { recursive: true, force: true });
  const { ranges, given } = learnerRanges(
    readFileSync(join(root, solution), "utf8"),
    readFileSync(join(root, `src/exercises/${id}/starter.ts`), "utf8"),
  );
  const stryker = new Stryker({
    testRunner: "command",
    commandRunner: {
      command: `"${process.execPath}" "${join(root, "scripts/mutation-grade.ts")}" ${id} ${solution}`,
    },
    mutate: ranges.map((r) => `${solution}:${r.start}:0-${r.end}:${Number.MAX_SAFE_INTEGER}`),
    // The sandbox needs only the file being mutated: the grader and the tests come from the repo.
    ignorePatterns: [
      "/*",
      "!/src/",
      "/src/*",
      "!/src/exercises/",
      "/src/exercises/*",
      `!/src/exercises/${id}/`,
      `/src/exercises/${id}/*`,
      `!/${solution}`,
    ],
    symlinkNodeModules: false,
    checkers: [],
    plugins: [],
    coverageAnalysis: "off",
    concurrency: Math.max(1, Math.min(2, availableParallelism())),
    // The grader stops an endless loop after 15 s itself (and kills its process group).
    timeoutMS: 60_000,
    reporters: ["html", "json", "progress"],
    htmlReporter: { fileName: join(dir, "index.html") },
    jsonReporter: { fileName: join(dir, "mutation.json") },
    tempDirName: join(root, ".stryker-tmp"),
    cleanTempDir: true,
    logLevel: "warn" as never, // LogLevel is a const enum, which erasable TypeScript cannot import
    fileLogLevel: "off" as never,
    thresholds: { high: 95, low: 90, break: null },
  });
  const results = await stryker.runMutationTest();
  const source = readFileSync(join(root, solution), "utf8");
  const rows = results.map((m) => ({
    id: m.id,
    mutator: m.mutatorName,
    line: m.location.start.line,
    original: slice(source, m.location),
    replacement: m.replacement ?? "",
    status: m.status,
  }));
  const listed = (r: (typeof rows)[number]) =>
    equivalent.find(
      (e) =>
        e.mutator === r.mutator &&
        e.original === r.original &&
        e.replacement === r.replacement &&
        (e.line === undefined || e.line === r.line),
    );
  const isEquivalent = (r: (typeof rows)[number]) => listed(r) !== undefined;
  const detected = rows.filter((r) => r.status === "Killed" || r.status === "Timeout");
  const survived = rows.filter((r) => r.status === "Survived" || r.status === "NoCoverage");
  const equivalentSurvivors = survived.filter(isEquivalent);
  const unreachable = equivalentSurvivors.filter((r) => listed(r)!.kind === "unreachable");
  const counted = detected.length + survived.length - equivalentSurvivors.length;
  const score = counted ? detected.length / counted : 1;
  const strict = detected.length / (counted + unreachable.length || 1);
  const stale = equivalent.filter((e) => !survived.some((r) => listed(r) === e));
  summary[id] = {
    score,
    notMutated: given,
    mutants: rows.length,
    detected: detected.length,
    survived: survived.length - equivalentSurvivors.length,
    equivalent: equivalentSurvivors.length - unreachable.length,
    unreachable: unreachable.length,
    strictScore: strict,
    invalid: rows.length - detected.length - survived.length,
    survivors: survived.filter((r) => !isEquivalent(r)),
  };
  process.stdout.write(
    `${id}: ${(score * 100).toFixed(1)} % of ${counted} non-equivalent mutants caught` +
      ` (${detected.length} caught, ${survived.length - equivalentSurvivors.length} survived, ${equivalentSurvivors.length - unreachable.length} equivalent` +
      (unreachable.length
        ? `, ${unreachable.length} unreachable: ${(strict * 100).toFixed(1)} % counting them`
        : "") +
      ")\n",
  );
  if (given.length)
    process.stdout.write(`  not mutated (the starter gives them as they are): ${given.join("; ")}\n`);
  for (const r of survived.filter((x) => !isEquivalent(x)))
    process.stdout.write(
      `  survived: line ${r.line} ${r.mutator}: ${JSON.stringify(r.original)} → ${JSON.stringify(r.replacement)}\n`,
    );
  for (const e of stale)
    process.stdout.write(
      `  equivalent.json lists a mutant that no longer survives (or no longer exists): ${e.mutator} ${JSON.stringify(e.original)} → ${JSON.stringify(e.replacement)}\n`,
    );
  if (score < TARGET) short = true;
}
writeFileSync(summaryFile, `${JSON.stringify(summary, null, 2)}\n`);
process.stdout.write(`report: reports/mutation/<id>/index.html, reports/mutation/summary.json\n`);
process.exitCode = short ? 1 : 0;
