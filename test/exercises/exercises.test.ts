// Every reference solution passes; every starter and known-wrong submission
// fails, and fails the intended test with the intended message.
import { readdirSync, readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import type { Engine } from "../../src/avio/engine.ts";
import { loadEngine } from "../../src/avio/node.ts";
import { exerciseIds, loadExercise } from "../../src/exercises/catalog.ts";
import { gradeSubmission } from "../../src/exercises/grade.ts";
import { nodeMedia } from "../../src/exercises/media-node.ts";

let engine: Engine;
beforeAll(async () => {
  engine = await loadEngine();
});

const read = (path: string) => readFileSync(new URL(path, import.meta.url), "utf8");
const grade = async (id: (typeof exerciseIds)[number], code: string) =>
  gradeSubmission({ engine, exercise: await loadExercise(id), code, media: nodeMedia });

/** A mutant states what must fail: `// expect-fail: <test name> :: <message regex>`. */
function expectation(code: string) {
  const m = /^\/\/ expect-fail: (.+?) :: (.+)$/m.exec(code);
  if (!m) throw new Error("mutant without an `// expect-fail: test :: regex` line");
  return { test: m[1].trim(), message: new RegExp(m[2].trim()) };
}

describe.each(exerciseIds)("exercise %s", (id) => {
  it("the reference solution passes every test", async () => {
    const r = await grade(id, read(`../../src/exercises/${id}/solution.ts`));
    expect(r.tests.filter((t) => t.status !== "pass")).toEqual([]);
    expect(r.status).toBe("pass");
    expect(r.tests.some((t) => t.hidden)).toBe(true);
  });

  it("the starter does not pass", async () => {
    const r = await grade(id, read(`../../src/exercises/${id}/starter.ts`));
    expect(r.status).not.toBe("pass");
  });

  const dir = new URL(`../exercise-mutants/${id}/`, import.meta.url);
  const mutants = readdirSync(dir).filter((f) => f.endsWith(".ts"));
  it("has known-wrong submissions", () => expect(mutants.length).toBeGreaterThanOrEqual(2));
  it.each(mutants)("mutant %s fails with the intended message", async (file) => {
    const code = readFileSync(new URL(file, dir), "utf8");
    const want = expectation(code);
    const r = await grade(id, code);
    expect(r.status).not.toBe("pass");
    const failed = r.tests.find((t) => t.name === want.test);
    expect(
      failed,
      `test "${want.test}" in ${r.tests.map((t) => `${t.name}: ${t.status}`).join("; ")}`,
    ).toBeDefined();
    expect(failed!.status).toBe("fail");
    expect(failed!.message).toMatch(want.message);
  });
});
