// The CI examples under docs/ci/ are what /teach/ tells teachers to copy: they must be valid
// YAML, shard the way --shard counts (1..n), merge every slice, and call the grader only with
// the documented command line — the teacher's pinned bundle, fetched and checked (SHA-256)
// before it runs, never anything from the repository (no npm install). The Classroom recipe is
// scripts/classroom-workflow.ts's output; its points add up to each exercise's.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { PLACEHOLDER_SHA256, classroomWorkflow } from "../../scripts/classroom-workflow.ts";
import { exerciseIds, isExerciseId, loadExercise } from "../../src/exercises/catalog.ts";
import { awardPoints } from "../../src/exercises/report.ts";

const load = (name: string) =>
  parse(readFileSync(new URL(`../../docs/ci/${name}`, import.meta.url), "utf8"), {
    strict: true,
    uniqueKeys: true,
  });

/** The documented interface (README, /teach/): these flags and nothing else. */
const FLAGS = new Set([
  "--json",
  "--junit",
  "--csv",
  "--lang",
  "--timeout",
  "--jobs",
  "--memory",
  "--shard",
  "--merge",
]);
const WITH_VALUE = new Set(["--junit", "--csv", "--lang", "--timeout", "--jobs", "--memory", "--shard"]);

/** The bundle's grader, wherever the recipe unpacked it: `node "$RUNNER_TEMP/dist-grader/grade.mjs"`. */
const GRADER = /node "?[^\s"]*\/dist-grader\/grade\.mjs"? /g;

/** Every call of the packaged grader in a shell line, as its arguments (up to a redirection or `||`); `${{ x }}` kept as one word. */
function gradeCalls(script: string): string[][] {
  script = script.replace(/\$\{\{\s*(.*?)\s*\}\}/g, "${{$1}}");
  return [...script.matchAll(new RegExp(`${GRADER.source}([^\\n|>]*)`, "g"))].map((m) =>
    m[1]!.trim().split(/\s+/),
  );
}

/** The fetch: download, `sha256sum -c` of the pinned checksum, unpack; before any grading line. */
function checkFetch(script: string, where: string) {
  expect(script, where).not.toMatch(/npm (install|ci)\b|npm run/);
  const fetch = script.search(/curl -fsSL/);
  const check = script.search(/echo "\$GRADER_SHA256 {2}[^"]+" \| sha256sum -c -/);
  const unpack = script.search(/tar -xzf/);
  const grade = script.search(GRADER);
  expect(fetch, `${where}: curl`).toBeGreaterThanOrEqual(0);
  expect(check, `${where}: sha256sum -c`).toBeGreaterThan(fetch);
  expect(unpack, `${where}: tar`).toBeGreaterThan(check);
  expect(grade, `${where}: grade.mjs`).toBeGreaterThan(unpack);
}

/** Checks one call against the interface and returns its parts. */
function checkCall(args: string[]) {
  const flags: Record<string, string | true> = {};
  const positionals: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a.startsWith("--")) {
      expect(FLAGS, a).toContain(a);
      flags[a] = WITH_VALUE.has(a) ? args[++i]! : true;
    } else positionals.push(a);
  }
  if (flags["--merge"])
    expect(
      positionals.every((p) => p.endsWith(".json")),
      positionals.join(" "),
    ).toBe(true);
  else expect(isExerciseId(positionals[0]!), `exercise id ${positionals[0]}`).toBe(true);
  return { flags, positionals };
}

interface Step {
  id?: string;
  run?: string;
  uses?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
}
const runs = (steps: Step[]) => steps.map((s) => s.run ?? "").join("\n");

describe("docs/ci", () => {
  it("GitHub Actions: a strategy.matrix of shards 1..n, each graded with --shard i/n, and a merge job after them", () => {
    const wf = load("github-actions.yml");
    const shards: number[] = wf.jobs.grade.strategy.matrix.shard;
    expect(shards).toEqual(Array.from({ length: shards.length }, (_, i) => i + 1));
    const [grade] = gradeCalls(runs(wf.jobs.grade.steps));
    const g = checkCall(grade!);
    expect(g.flags["--shard"]).toBe(`\${{matrix.shard}}/${shards.length}`);
    expect(g.flags["--json"]).toBe(true);
    expect(wf.jobs.grade.steps.map((s: { run?: string }) => s.run ?? "").join("\n")).toMatch(
      /> grades-\$\{\{ matrix\.shard \}\}\.json \|\| \[ \$\? -eq 1 \]/,
    );

    expect([wf.jobs.merge.needs].flat()).toContain("grade");
    const [merge] = gradeCalls(runs(wf.jobs.merge.steps));
    const m = checkCall(merge!);
    expect(m.flags["--merge"]).toBe(true);
    expect(m.positionals).toEqual(["grades-*.json"]);
    expect(m.flags).toMatchObject({ "--csv": "gradebook.csv", "--junit": "class.xml" });
    for (const job of ["grade", "merge"]) checkFetch(runs(wf.jobs[job].steps), `github-actions ${job}`);
    expect(wf.env.GRADER_SHA256).toBe(PLACEHOLDER_SHA256);
    const download = wf.jobs.merge.steps.find((s: { uses?: string }) =>
      s.uses?.startsWith("actions/download-artifact"),
    );
    expect(download.with).toMatchObject({ pattern: "grades-*", "merge-multiple": true });
  });

  it("GitLab CI: parallel jobs graded with --shard $CI_NODE_INDEX/$CI_NODE_TOTAL, and a merge job that needs them", () => {
    const ci = load("gitlab-ci.yml");
    expect(ci.grade.parallel).toBeGreaterThan(1);
    const g = checkCall(gradeCalls(ci.grade.script.join("\n"))[0]!);
    expect(g.flags["--shard"]).toBe('"$CI_NODE_INDEX/$CI_NODE_TOTAL"');
    expect(ci.grade.artifacts.paths).toContain("grades-*.json");
    expect(ci.stages.indexOf(ci.merge.stage)).toBeGreaterThan(ci.stages.indexOf(ci.grade.stage));
    expect(ci.merge.needs).toContain("grade");
    const m = checkCall(gradeCalls(ci.merge.script.join("\n"))[0]!);
    expect(m.flags["--merge"]).toBe(true);
    expect(ci.merge.artifacts.reports.junit).toBe(m.flags["--junit"]);
    for (const job of ["grade", "merge"])
      checkFetch([...ci.default.before_script, ...ci[job].script].join("\n"), `gitlab ${job}`);
    expect(ci.variables.GRADER_SHA256).toBe(PLACEHOLDER_SHA256);
  });

  it("GitHub Classroom: the generator's output for read-packet, the pinned grader fetched and checked before grading", async () => {
    const text = readFileSync(new URL("../../docs/ci/github-classroom.yml", import.meta.url), "utf8");
    expect(text).toBe(await classroomWorkflow(["read-packet"]));
    const wf = load("github-classroom.yml");
    const steps = wf.jobs["run-autograding-tests"].steps as Step[];
    checkFetch(runs(steps), "github-classroom");
    // Each grading line takes one submission file and writes its report outside the checkout.
    for (const call of gradeCalls(runs(steps))) {
      const { flags, positionals } = checkCall(call);
      expect(positionals).toEqual(["read-packet", "submission/read-packet.ts"]);
      expect(Object.keys(flags)).toEqual(["--json"]);
    }
    // The step /teach/ shows is the file's own.
    const teach = readFileSync(new URL("../../src/views/teach/en.mdx", import.meta.url), "utf8");
    const shown = /```yaml\n(- name: "read-packet: [\s\S]*?)```/.exec(teach)![1]!;
    const [step] = parse(shown) as Step[];
    expect(steps.find((s) => s.id === step!.id)).toEqual(step);
    expect(runs(steps)).toMatch(/--json > "\$HOME\/avio-grader\/read-packet\.json" \|\| \[ \$\? -eq 1 \]/);
  });

  it("GitHub Classroom: one command-grader step per test, worth its points; they add up to each exercise's, for every exercise", async () => {
    const wf = parse(await classroomWorkflow([...exerciseIds]));
    const steps = wf.jobs["run-autograding-tests"].steps as Step[];
    const graders = steps.filter((s) =>
      s.uses?.startsWith("classroom-resources/autograding-command-grader@"),
    );
    for (const id of exerciseIds) {
      const ex = await loadExercise(id);
      const mine = graders.filter(
        (s) => s.id!.startsWith(`${id}-`) && /^\d+$/.test(s.id!.slice(id.length + 1)),
      );
      const { max_points } = awardPoints({ status: "fail", tests: [] }, ex.tests);
      expect(
        mine.reduce((a, s) => a + Number(s.with!["max-score"]), 0),
        id,
      ).toBe(max_points);
      expect(mine.map((s) => s.with!["test-name"])).toEqual(ex.tests.map((t) => `${id}: ${t.name}`));
      for (const [k, s] of mine.entries()) {
        // The test's own stable name, quoted for sh, checked against the report made before it.
        const command = String(s.with!.command);
        expect(command).toMatch(
          /^node "\$HOME\/avio-grader\/dist-grader\/passed\.mjs" "\$HOME\/avio-grader\/[a-z-]+\.json" '/,
        );
        expect(command).toContain(`"$HOME/avio-grader/${id}.json"`);
        expect(command.endsWith(`'${ex.tests[k]!.name.replaceAll("'", "'\\''")}'`)).toBe(true);
        expect(steps.indexOf(s)).toBeGreaterThan(steps.findIndex((x) => x.run?.includes(`/${id}.json`)));
      }
    }
    const reporter = steps.find((s) =>
      s.uses?.startsWith("classroom-resources/autograding-grading-reporter@"),
    )!;
    expect(String(reporter.with!.runners).split(",")).toEqual(graders.map((s) => s.id));
    for (const s of graders)
      expect(reporter.env![`${s.id!.toUpperCase()}_RESULTS`]).toBe(`\${{steps.${s.id}.outputs.result}}`);
  });

  it("every example that runs in a container image as root says so next to the image line", () => {
    for (const name of ["github-actions.yml", "github-classroom.yml", "gitlab-ci.yml"]) {
      const lines = readFileSync(new URL(`../../docs/ci/${name}`, import.meta.url), "utf8").split("\n");
      for (const [i, line] of lines.entries()) {
        if (!/^\s*(image|container):/.test(line)) continue;
        // The comment block just above the line names the risk.
        const above = lines.slice(Math.max(0, i - 6), i).join("\n");
        expect(above, `${name}:${i + 1}`).toMatch(/#.*\broot\b/);
      }
    }
  });
});
