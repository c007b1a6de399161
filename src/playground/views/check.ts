// The Check panel: the exercise's test results, a failing test's message and the calls around
// the failure, and the way on after a pass. Test titles and messages come from the grader and may
// quote learner code: they are set as text, never parsed as HTML.
import type { GradeResult, TestResult } from "../../runtime/types.ts";
import type { PlaygroundStrings } from "../../i18n/index.ts";
import { h } from "./dom.ts";
import type { ViewStrings } from "../../i18n/index.ts";
import { renderTrace } from "./trace.ts";
import "./check.css";

export interface CheckView {
  /** The one-line summary, also shown as the playground's status. */
  summary: string;
  /** After a pass: the next exercise (or the list). */
  next?: { href: string; title?: string };
  /** Every exercise is done (the page's progress says so): the way back to the list says it. */
  allDone?: boolean;
}

/** The status line for a graded result. */
export function checkSummary(
  r: GradeResult & { timedOut?: { test: string | null; seconds: number } },
  t: PlaygroundStrings,
): string {
  const passed = r.tests.filter((x) => x.status === "pass").length;
  if (r.timedOut) {
    const seconds = String(r.timedOut.seconds);
    return r.timedOut.test === null
      ? t.checkTimeoutLoading(seconds)
      : t.checkTimeout(r.timedOut.test, seconds, passed);
  }
  // The grader's verdict on the starter as it was: no test ran, so no count to give.
  if (r.unchanged) return t.checkUnchanged(r.message ?? "");
  const points = pointsOf(r);
  if (r.status === "pass")
    return points ? t.checkPassedPoints(r.tests.length, points.max) : t.checkPassed(r.tests.length);
  if (r.tests.length === 0 || (r.status === "error" && r.message)) return t.checkError(r.message ?? "");
  return points
    ? t.checkFailedPoints(passed, r.tests.length, points.earned, points.max)
    : t.checkFailed(passed, r.tests.length);
}

/**
 * The points the worker's Check computed (report.ts awardPoints, the grader's own function), when
 * the exercise's tests carry points: awardPoints marks each test with its worth only then.
 */
function pointsOf(r: GradeResult): { earned: number; max: number } | null {
  if (typeof r.points !== "number" || typeof r.max_points !== "number") return null;
  return r.tests.some((x) => typeof x.points === "number") ? { earned: r.points, max: r.max_points } : null;
}

export function renderCheck(
  container: HTMLElement,
  r: GradeResult,
  view: CheckView,
  t: PlaygroundStrings,
  v: ViewStrings,
): void {
  const summary = h(
    "p",
    { class: "pg-check-summary", "data-status": r.unchanged ? "unchanged" : r.status },
    view.summary,
  );
  const next =
    r.status === "pass" && view.next
      ? h(
          "p",
          {},
          h(
            "a",
            { class: "pg-next", href: view.next.href },
            view.next.title
              ? t.nextExercise(view.next.title)
              : view.allDone
                ? t.allExercises
                : t.exerciseList,
            " →",
          ),
        )
      : null;
  // Nothing ran on the starter as it was: the summary says so, a list of tests not run would not.
  const tests = r.unchanged ? [] : r.tests;
  let firstFailure = true;
  const items = tests.map((test) => {
    if (test.status === "pass") return h("li", { "data-status": test.status }, testLabel(test, t));
    const details = h(
      "details",
      { open: firstFailure },
      h("summary", {}, testLabel(test, t)),
      h("p", { class: "pg-test-message" }, test.message ?? ""),
      test.trace?.length ? callsAround(test, t, v) : null,
    );
    firstFailure = false;
    return h("li", { "data-status": test.status }, details);
  });
  container.replaceChildren(
    h(
      "section",
      { class: "pg-check-results", "aria-label": t.testsTitle },
      h("h4", {}, t.testsTitle),
      summary,
      next, // right under "Exercise complete!", not after the list
      items.length ? h("ol", {}, items) : null,
      tests.some((x) => x.message?.includes("AVERROR(E"))
        ? h("p", { class: "pg-hint pg-errno-note" }, v.errnoNote)
        : null,
    ),
  );
}

function testLabel(test: TestResult, t: PlaygroundStrings): (Node | string)[] {
  return [
    h("span", { class: "pg-test-mark", "aria-hidden": "true" }, test.status === "pass" ? "✓" : "✗"),
    " ",
    h("span", { class: "sr-only" }, `${t[test.status === "skipped" ? "error" : test.status]}:`),
    " ",
    h("span", { class: "pg-test-name" }, test.title),
    test.hidden ? h("span", { class: "pg-muted" }, t.hidden) : "",
    // Only awardPoints's mark: tests.ts gave this exercise's tests points.
    typeof test.points === "number"
      ? h("span", { class: "pg-muted pg-test-points" }, t.testPoints(test.points))
      : "",
  ];
}

/** The trace of the calls around a failing test, under its own heading. */
function callsAround(test: TestResult, t: PlaygroundStrings, v: ViewStrings): HTMLElement {
  const tr = h("div");
  renderTrace(tr, { head: test.trace!, tail: [], omitted: 0, totals: zeroTotals() }, v);
  tr.querySelector("h2,h3,h4")?.replaceChildren(t.callsAround);
  tr.querySelector(".pg-errno-note")?.remove(); // said once, under the test list
  return tr;
}

/** Trace totals for a list of calls shown on its own (no run behind it). */
export function zeroTotals() {
  const zero = () => ({ calls: 0, bytes: 0, ms: 0, errors: 0 });
  return { read_packet: zero(), write_packet: zero(), seek: zero() };
}
