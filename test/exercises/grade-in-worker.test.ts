// The browser's Check (grade-in-worker.ts) gives the class grader's verdict: the starter as it was
// is `unchanged` and never run; other code gets the points of the exercise's own tests.
import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import type { Engine } from "../../src/avio/engine.ts";
import { loadEngine } from "../../src/avio/node.ts";
import { gradeInWorker } from "../../src/exercises/grade-in-worker.ts";
import { strings } from "../../src/i18n/index.ts";
import { checkSummary } from "../../src/playground/views/check.ts";

const root = new URL("../../", import.meta.url);
const read = (rel: string) => readFileSync(new URL(rel, root), "utf8");
// Vite serves the media as /src/media/<name>: read from disk what the worker would fetch.
const diskFetch = (async (url: string) =>
  new Response(readFileSync(new URL(`.${String(url).split("?")[0]}`, root)))) as unknown as typeof fetch;
const check = (engine: Engine, exercise: string, code: string, lang: "en" | "zh-cn" = "en", f = diskFetch) =>
  gradeInWorker(engine, { exercise, code, lang }, { onStart: () => {}, fetch: f });

let engine: Engine;
beforeAll(async () => {
  engine = await loadEngine();
});

describe("the browser's Check of the starter as it was", () => {
  // Nothing may run: no engine, no media.
  const untouchable = new Proxy({} as Engine, {
    get: () => {
      throw new Error("the engine was used");
    },
  });
  const noFetch = (() => {
    throw new Error("media was fetched");
  }) as unknown as typeof fetch;

  it("is unchanged in either language, with other spaces and comments: no test runs, score 0", async () => {
    const en = read("src/exercises/propagate-errors/starter.ts");
    const zh = read("src/exercises/propagate-errors/starter.zh-cn.ts");
    for (const code of [en, zh, `// my try\n${en.replace(/\n/g, "\r\n  ")}`]) {
      const r = (await check(untouchable, "propagate-errors", code, "en", noFetch))!;
      expect(r).toMatchObject({ unchanged: true, status: "error", points: 0, max_points: 12 });
      expect(r.message).toBe(strings("en").exercises.unchanged());
      expect(new Set(r.tests.map((t) => t.status))).toEqual(new Set(["skipped"]));
      expect(checkSummary(r, strings("en").playground)).toBe(
        "Unchanged: the starter as it was (ignoring spaces and comments): nothing to grade, score 0. You have not changed anything yet: edit the code, then Check again. No hint was used.",
      );
    }
    const zhResult = (await check(untouchable, "propagate-errors", en, "zh-cn", noFetch))!;
    expect(checkSummary(zhResult, strings("zh-cn").playground)).toBe(
      "未修改：原样交上来的初始代码（不计空白和注释）：没有可批改的内容，得 0 分。你还没有改动任何代码：先修改代码，再检查。没有用掉提示。",
    );
  });
});

describe("points in the browser's Check", () => {
  it("propagate-errors: a partly right edit earns the points of the tests it passes, as the grader counts them", async () => {
    const starter = read("src/exercises/propagate-errors/starter.ts");
    // Every end reported as the transfer's error: right when it broke, wrong when it completed.
    const code = starter.replace("return AVERROR_EOF;", "return AVERROR(opaque.errno);");
    const r = (await check(engine, "propagate-errors", code))!;
    expect(r.unchanged).toBeUndefined();
    expect(r.tests.filter((t) => t.status === "pass").map((t) => t.points)).toEqual([1, 2, 2, 2, 2]);
    expect(r).toMatchObject({ status: "fail", points: 9, max_points: 12 });
    expect(checkSummary(r, strings("en").playground)).toBe(
      "5 of 8 tests pass (9 of 12 points). The first failure is open below.",
    );
    // Still swallowing the error, edited: the tests the starter passes by luck, worth 1 each.
    const swallowed = (await check(engine, "propagate-errors", `${starter}\nexport const attempt = 1;\n`))!;
    expect(swallowed).toMatchObject({ status: "fail", points: 4, max_points: 12 });
    const solution = (await check(
      engine,
      "propagate-errors",
      read("src/exercises/propagate-errors/solution.ts"),
    ))!;
    expect(checkSummary(solution, strings("en").playground)).toBe(
      "All 8 tests pass (12 of 12 points). Exercise complete!",
    );
  });

  it("an exercise whose tests carry no points keeps the count of tests alone", async () => {
    const starter = read("src/exercises/read-packet/starter.ts");
    const r = (await check(engine, "read-packet", `${starter}\nexport const edited = true;\n`))!;
    expect(r.tests.some((t) => t.points !== undefined)).toBe(false);
    expect(r).toMatchObject({ max_points: 12 });
    const passed = r.tests.filter((t) => t.status === "pass").length;
    expect(checkSummary(r, strings("en").playground)).toBe(strings("en").playground.checkFailed(passed, 12));
  });
});
