// npm run check:exercise -- <id>
// Tells an exercise's author, in plain words, what is missing or wrong: the files, both
// languages, the hints, a hidden test, and what the tests make of the reference solution (must
// pass), the starter (must fail) and each known-wrong submission in test/exercise-mutants/<id>/
// (must fail the test its `// expect-fail: <test name> :: <message regex>` line names, with a
// matching message). A test that throws by itself (a bug in tests.ts) is an authoring error.
// Grades in this process: everything graded here is the author's own code.
// Exit 0 when all is well, 1 when something needs fixing, 2 on bad usage.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Engine } from "../src/avio/engine.ts";
import { loadEngine } from "../src/avio/node.ts";
import { EXERCISE_ID, isExerciseId, loadExercise } from "../src/exercises/catalog.ts";
import { gradeSubmission, type ExerciseModule, type GradeResult } from "../src/exercises/grade.ts";
import { AuthoringError } from "../src/exercises/harness.ts";
import type { Hint } from "../src/exercises/hints.ts";
import { nodeMedia } from "../src/exercises/media-node.ts";
import { exerciseSchema } from "../src/exercises/schema.ts";
import { LOCALES } from "../src/i18n/locales.ts";
import { headingIds } from "../src/site/heading-ids.ts";
import { frontmatter } from "../src/site/frontmatter.ts";

const root = fileURLToPath(new URL("../", import.meta.url));
const id = process.argv[2];
if (!id || process.argv.length > 3) {
  process.stderr.write("usage: npm run check:exercise -- <id>\n");
  process.exit(2);
}
if (!EXERCISE_ID.test(id)) {
  process.stderr.write(`check:exercise: "${id}" is not a usable id (lowercase words joined by "-")\n`);
  process.exit(2);
}
const dir = join(root, "src/exercises", id);
if (!existsSync(dir)) {
  process.stderr.write(
    `check:exercise: there is no src/exercises/${id}/ (npm run new:exercise -- ${id} makes one)\n`,
  );
  process.exit(2);
}

const problems: string[] = [];
const ok: string[] = [];
const problem = (s: string) => problems.push(s);
const CJK = /[\u4e00-\u9fff]/;
const rel = (f: string) => `src/exercises/${id}/${f}`;
const read = (f: string) => readFileSync(join(dir, f), "utf8");

// Files.
const required = [
  "starter.ts",
  "solution.ts",
  "tests.ts",
  "hints.ts",
  ...LOCALES.map((l) => `statement.${l}.mdx`),
];
const missing = required.filter((f) => !existsSync(join(dir, f)));
for (const f of missing) problem(`${rel(f)} is missing.`);
if (!missing.length) ok.push("all files are there");

// Statements: one per language, valid frontmatter, the same facts in each.
function statementFrontmatter(file: string): Record<string, unknown> | undefined {
  const data = frontmatter(read(file));
  if (!data) problem(`${rel(file)} has no frontmatter (a block between --- lines at the top).`);
  return data;
}
const statements: Partial<Record<string, Record<string, unknown>>> = {};
for (const lang of LOCALES) {
  const file = `statement.${lang}.mdx`;
  if (!existsSync(join(dir, file))) continue;
  const data = statementFrontmatter(file);
  if (!data) continue;
  const parsed = exerciseSchema.safeParse(data);
  if (!parsed.success)
    for (const issue of parsed.error.issues)
      problem(`${rel(file)}: frontmatter field "${issue.path.join(".")}": ${issue.message}.`);
  if (data.lang !== lang)
    problem(`${rel(file)}: frontmatter says lang: ${String(data.lang)}; it must be lang: ${lang}.`);
  if (lang !== "en") {
    for (const key of ["title", "summary"])
      if (typeof data[key] === "string" && !CJK.test(data[key] as string))
        problem(`${rel(file)}: the ${key} is not translated.`);
    if (!CJK.test(read(file).replace(/^---[\s\S]*?\n---/, "")))
      problem(`${rel(file)}: the statement text is not translated.`);
  }
  statements[lang] = data;
}
const en = statements.en;
for (const lang of LOCALES.filter((l) => l !== "en")) {
  const other = statements[lang];
  if (!en || !other) continue;
  for (const key of new Set([...Object.keys(en), ...Object.keys(other)]))
    if (!["title", "summary", "lang"].includes(key) && JSON.stringify(en[key]) !== JSON.stringify(other[key]))
      problem(
        `statement.${lang}.mdx says ${key}: ${JSON.stringify(other[key])}, statement.en.mdx says ${JSON.stringify(en[key])}; only title and summary may differ.`,
      );
}
if (en && typeof en.order === "number") {
  for (const other of readdirSync(join(root, "src/exercises"))) {
    const f = join(root, "src/exercises", other, "statement.en.mdx");
    if (
      other !== id &&
      existsSync(f) &&
      new RegExp(`^order:\\s*${en.order}\\s*$`, "m").test(readFileSync(f, "utf8"))
    )
      problem(`order: ${en.order} is also ${other}'s; give each exercise its own course position.`);
  }
  if (en.lesson && !existsSync(join(root, "src/lessons/en", `${String(en.lesson)}.mdx`)))
    problem(
      `statement: lesson: ${String(en.lesson)} is not a lesson (src/lessons/en/${String(en.lesson)}.mdx).`,
    );
  if (en.media && !existsSync(join(root, "src/media", String(en.media))))
    problem(`statement: media: ${String(en.media)} is not in src/media/.`);
}
if (LOCALES.every((l) => statements[l])) ok.push(`statements in ${LOCALES.join(" and ")}`);

// Hints: two or three, every language, each pointing at a lesson section that exists.
if (existsSync(join(dir, "hints.ts"))) {
  const { hints } = (await import(join(dir, "hints.ts"))) as { hints?: Hint[] };
  if (!Array.isArray(hints) || hints.length < 2 || hints.length > 3)
    problem(
      `hints.ts must export hints: two or three of them (it has ${Array.isArray(hints) ? hints.length : "none"}).`,
    );
  for (const [i, h] of (hints ?? []).entries()) {
    for (const lang of LOCALES) if (!h.text?.[lang]?.trim()) problem(`hint ${i + 1} has no ${lang} text.`);
    if (h.text?.["zh-cn"] && !CJK.test(h.text["zh-cn"]))
      problem(`hint ${i + 1}: the zh-cn text is not translated.`);
    const [slug, anchor] = String(h.section).split("#");
    const lesson = join(root, "src/lessons/en", `${slug}.mdx`);
    if (!existsSync(lesson)) problem(`hint ${i + 1} points at lesson "${slug}", which does not exist.`);
    else {
      const source = readFileSync(lesson, "utf8");
      const ids = new Set([
        ...headingIds(source).map((x) => x.id),
        ...[...source.matchAll(/<span id="([\w-]+)"/g)].map((m) => m[1]!),
      ]);
      if (!anchor || !ids.has(anchor))
        problem(
          `hint ${i + 1} points at "${h.section}", but lesson "${slug}" has no section "#${anchor ?? ""}" (it has: ${[...ids].join(", ")}).`,
        );
    }
  }
  if (Array.isArray(hints) && hints.length >= 2 && hints.length <= 3) ok.push(`${hints.length} hints`);
}

// The tests themselves.
let exercise: ExerciseModule | undefined;
if (existsSync(join(dir, "tests.ts"))) {
  if (!isExerciseId(id)) problem(`${rel("tests.ts")} is not found by the catalog.`);
  try {
    exercise = await loadExercise(id);
  } catch (e) {
    problem(`${rel("tests.ts")} does not load: ${(e as Error).stack ?? String(e)}`);
  }
}
if (exercise) {
  const { tests, requiredExports } = exercise;
  if (!Array.isArray(requiredExports) || !requiredExports.length)
    problem(`tests.ts must export requiredExports, e.g. ["read_packet"].`);
  if (!Array.isArray(tests) || !tests.length)
    problem(`tests.ts must export tests, an array with at least one test.`);
  const names = new Set<string>();
  for (const t of tests ?? []) {
    if (!t.name?.trim() || CJK.test(t.name))
      problem(`every test needs an English name (test ${JSON.stringify(t.name)}).`);
    if (names.has(t.name)) problem(`two tests are named "${t.name}"; names are keys and must be unique.`);
    names.add(t.name);
    for (const lang of LOCALES.filter((l) => l !== "en"))
      if (!t.names?.[lang] || !CJK.test(t.names[lang]))
        problem(`test "${t.name}" has no ${lang} name (names: { "${lang}": "…" }).`);
  }
  if (!(tests ?? []).some((t) => t.hidden))
    problem(`no test is hidden: add one (hidden: true) that uses media the statement does not list.`);
  else ok.push(`${tests.length} tests, ${tests.filter((t) => t.hidden).length} hidden`);
}

let engine: Engine | undefined;
/** Grades in this process; authoring errors (a test that threw by itself) are collected. */
async function grade(code: string): Promise<{ result: GradeResult; authoring: AuthoringError[] }> {
  if (!engine || engine.poisoned) engine = await loadEngine();
  const authoring: AuthoringError[] = [];
  const watched: ExerciseModule = {
    ...exercise!,
    tests: exercise!.tests.map((t) => ({
      ...t,
      async run(ctx) {
        try {
          await t.run(ctx);
        } catch (e) {
          if (e instanceof AuthoringError) authoring.push(e);
          throw e;
        }
      },
    })),
  };
  return { result: await gradeSubmission({ engine, exercise: watched, code, media: nodeMedia }), authoring };
}
/** "tests.ts:42": where in the author's file the error started, from its stack. */
function where(e: AuthoringError): string {
  const stack = e.cause instanceof Error ? (e.cause.stack ?? "") : "";
  const at = stack.split("\n").find((l) => l.includes(`/exercises/${id}/`));
  const m = at && /\/(exercises\/[^:]+):(\d+)/.exec(at);
  return m ? ` (src/${m[1]} line ${m[2]})` : "";
}
const authoringReported = new Set<string>();
function reportAuthoring(errors: AuthoringError[], graded: string) {
  for (const e of errors) {
    const key = `${e.test}\n${String(e.cause)}`;
    if (authoringReported.has(key)) continue;
    authoringReported.add(key);
    const cause = e.cause instanceof Error ? `${e.cause.name}: ${e.cause.message}` : String(e.cause);
    problem(
      `authoring error: test "${e.test}" threw ${cause}${where(e)} while grading ${graded}. That is a bug in tests.ts, not in the submission: fail a test with fail(key, params) or a harness helper.`,
    );
  }
}

if (exercise && !missing.includes("tests.ts")) {
  /** Tests that failed for a reason of their own, not because tests.ts threw. */
  const realFailures = (r: GradeResult, authoring: AuthoringError[]) =>
    r.tests.filter((t) => t.status !== "pass" && !authoring.some((e) => e.test === t.name));
  const firstFailure = (r: GradeResult, authoring: AuthoringError[]) =>
    r.message ?? realFailures(r, authoring).map((t) => `"${t.name}": ${t.message ?? t.status}`)[0] ?? "";
  if (existsSync(join(dir, "solution.ts"))) {
    const { result, authoring } = await grade(read("solution.ts"));
    reportAuthoring(authoring, "solution.ts");
    if (result.message) problem(`the reference solution does not pass: ${result.message}`);
    for (const t of realFailures(result, authoring))
      problem(`the reference solution fails "${t.name}": ${t.message ?? t.status}`);
    if (result.status === "pass") ok.push("the reference solution passes every test");
  }
  if (existsSync(join(dir, "starter.ts"))) {
    const { result, authoring } = await grade(read("starter.ts"));
    reportAuthoring(authoring, "starter.ts");
    if (result.message)
      problem(
        `the starter does not even run: ${result.message}. It should compile, export ${exercise.requiredExports.join(", ")}, and fail the tests.`,
      );
    else if (!realFailures(result, authoring).length)
      problem(
        `the starter passes every test${authoring.length ? " that ran without an authoring error" : ""}: a learner would be done before starting. Leave the work undone in starter.ts.`,
      );
    else ok.push(`the starter fails (${firstFailure(result, authoring)})`);
  }
  const mutantsDir = join(root, "test/exercise-mutants", id);
  const mutants = existsSync(mutantsDir)
    ? readdirSync(mutantsDir)
        .filter((f) => f.endsWith(".ts"))
        .sort()
    : [];
  if (mutants.length < 2)
    problem(
      `test/exercise-mutants/${id}/ has ${mutants.length} known-wrong submission(s); write at least two, one per mistake a learner makes.`,
    );
  for (const f of mutants) {
    const code = readFileSync(join(mutantsDir, f), "utf8");
    const m = /^\/\/ expect-fail: (.+?) :: (.+)$/m.exec(code);
    const label = `mutant ${f}`;
    if (!m) {
      problem(`${label} has no "// expect-fail: <test name> :: <message regex>" line.`);
      continue;
    }
    const [name, pattern] = [m[1]!.trim(), m[2]!.trim()];
    let regex: RegExp;
    try {
      regex = new RegExp(pattern);
    } catch (e) {
      problem(`${label}: "${pattern}" is not a regular expression (${(e as Error).message}).`);
      continue;
    }
    if (!exercise.tests.some((t) => t.name === name)) {
      problem(`${label} expects test "${name}" to fail, but there is no test by that name.`);
      continue;
    }
    const { result, authoring } = await grade(code);
    reportAuthoring(authoring, label);
    const t = result.tests.find((x) => x.name === name);
    if (authoring.some((e) => e.test === name))
      problem(`${label} cannot be checked: "${name}" has the authoring error above.`);
    else if (!result.message && !realFailures(result, authoring).length)
      problem(`${label} passes every test: the tests do not catch this mistake.`);
    else if (!t)
      problem(`${label} was meant to fail "${name}", but grading stopped first: ${result.message}`);
    else if (t.status === "pass")
      problem(`${label} passes "${name}" (it fails ${firstFailure(result, authoring)} instead).`);
    else if (t.status !== "fail")
      problem(`${label}: "${name}" ended in an error, not a failure: ${t.message}`);
    else if (!regex.test(t.message ?? ""))
      problem(`${label} fails "${name}", but its message does not match /${pattern}/: ${t.message}`);
    else ok.push(`${label} fails "${name}" as expected`);
  }
}

for (const line of ok) process.stdout.write(`ok  ${line}\n`);
for (const line of problems) process.stdout.write(`fix ${line}\n`);
process.stdout.write(
  problems.length
    ? `\n${id}: ${problems.length} ${problems.length === 1 ? "thing" : "things"} to fix.\n`
    : `\n${id}: ready. Grade a class with: npm run --silent grade -- ${id} <folder>\n`,
);
process.exitCode = problems.length ? 1 : 0;
