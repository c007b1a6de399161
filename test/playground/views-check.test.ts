// @vitest-environment happy-dom
// The Check panel and the stopped-run panels: built as DOM, so a test title or message that looks
// like HTML (it may quote learner code) stays text.
import { beforeEach, describe, expect, test } from "vitest";
import type { GradeResult } from "../../src/runtime/types.ts";
import { strings } from "../../src/i18n/index.ts";
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
