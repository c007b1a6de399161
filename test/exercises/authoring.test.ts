// Authoring an exercise: the catalog finds it from its folder, `new:exercise` scaffolds one that
// passes `check:exercise` as written, `check:exercise` names what is wrong in plain words, and a
// bug in an exercise's tests.ts is the author's error, never the student's.
import { spawnSync } from "node:child_process";
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  unlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadEngine } from "../../src/avio/node.ts";
import { exerciseIds, frontmatterOrder, isExerciseId, loadExercise } from "../../src/exercises/catalog.ts";
import { gradeSubmission } from "../../src/exercises/grade.ts";
import { AuthoringError, guardAuthoring, type ExerciseTest } from "../../src/exercises/harness.ts";
import { nodeMedia } from "../../src/exercises/media-node.ts";

const root = fileURLToPath(new URL("../../", import.meta.url));
const node = process.execPath;

describe("the catalog", () => {
  const folders = readdirSync(join(root, "src/exercises")).filter((d) =>
    existsSync(join(root, "src/exercises", d, "tests.ts")),
  );
  const order = (id: string) =>
    frontmatterOrder(readFileSync(join(root, "src/exercises", id, "statement.en.mdx"), "utf8"))!;

  it("lists every folder with a tests.ts, in the course order of the statements", () => {
    expect([...exerciseIds].sort()).toEqual(folders.sort());
    expect(exerciseIds.map(order)).toEqual(exerciseIds.map(order).sort((a, b) => a - b));
    // The ids (and so the URLs /exercises/<id>/) that existed before discovery.
    expect(exerciseIds.slice(0, 8)).toEqual([
      "read-packet",
      "seek",
      "fix-the-bug",
      "propagate-errors",
      "chunked-source",
      "forward-only",
      "write-packet",
      "cleanup",
    ]);
  });

  it("plain Node (the grader) sees the same list as Vite (the site and this test)", () => {
    const r = spawnSync(
      node,
      [
        "--input-type=module",
        "-e",
        `import { exerciseIds } from ${JSON.stringify(join(root, "src/exercises/catalog.ts"))}; console.log(JSON.stringify(exerciseIds));`,
      ],
      { encoding: "utf8" },
    );
    expect(r.stderr).toBe("");
    expect(JSON.parse(r.stdout)).toEqual([...exerciseIds]);
  });

  it("knows only exercise folders", () => {
    expect(isExerciseId("seek")).toBe(true);
    for (const bad of ["nope", "../seek", "seek/", "Seek", "", "catalog.ts"])
      expect(isExerciseId(bad), bad).toBe(false);
    return expect(loadExercise("nope")).rejects.toThrow(/unknown exercise "nope"/);
  });
});

describe("a bug in tests.ts is the author's", () => {
  const solution = readFileSync(join(root, "src/exercises/read-packet/solution.ts"), "utf8");
  const exercise = (run: ExerciseTest["run"]) =>
    guardAuthoring({
      requiredExports: ["read_packet"],
      tests: [{ name: "the test", names: { "zh-cn": "测试" }, run }],
    });

  it("an error the test itself throws is an AuthoringError naming the test", async () => {
    const engine = await loadEngine();
    const r = await gradeSubmission({
      engine,
      exercise: exercise(() => {
        (undefined as unknown as { x: number }).x;
      }),
      code: solution,
      media: nodeMedia,
    });
    expect(r.tests[0]).toMatchObject({
      status: "error",
      message: expect.stringMatching(
        /^This test has a bug of its own \(in the exercise.s tests\.ts, not in your code\): TypeError/,
      ),
    });
  });

  it("what the learner's code throws stays the learner's, however the test called it", async () => {
    const engine = await loadEngine();
    const code = 'export function read_packet() { throw new TypeError("mine"); }';
    const r = await gradeSubmission({
      engine,
      exercise: exercise((ctx) => {
        (ctx.exports.read_packet as () => void)();
      }),
      code,
      media: nodeMedia,
    });
    expect(r.tests[0]).toMatchObject({ status: "error", message: "TypeError: mine" });
    await expect(
      exercise((ctx) => (ctx.exports.read_packet as () => void)()).tests[0]!.run({
        exports: {
          read_packet: () => {
            throw 7;
          },
        },
        engine,
        media: nodeMedia,
      }),
    ).rejects.toBe(7);
    await expect(
      exercise(() => {
        throw new RangeError("author");
      }).tests[0]!.run({ exports: {}, engine, media: nodeMedia }),
    ).rejects.toBeInstanceOf(AuthoringError);
  });
});

describe("new:exercise and check:exercise", () => {
  let copy: string;
  const run = (script: string, ...args: string[]) => {
    const r = spawnSync(node, [join(copy, "scripts", script), ...args], { cwd: copy, encoding: "utf8" });
    return { status: r.status, out: r.stdout + r.stderr };
  };
  const file = (p: string) => join(copy, p);

  beforeAll(() => {
    // A copy of what the scripts read, so this test never adds a folder to the real catalog.
    copy = mkdtempSync(join(tmpdir(), "avio-authoring-"));
    for (const p of ["src", "scripts", "package.json", "wasm/dist"])
      cpSync(join(root, p), file(p), { recursive: true });
    mkdirSync(file("test/exercise-mutants"), { recursive: true });
    symlinkSync(join(root, "node_modules"), file("node_modules"));
  });
  afterAll(() => rmSync(copy, { recursive: true, force: true }));

  it("scaffolds an exercise that passes check:exercise as written, last in the course", () => {
    const made = run("new-exercise.ts", "ring-buffer");
    expect(made.status, made.out).toBe(0);
    for (const f of [
      "statement.en.mdx",
      "statement.zh-cn.mdx",
      "starter.ts",
      "solution.ts",
      "tests.ts",
      "hints.ts",
    ])
      expect(existsSync(file(`src/exercises/ring-buffer/${f}`)), f).toBe(true);
    expect(readdirSync(file("test/exercise-mutants/ring-buffer")).length).toBeGreaterThanOrEqual(2);
    expect(readFileSync(file("src/exercises/ring-buffer/tests.ts"), "utf8")).toMatch(/hidden: true/);
    expect(frontmatterOrder(readFileSync(file("src/exercises/ring-buffer/statement.en.mdx"), "utf8"))).toBe(
      Math.max(
        ...exerciseIds.map(
          (id) =>
            frontmatterOrder(readFileSync(join(root, "src/exercises", id, "statement.en.mdx"), "utf8"))!,
        ),
      ) + 1,
    );

    const checked = run("check-exercise.ts", "ring-buffer");
    expect(checked.out).toMatch(/ok {2}the reference solution passes every test/);
    expect(checked.out).toMatch(/ok {2}the starter fails/);
    expect(checked.out).toMatch(
      /ok {2}mutant forgets-to-advance\.ts fails "copies at most buf_size bytes and returns how many" as expected/,
    );
    expect(checked.out).toMatch(/ring-buffer: ready\./);
    expect(checked.out).not.toMatch(/^fix /m);
    expect(checked.status).toBe(0);
  });

  it("refuses an id that cannot be a URL, or one that exists", () => {
    expect(run("new-exercise.ts", "Ring Buffer")).toMatchObject({
      status: 2,
      out: expect.stringMatching(/not a usable id/),
    });
    expect(run("new-exercise.ts", "seek")).toMatchObject({
      status: 2,
      out: expect.stringMatching(/already exists/),
    });
    expect(run("check-exercise.ts", "no-such")).toMatchObject({
      status: 2,
      out: expect.stringMatching(/there is no src\/exercises\/no-such\//),
    });
  });

  it("names each thing an author got wrong, and a throwing test as an authoring error", () => {
    expect(run("new-exercise.ts", "broken").status).toBe(0);
    const ex = (f: string) => file(`src/exercises/broken/${f}`);
    const mut = (f: string) => file(`test/exercise-mutants/broken/${f}`);
    unlinkSync(ex("statement.zh-cn.mdx"));
    writeFileSync(ex("starter.ts"), readFileSync(ex("solution.ts"), "utf8"));
    writeFileSync(
      ex("hints.ts"),
      readFileSync(ex("hints.ts"), "utf8").replace(
        "read-packet#never-return-0",
        "read-packet#no-such-section",
      ),
    );
    // A test that reads a field of undefined whatever the submission does.
    writeFileSync(
      ex("tests.ts"),
      readFileSync(ex("tests.ts"), "utf8").replace(
        'run: (ctx) => expectDecodes(ctx, "wav-s16-44k-stereo.wav"),',
        "run: (ctx) => expectDecodes(ctx, (undefined as unknown as { name: string }).name),",
      ),
    );
    writeFileSync(
      mut("returns-zero-at-eof.ts"),
      readFileSync(mut("returns-zero-at-eof.ts"), "utf8").replace(/:: .*/, ":: says something else entirely"),
    );
    writeFileSync(mut("no-line.ts"), readFileSync(ex("solution.ts"), "utf8"));
    writeFileSync(
      mut("solves-it.ts"),
      `// expect-fail: returns AVERROR_EOF at the end, never 0 :: returned 0\n${readFileSync(ex("solution.ts"), "utf8")}`,
    );
    writeFileSync(
      mut("wrong-name.ts"),
      `// expect-fail: a test nobody wrote :: x\n${readFileSync(ex("solution.ts"), "utf8")}`,
    );

    const r = run("check-exercise.ts", "broken");
    expect(r.status).toBe(1);
    expect(r.out).toMatch(/^fix src\/exercises\/broken\/statement\.zh-cn\.mdx is missing\.$/m);
    expect(r.out).toMatch(/^fix the starter passes every test/m);
    expect(r.out).toMatch(
      /^fix hint 2 points at "read-packet#no-such-section", but lesson "read-packet" has no section "#no-such-section"/m,
    );
    expect(r.out).toMatch(
      /^fix authoring error: test "decodes the WAV sample exactly as FFmpeg does" threw TypeError: .*\(src\/exercises\/broken\/tests\.ts line \d+\) while grading solution\.ts\. That is a bug in tests\.ts, not in the submission/m,
    );
    expect(r.out).not.toMatch(/reference solution fails/); // the author's bug, reported once, above
    expect(r.out).toMatch(
      /^fix mutant returns-zero-at-eof\.ts fails "returns AVERROR_EOF at the end, never 0", but its message does not match \/says something else entirely\/: /m,
    );
    expect(r.out).toMatch(
      /^fix mutant no-line\.ts has no "\/\/ expect-fail: <test name> :: <message regex>" line\.$/m,
    );
    expect(r.out).toMatch(
      /^fix mutant solves-it\.ts passes every test: the tests do not catch this mistake\.$/m,
    );
    expect(r.out).toMatch(
      /^fix mutant wrong-name\.ts expects test "a test nobody wrote" to fail, but there is no test by that name\.$/m,
    );
    expect(r.out).toMatch(/^broken: \d+ things to fix\.$/m);
    // The author's bug is reported once, not once per graded file.
    expect(r.out.match(/^fix authoring error:/gm)).toHaveLength(1);
  });
});
