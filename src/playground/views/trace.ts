// Callback trace: every call FFmpeg made into the learner's callbacks, with
// long runs of alike calls folded into one expandable row.
import { AVERROR_EOF } from "../../avio/constants.ts";
import type { CallbackName } from "../../avio/diagnostics.ts";
import type { CallbackTotals, Trace, TraceEntry } from "../../avio/trace.ts";
import { describeArgs, returnName } from "../../avio/trace-text.ts";
import { h, clearView, onClear, region, scrollBox, uid } from "./dom.ts";
import { formatInt, formatMs } from "./format.ts";
import type { ViewStrings } from "../../i18n/index.ts";
import "./trace.css";

/** ok, or why the row deserves a second look. */
export type ReturnKind = "ok" | "eof" | "zero" | "error" | "changed";

export function returnKind(e: TraceEntry): ReturnKind {
  if (e.ret !== e.returnedToFFmpeg) return "changed";
  if (e.returnedToFFmpeg === AVERROR_EOF) return "eof";
  if (e.returnedToFFmpeg < 0) return "error";
  if (e.callback === "read_packet" && e.returnedToFFmpeg === 0) return "zero";
  return "ok";
}

/**
 * Calls with the same key in a row are alike: same callback and arguments, and either all moved
 * data (positive, untouched by the safety net) or all returned exactly the same thing.
 */
export function runKey(e: TraceEntry): string {
  return `${e.callback}|${describeArgs(e)}|${positive(e) ? "+" : `${e.ret}|${e.returnedToFFmpeg}`}`;
}

const positive = (e: TraceEntry) => typeof e.ret === "number" && e.ret > 0 && e.ret === e.returnedToFFmpeg;

export type TraceRow =
  | { kind: "call"; entry: TraceEntry }
  | { kind: "run"; entries: TraceEntry[] }
  | { kind: "omitted"; count: number };

function collapse(entries: TraceEntry[], minRun: number): TraceRow[] {
  const rows: TraceRow[] = [];
  for (let i = 0; i < entries.length; ) {
    const key = runKey(entries[i]!);
    let j = i + 1;
    while (j < entries.length && runKey(entries[j]!) === key) j++;
    if (j - i >= minRun) rows.push({ kind: "run", entries: entries.slice(i, j) });
    else for (let k = i; k < j; k++) rows.push({ kind: "call", entry: entries[k]! });
    i = j;
  }
  return rows;
}

/** Phones: the #, Arguments and ms columns give way (trace.css uses the same query). */
export const PHONE_QUERY = "(max-width: 40rem)";

/** Cells spanning several columns span fewer when the minor columns are hidden. */
function fitSpans(container: HTMLElement, table: HTMLElement): void {
  if (typeof matchMedia !== "function") return;
  const query = matchMedia(PHONE_QUERY);
  const apply = () => {
    for (const td of table.querySelectorAll<HTMLTableCellElement>("td[data-span]"))
      td.colSpan = Number(query.matches ? td.dataset.spanPhone : td.dataset.span);
  };
  apply();
  query.addEventListener("change", apply);
  onClear(container, () => query.removeEventListener("change", apply));
}

/** Whether any return in the trace is an errno value, AVERROR(E…), whose number is platform-specific. */
export function hasErrnoReturn(trace: Pick<Trace, "head" | "tail">): boolean {
  return [...trace.head, ...trace.tail].some((e) =>
    [e.ret, e.returnedToFFmpeg].some((r) => returnName(r).startsWith("AVERROR(E")),
  );
}

/** Table rows for a trace: runs of at least `minRun` alike calls fold; head and tail fold separately. */
export function traceRows(trace: Pick<Trace, "head" | "tail" | "omitted">, minRun = 4): TraceRow[] {
  return [
    ...collapse(trace.head, minRun),
    ...(trace.omitted > 0 ? [{ kind: "omitted", count: trace.omitted } as const] : []),
    ...collapse(trace.tail, minRun),
  ];
}

/** The folded row's label: bytes moved for reads and writes, else the common return value. */
export function runLabel(entries: TraceEntry[], t: ViewStrings): string {
  const first = entries[0]!;
  const last = entries[entries.length - 1]!;
  const count = formatInt(entries.length, t.locale);
  if (positive(first) && first.callback !== "seek") {
    const bytes = entries.reduce((sum, e) => sum + e.bytes, 0);
    return t.trace.runBytes(first.callback, count, formatInt(bytes, t.locale));
  }
  const ret =
    first.ret === last.ret ? retText(first.ret, t) : `${retText(first.ret, t)} … ${retText(last.ret, t)}`;
  return t.trace.runSame(first.callback, count, ret);
}

const CALLBACKS: CallbackName[] = ["read_packet", "write_packet", "seek"];

/** Totals of the callbacks that were called, in a fixed order. */
export function totalsRows(
  totals: Partial<Record<CallbackName, CallbackTotals>>,
): [CallbackName, CallbackTotals][] {
  return CALLBACKS.flatMap((name) => {
    const total = totals[name];
    return total && total.calls > 0 ? [[name, total] as [CallbackName, CallbackTotals]] : [];
  });
}

function retText(ret: number | string, t: ViewStrings): string {
  return ret === "threw" ? t.trace.threw : returnName(ret);
}

function tag(kind: "error" | "warn", icon: string, text: string): HTMLElement {
  return h(
    "span",
    { class: `pg-tag pg-tag--${kind}` },
    h("span", { "aria-hidden": "true" }, icon),
    ` ${text}`,
  );
}

/** What makes a return worth a second look, in words (the row colour only repeats it). */
function tags(e: TraceEntry, t: ViewStrings): HTMLElement[] {
  switch (returnKind(e)) {
    case "changed":
      return [tag("warn", "⚠", t.trace.changed(returnName(e.returnedToFFmpeg)))];
    case "error":
      return [tag("error", "✖", t.trace.error)];
    case "zero":
      return [tag("warn", "⚠", t.trace.zero)];
    default:
      return [];
  }
}

function rowClass(e: TraceEntry): string | undefined {
  const kind = returnKind(e);
  // An error the safety net produced is still an error.
  if (
    kind === "error" ||
    (kind === "changed" && e.returnedToFFmpeg < 0 && e.returnedToFFmpeg !== AVERROR_EOF)
  )
    return "is-error";
  return kind === "eof" ? "is-eof" : kind === "ok" ? undefined : "is-warn";
}

function positions(before: number, after: number, locale: string): string {
  return `${formatInt(before, locale)} → ${formatInt(after, locale)}`;
}

function callRow(e: TraceEntry, t: ViewStrings): HTMLTableRowElement {
  return h(
    "tr",
    { class: rowClass(e) },
    h("td", { class: "pg-num pg-trace__seq" }, String(e.seq)),
    h(
      "td",
      {},
      h("code", {}, e.callback),
      " ",
      h(
        "span",
        { class: "pg-trace__call" },
        h("span", { "aria-hidden": "true" }, `#${e.call}`),
        h("span", { class: "pg-sr" }, t.trace.call(e.call)),
      ),
      // Phones: the Arguments column collapses and the arguments show here instead.
      h("code", { class: "pg-trace__args-inline" }, describeArgs(e)),
    ),
    h("td", { class: "pg-trace__argcol" }, h("code", {}, describeArgs(e))),
    h(
      "td",
      { class: "pg-trace__ret" },
      e.ret === "threw" ? t.trace.threw : h("code", {}, returnName(e.ret)),
      tags(e, t),
    ),
    h("td", { class: "pg-num pg-trace__pos" }, positions(e.posBefore, e.posAfter, t.locale)),
    h("td", { class: "pg-num pg-trace__ms" }, formatMs(e.ms, t.locale)),
  );
}

function runBody(entries: TraceEntry[], t: ViewStrings): HTMLTableSectionElement[] {
  const first = entries[0]!;
  const last = entries[entries.length - 1]!;
  const membersId = uid("pg-run");
  // Rows are built on first expand: a zero-return loop can fold hundreds of calls.
  const members = h("tbody", { id: membersId, class: "pg-trace__members", hidden: true });
  const button = h(
    "button",
    { type: "button", class: "pg-trace__toggle", "aria-expanded": "false", "aria-controls": membersId },
    h("span", { class: "pg-trace__chevron", "aria-hidden": "true" }, "▸"),
    runLabel(entries, t),
  );
  button.addEventListener("click", () => {
    const open = button.getAttribute("aria-expanded") !== "true";
    button.setAttribute("aria-expanded", String(open));
    if (open && !members.hasChildNodes()) members.append(...entries.map((e) => callRow(e, t)));
    members.hidden = !open;
  });
  const ms = entries.reduce((sum, e) => sum + e.ms, 0);
  const summary = h(
    "tbody",
    { class: "pg-trace__run" },
    h(
      "tr",
      { class: rowClass(first) },
      h("td", { class: "pg-num pg-trace__seq" }, `${first.seq}–${last.seq}`),
      h(
        "td",
        { colspan: 3, "data-span": "3", "data-span-phone": "2" },
        button,
        " ",
        h("code", { class: "pg-trace__args" }, describeArgs(first)),
        tags(first, t),
      ),
      h("td", { class: "pg-num pg-trace__pos" }, positions(first.posBefore, last.posAfter, t.locale)),
      h("td", { class: "pg-num pg-trace__ms" }, formatMs(ms, t.locale)),
    ),
  );
  return [summary, members];
}

function omittedBody(count: number, t: ViewStrings): HTMLTableSectionElement {
  return h(
    "tbody",
    { class: "pg-trace__omitted" },
    h(
      "tr",
      {},
      h(
        "td",
        { colspan: 6, "data-span": "6", "data-span-phone": "3" },
        t.trace.omitted(formatInt(count, t.locale)),
      ),
    ),
  );
}

export function renderTrace(container: HTMLElement, trace: Trace, t: ViewStrings): void {
  clearView(container);
  const rows = traceRows(trace);
  if (rows.length === 0) {
    container.append(region("pg-trace-view", t.trace.title, h("p", { class: "pg-muted" }, t.trace.empty)));
    return;
  }
  const c = t.trace.columns;
  const bodies: HTMLTableSectionElement[] = [];
  let calls: HTMLTableSectionElement | null = null;
  for (const row of rows) {
    if (row.kind === "call") {
      if (!calls) bodies.push((calls = h("tbody")));
      calls.append(callRow(row.entry, t));
    } else {
      calls = null;
      bodies.push(...(row.kind === "run" ? runBody(row.entries, t) : [omittedBody(row.count, t)]));
    }
  }
  const table = h(
    "table",
    { class: "pg-table pg-trace" },
    h(
      "thead",
      {},
      h(
        "tr",
        {},
        h("th", { scope: "col", class: "pg-num pg-trace__seq" }, c.seq),
        h("th", { scope: "col" }, c.callback),
        h("th", { scope: "col", class: "pg-trace__argcol" }, c.args),
        h("th", { scope: "col", class: "pg-trace__ret" }, c.ret),
        h("th", { scope: "col", class: "pg-num pg-trace__pos" }, c.pos),
        h("th", { scope: "col", class: "pg-num pg-trace__ms" }, c.ms),
      ),
    ),
    bodies,
  );

  fitSpans(container, table);
  const tc = t.trace.totalsColumns;
  const totals = h(
    "table",
    { class: "pg-table pg-totals" },
    h("caption", {}, t.trace.totals),
    h(
      "thead",
      {},
      h(
        "tr",
        {},
        h("th", { scope: "col" }, tc.callback),
        h("th", { scope: "col", class: "pg-num" }, tc.calls),
        h("th", { scope: "col", class: "pg-num" }, tc.bytes),
        h("th", { scope: "col", class: "pg-num" }, tc.errors),
        h("th", { scope: "col", class: "pg-num" }, tc.ms),
      ),
    ),
    h(
      "tbody",
      {},
      totalsRows(trace.totals).map(([name, total]) =>
        h(
          "tr",
          {},
          h("th", { scope: "row" }, h("code", {}, name)),
          h("td", { class: "pg-num" }, formatInt(total.calls, t.locale)),
          h("td", { class: "pg-num" }, formatInt(total.bytes, t.locale)),
          h("td", { class: "pg-num" }, formatInt(total.errors, t.locale)),
          h("td", { class: "pg-num" }, formatMs(total.ms, t.locale)),
        ),
      ),
    ),
  );

  container.append(
    region(
      "pg-trace-view",
      t.trace.title,
      scrollBox(t.trace.tableLabel, table),
      hasErrnoReturn(trace) && h("p", { class: "pg-hint pg-errno-note" }, t.errnoNote),
      // Excerpts (a failed test's calls, the calls before a timeout) have no totals to show.
      ...(totalsRows(trace.totals).length > 0
        ? [totals, h("p", { class: "pg-hint" }, t.trace.totalsNote)]
        : []),
    ),
  );
}
