// @vitest-environment happy-dom
// The Check panel and the stopped-run panels: built as DOM, so a test title or message that looks
// like HTML (it may quote learner code) stays text.
import { beforeEach, describe, expect, test } from "vitest";
import type { GradeResult } from "../../src/runtime/types.ts";
import { strings } from "../../src/i18n/index.ts";
import { awardPoints } from "../../src/exercises/report.ts";
import { checkSummary, renderCheck } from "../../src/playground/views/check.ts";
import { renderStopped } from "../../src/playground/views/outcome.ts";

const t = strings("en").playground;
const v = strings("en").views;
let el: HTMLElement;
beforeEach(() => {
  el = document.body.appendChild(document.createElement("div"));
});

const failed: GradeResult = {
  status: "fail",
  tests: [
    { name: "a", title: "reads <b>all</b>", status: "pass" },
    { name: "b", title: "<img src=x onerror=alert(1)>", status: "fail", message: "returned AVERROR(EINVAL)" },
    { name: "c", title: "third", status: "fail", message: "<script>x</script>", hidden: true },
  ],
};

describe("renderCheck", () => {
  test("titles and messages are text, never markup", () => {
    renderCheck(el, failed, { summary: checkSummary(failed, t) }, t, v);
    expect(el.querySelector("img, script, b")).toBeNull();
    expect(el.textContent).toContain("<img src=x onerror=alert(1)>");
    expect(el.querySelector(".pg-test-message")!.textContent).toBe("returned AVERROR(EINVAL)");
  });

  test("a named region with the summary; only the first failure open; errno note; hidden tests marked", () => {
    renderCheck(el, failed, { summary: checkSummary(failed, t), next: { href: "/x/" } }, t, v);
    const box = el.querySelector<HTMLElement>("section.pg-check-results")!;
    expect(box.getAttribute("aria-label")).toBe(t.testsTitle);
    expect(box.querySelector(".pg-check-summary")!.textContent).toBe(t.checkFailed(1, 3));
    expect([...box.querySelectorAll("details")].map((d) => d.open)).toEqual([true, false]);
    expect(box.querySelector(".pg-errno-note")!.textContent).toBe(v.errnoNote);
    expect(box.querySelectorAll(".pg-muted")).toHaveLength(1);
    expect(box.querySelector(".pg-next"), "no way on after a failure").toBeNull();
  });

  test("after a pass: the next exercise, right under the summary", () => {
    const passed: GradeResult = { status: "pass", tests: [{ name: "a", title: "a", status: "pass" }] };
    renderCheck(el, passed, { summary: checkSummary(passed, t), next: { href: "/n/", title: "Seek" } }, t, v);
    const summary = el.querySelector(".pg-check-summary")!;
    const link = summary.nextElementSibling!.querySelector<HTMLAnchorElement>("a.pg-next")!;
    expect(link.getAttribute("href")).toBe("/n/");
    expect(link.textContent).toBe(`${t.nextExercise("Seek")} →`);
  });
});

describe("checkSummary: points and the unchanged starter", () => {
  // A test exercise: one test worth 3, two worth the default 1 (report.ts awardPoints marks them).
  const tests = [{ name: "a", points: 3 }, { name: "b", points: 1 }, { name: "c" }];
  const zh = strings("zh-cn").playground;
  const result = (status: GradeResult["status"], passed: string[]): GradeResult =>
    awardPoints(
      {
        status,
        tests: tests.map((x) => ({
          name: x.name,
          title: x.name,
          status: passed.includes(x.name) ? "pass" : "fail",
          ...(passed.includes(x.name) ? {} : { message: "no" }),
        })),
      },
      tests,
    );

  test("tests with points: the points beside the count of tests, in en and zh-cn", () => {
    const partly = result("fail", ["a"]);
    expect(checkSummary(partly, t)).toBe(
      "1 of 3 tests pass (3 of 5 points). The first failure is open below.",
    );
    expect(checkSummary(partly, zh)).toBe(
      "3 项测试中通过了 1 项（得 3 分，满分 5 分）。下面展开了第一个失败。",
    );
    const all = result("pass", ["a", "b", "c"]);
    expect(checkSummary(all, t)).toBe("All 3 tests pass (5 of 5 points). Exercise complete!");
    expect(checkSummary(all, zh)).toBe("全部 3 项测试通过（得 5 分，满分 5 分），练习完成！");
    // Each test says what it is worth.
    renderCheck(el, partly, { summary: checkSummary(partly, t) }, t, v);
    expect([...el.querySelectorAll(".pg-test-points")].map((x) => x.textContent)).toEqual([
      " · 3 points",
      " · 1 point",
      " · 1 point",
    ]);
    const one = awardPoints(
      { status: "fail", tests: [{ name: "a", title: "a", status: "fail", message: "no" }] },
      [{ name: "a", points: 1 }],
    );
    expect(checkSummary(one, t)).toBe("0 of 1 tests pass (0 of 1 point). The first failure is open below.");
  });

  test("tests without points: today's text, even though awardPoints counted one per test", () => {
    const plain = awardPoints(failed, failed.tests);
    expect(plain.max_points).toBe(3);
    expect(checkSummary(plain, t)).toBe(t.checkFailed(1, 3));
    renderCheck(el, plain, { summary: checkSummary(plain, t) }, t, v);
    expect(el.querySelector(".pg-test-points")).toBeNull();
    expect(checkSummary(failed, t)).toBe(t.checkFailed(1, 3));
  });

  test("the starter as it was: the grader's sentence, no list of tests that did not run", () => {
    const reason = strings("en").exercises.unchanged();
    const r: GradeResult = {
      status: "error",
      unchanged: true,
      message: reason,
      tests: [{ name: "a", title: "a", status: "skipped", message: reason }],
      points: 0,
      max_points: 1,
    };
    const summary = checkSummary(r, t);
    expect(summary).toBe(t.checkUnchanged(reason));
    expect(summary).toContain("nothing to grade, score 0");
    renderCheck(el, r, { summary, next: { href: "/n/" } }, t, v);
    const p = el.querySelector(".pg-check-summary")!;
    expect(p.getAttribute("data-status")).toBe("unchanged");
    expect(p.textContent).toBe(summary);
    expect(el.querySelector("ol, details, .pg-next")).toBeNull();
  });
});

describe("renderStopped", () => {
  test("a time-out names the stuck call; nothing returned says so in the trace", () => {
    const diagnostics = el.appendChild(document.createElement("div"));
    const trace = el.appendChild(document.createElement("div"));
    renderStopped(
      { diagnostics, trace },
      { type: "timeout", last: [], stuck: { callback: "read_packet", call: 3 } },
      "5",
      t,
      v,
    );
    expect(diagnostics.querySelector("[role=region]")!.getAttribute("aria-label")).toBe(v.diagnostics.title);
    expect(diagnostics.textContent).toContain(t.timeoutTitle);
    expect(diagnostics.textContent).toContain(t.stuckIn("read_packet", 3));
    expect(trace.textContent).toContain(t.stuckFirst("read_packet", 3));
  });
});
