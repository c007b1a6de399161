// One test of a graded report, as an exit code: what a GitHub Classroom step needs to give that
// test's points (classroom-resources/autograding-command-grader awards its max-score on exit 0).
//   node dist-grader/passed.mjs <report.json> <test name>     (npm run --silent grade:passed -- …)
// The report is `grade --json` of one submission, made earlier in the same job by the same
// grader; the test is named by its stable English `name`. Exit: 0 the test passed (and the row is
// not the starter unchanged or missing); 1 it did not; 2 bad usage or not such a report.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { parseResultsJson } from "../src/exercises/report-schema.ts";

function usage(message: string): never {
  process.stderr.write(`passed: ${message}\n`);
  process.exit(2);
}

const [file, name, ...rest] = process.argv.slice(2);
if (!file || !name || rest.length) usage("give a grade --json report and one test name");
let text: string;
try {
  text = readFileSync(resolve(process.env.INIT_CWD ?? process.cwd(), file), "utf8");
} catch {
  usage(`cannot read ${file}`);
}
const doc = parseResultsJson(text);
if (!doc.ok) usage(`${file} is not a grade --json report: ${doc.error}`);
const rows = doc.value.results;
if (rows.length !== 1) usage(`${file} holds ${rows.length} submissions; give the report of one`);
const row = rows[0]!;
const test = row.tests.find((t) => t.name === name);
if (!test) usage(`exercise ${doc.value.exercise} has no test named "${name}"`);
const ok = test.status === "pass" && row.status !== "unchanged" && row.status !== "missing";
process.stdout.write(
  `${test.title}: ${ok ? "pass" : row.status === "unchanged" ? "unchanged" : test.status}${!ok && test.message ? ` — ${test.message}` : ""}\n`,
);
process.exit(ok ? 0 : 1);
