// The CI examples under docs/ci/ are what /teach/ tells teachers to copy: they must be valid
// YAML, shard the way --shard counts (1..n), merge every slice, and call the grader only with
// the documented command line.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { isExerciseId } from "../../src/exercises/catalog.ts";

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

/** Every `npm run --silent grade -- …` in a shell line, as its arguments (up to a redirection or `||`); `${{ x }}` kept as one word. */
function gradeCalls(script: string): string[][] {
  script = script.replace(/\$\{\{\s*(.*?)\s*\}\}/g, "${{$1}}");
  return [...script.matchAll(/npm run --silent grade -- ([^\n|>]*)/g)].map((m) => m[1]!.trim().split(/\s+/));
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

const runs = (steps: { run?: string }[]) => steps.map((s) => s.run ?? "").join("\n");

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
  });

  it("GitHub Classroom: the command grader runs the grader and takes its exit code as the verdict", () => {
    const wf = load("github-classroom.yml");
    const steps = wf.jobs["run-autograding-tests"].steps as {
      id?: string;
      uses?: string;
      with?: Record<string, unknown>;
      env?: Record<string, string>;
    }[];
    const graders = steps.filter((s) =>
      s.uses?.startsWith("classroom-resources/autograding-command-grader@"),
    );
    expect(graders.length).toBeGreaterThan(0);
    for (const s of graders) {
      const calls = gradeCalls(String(s.with!.command));
      expect(calls).toHaveLength(1);
      const { flags, positionals } = checkCall(calls[0]!);
      // The verdict is the exit code: no output flags that would only write files.
      expect(Object.keys(flags)).toEqual([]);
      expect(positionals).toHaveLength(2);
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
