// What a run ended with when there are no results to show: code that never ran, an input that is
// not audio, a codec this build leaves out, or a run stopped by the time budget or the learner
// (then the stuck call and the calls before it).
import type { TraceEntry } from "../../avio/trace.ts";
import type { RunResult, TimeoutResult } from "../protocol.ts";
import type { PlaygroundStrings } from "../../i18n/index.ts";
import { zeroTotals } from "./check.ts";
import { renderDiagnostics } from "./diagnostics.ts";
import { clearView, h } from "./dom.ts";
import type { ViewStrings } from "../../i18n/index.ts";
import { renderTrace } from "./trace.ts";
import "./outcome.css";

/** A titled message in a result panel; `region` names it as a landmark (the panel it stands for). */
export function outcomeBox(className: string, title: string, lines: string[], region?: string): HTMLElement {
  const attrs = region
    ? { class: `pg-outcome ${className}`, role: "region", "aria-label": region }
    : { class: `pg-outcome ${className}` };
  return h(
    "div",
    attrs,
    h("h4", {}, title),
    lines.filter(Boolean).map((l) => h("p", {}, l)),
  );
}

/**
 * A Run's diagnostics panel. Code that never ran shows only what stopped it (never "No rule
 * broken"); a file FFmpeg cannot read is about the file, not a rule the callbacks broke; a decoder or
 * demuxer this build leaves out is named.
 */
export function renderRunDiagnostics(
  el: HTMLElement,
  r: RunResult,
  o: { base: string; notRun: boolean; notAudioFile?: string },
  t: PlaygroundStrings,
  v: ViewStrings,
): void {
  if (o.notRun) {
    el.replaceChildren(
      outcomeBox("pg-notrun", t.notRunTitle, [r.error?.message ?? "", t.notRun], v.diagnostics.title),
    );
    return;
  }
  if (o.notAudioFile !== undefined) {
    const diagnostics = r.diagnostics.filter((d) => d.code !== "ffmpeg_error");
    renderDiagnostics(el, { ...r, diagnostics }, v, { base: o.base });
    el.querySelector(".pg-view__title")?.after(
      outcomeBox("pg-notaudio", t.notAudioTitle, [
        t.notAudio(o.notAudioFile, r.error?.message ?? ""),
        r.error?.missing ?? "",
      ]),
    );
    if (diagnostics.length === 0) el.querySelector(".pg-diag-none")?.remove();
    return;
  }
  renderDiagnostics(el, r, v, { base: o.base });
  const missing = r.error?.missing ?? r.missing;
  if (missing)
    el.querySelector(".pg-view__title")?.after(outcomeBox("pg-missing", t.missingTitle, [missing]));
}

export interface StoppedRun {
  /** "timeout": the time budget ran out; "stopped": the learner pressed Stop. */
  type: "timeout" | "stopped";
  last: TraceEntry[];
  stuck: TimeoutResult["stuck"];
}

/** The diagnostics and trace panels after a stopped run (either may be absent). */
export function renderStopped(
  panels: { diagnostics: HTMLElement | null; trace: HTMLElement | null },
  o: StoppedRun,
  seconds: string,
  t: PlaygroundStrings,
  v: ViewStrings,
): void {
  const stopped = o.type === "stopped";
  const stuck = o.stuck ? t.stuckIn(o.stuck.callback, o.stuck.call) : "";
  panels.diagnostics?.replaceChildren(
    outcomeBox(
      "pg-timeout",
      stopped ? t.stoppedTitle : t.timeoutTitle,
      [[stuck, stopped ? "" : t.timeout(seconds)].filter(Boolean).join(t.sentenceGap)],
      v.diagnostics.title,
    ),
  );
  const trace = panels.trace;
  if (!trace) return;
  if (o.last.length === 0) {
    // Nothing returned: say so in the same terms as the stuck call, not "no callback was called".
    clearView(trace);
    trace.append(
      h(
        "section",
        { class: "pg-view pg-trace-view", role: "region", "aria-label": v.trace.title },
        h("h3", { class: "pg-view__title" }, `${v.trace.title} — ${t.lastCalls}`),
        h(
          "p",
          { class: "pg-muted" },
          o.stuck ? t.stuckFirst(o.stuck.callback, o.stuck.call) : t.noneReturned,
        ),
      ),
    );
  } else {
    renderTrace(trace, { head: o.last, tail: [], omitted: 0, totals: zeroTotals() }, v);
    trace.querySelector("h2,h3,h4")?.insertAdjacentText("beforeend", ` — ${t.lastCalls}`);
  }
}
