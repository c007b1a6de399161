/**
 * The /performance/ page's text: every table as plain rows (drawn by BenchTable.astro) and the
 * sentence that explains each missed target, all from bench/results.json and the page's
 * language. Pure: the page has no numbers or wording of its own, and tests cover this.
 */
import type { UiTextKey } from "../i18n/index.ts";
import {
  downloadRatio,
  evaluateTargets,
  formatBytes,
  formatMs,
  formatRatio,
  formatTargetValue,
  unmeasuredTargets,
  type BenchResults,
  type TargetId,
  type TargetResult,
  type Timing,
} from "./performance.ts";

export type Translate = (key: UiTextKey, values?: Record<string, string | number>) => string;

export interface BenchCell {
  text: string;
  /** Right-aligned tabular figures. */
  num?: boolean;
  /** A target's status cell: met (true), missed (false). */
  met?: boolean;
  /** Set in code type (a file name). */
  code?: boolean;
  /** data-* attributes (without the prefix) the tests key on. */
  data?: Record<string, string>;
}
export interface BenchRow {
  head: string;
  cells: BenchCell[];
  data?: Record<string, string>;
}
export interface BenchTableModel {
  /** data-* attributes of the <table> (without the prefix). */
  data: Record<string, string>;
  caption?: string;
  columns: string[];
  rows: BenchRow[];
}

export interface PerformancePage {
  targets: BenchTableModel;
  /** Sentences for the missed targets, with the numbers that explain them. */
  why: { id: TargetId; name: string; text: string }[];
  long: BenchTableModel;
  steps: BenchTableModel;
  short: BenchTableModel;
  cold: BenchTableModel;
  download: BenchTableModel;
  budget: BenchTableModel | null;
  media: BenchTableModel;
}

export function performancePage(r: BenchResults, t: Translate, lang: string): PerformancePage {
  const ms = (n: number) => formatMs(lang, n);
  const msText = (n: number) => t("perf.ms", { value: ms(n) });
  const ratio = (n: number) => formatRatio(lang, n);
  const bytes = (n: number) => formatBytes(lang, n);
  const num = (text: string, data?: Record<string, string>): BenchCell => ({ text, num: true, data });
  const timeCell = (x: Timing) => num(`${ms(x.min)} (${ms(x.median)})`);
  const codecs = Object.entries(r.codecs);
  const first = codecs[0]![1];
  const label = (id: string) => r.codecs[id]?.label ?? id;
  const targetName = (id: TargetId) => t(`perf.target.${id}`);
  const value = (x: TargetResult) => formatTargetValue(lang, x.unit, x.value);
  const targets = evaluateTargets(r);

  const why: Record<TargetId, () => string> = {
    engineOverNative: () =>
      t("perf.why.engineOverNative", {
        ratio: ratio(Math.max(...codecs.map(([, c]) => c.engineOverNativeNoSimd))),
      }),
    runOverNative: () => runWhy("perf.why.runOverNative", worst("runOverNative")),
    runOverNode: () => runWhy("perf.why.runOverNode", worst("runOverNode")),
    ffmpegWasmOverEngine: () => {
      const id = worst("ffmpegWasmOverEngine");
      const l = r.codecs[id]!.long;
      return t("perf.why.ffmpegWasmOverEngine", {
        codec: label(id),
        execNull: msText(l.ffmpegWasmExecNullMs.median),
        node: msText(l.engineNodeMs.median),
        engine: msText(l.engineChromiumMs.median),
        exec: msText(l.ffmpegWasmPhasesMs.exec),
        read: msText(l.ffmpegWasmPhasesMs.readFile),
      });
    },
    firstRunOverLater: () =>
      t("perf.why.firstRunOverLater", {
        first: msText(r.pageBudget?.firstRunMs ?? 0),
        later: msText(r.pageBudget?.laterRunMs.median ?? 0),
      }),
    engineDownload: () => t("perf.why.engineDownload", { size: bytes(r.engineGzipBytes) }),
    pageScript: () =>
      t("perf.why.pageScript", {
        files: r.pageBudget?.scriptBeforeInteraction?.files ?? 0,
        size: formatTargetValue(lang, "kB", r.pageBudget?.scriptBeforeInteraction?.gzip ?? 0),
      }),
    grading: () =>
      t("perf.why.grading", {
        submissions: r.grading?.submissions ?? 0,
        jobs: r.grading?.jobs ?? 0,
        seconds: formatTargetValue(lang, "s", r.grading?.seconds ?? 0),
      }),
  };
  function worst(id: TargetId): string {
    return targets.find((x) => x.id === id)!.worstCodec!;
  }
  function runWhy(key: UiTextKey, id: string): string {
    const l = r.codecs[id]!.long;
    return t(key, {
      codec: label(id),
      run: msText(l.engineChromiumMs.min),
      worker: msText(l.engineChromiumWorkerMs.min),
      node: msText(l.engineNodeMs.min),
      native: msText(l.nativeRtimeMs.min),
    });
  }

  const targetRows: BenchRow[] = targets.map((x) => ({
    head: targetName(x.id),
    data: { target: x.id, met: String(x.met) },
    cells: [
      num(x.worstCodec ? t("perf.worst", { value: value(x), codec: label(x.worstCodec) }) : value(x)),
      num(
        t(x.kind === "max" ? "perf.atMost" : "perf.atLeast", {
          value: formatTargetValue(lang, x.unit, x.limit),
        }),
      ),
      { text: t(x.met ? "perf.met" : "perf.missed"), met: x.met },
    ],
  }));
  for (const id of unmeasuredTargets(r))
    targetRows.push({
      head: targetName(id),
      data: { target: id, met: "unmeasured" },
      cells: [num("—"), num("—"), { text: t("perf.notMeasured") }],
    });

  const cold = r.coldStart;
  const coldRow = (name: UiTextKey, xs: Timing[]): BenchRow => ({
    head: t(name),
    cells: xs.map((x) => num(t("perf.minMedian", { min: ms(x.min), median: ms(x.median) }))),
  });
  const budget = r.pageBudget;
  const budgetRow = (name: UiTextKey, x: { files: number; raw: number; gzip: number }): BenchRow => ({
    head: t(name),
    cells: [num(String(x.files)), num(bytes(x.raw)), num(bytes(x.gzip))],
  });

  return {
    targets: {
      data: { targets: "" },
      columns: [t("perf.target"), t("perf.measured"), t("perf.required"), t("perf.status")],
      rows: targetRows,
    },
    why: targets.filter((x) => !x.met).map((x) => ({ id: x.id, name: targetName(x.id), text: why[x.id]() })),
    long: {
      data: { times: "long" },
      caption: t("perf.timesCaption", { reps: r.method.reps }),
      columns: [
        t("perf.codec"),
        t("perf.nativeRtime"),
        t("perf.nativeNoSimd"),
        t("perf.engineNode"),
        t("perf.engineChromium"),
        t("perf.ffmpegWasm"),
        t("perf.runOverNative"),
        t("perf.runOverNode"),
        t("perf.engineOverNative"),
        t("perf.ffmpegWasmOverEngine"),
      ],
      rows: codecs.map(([id, c]) => ({
        head: c.label,
        data: { codec: id },
        cells: [
          num(ms(c.long.nativeRtimeMs.min)),
          num(ms(c.long.nativeNoSimdRtimeMs.min)),
          timeCell(c.long.engineNodeMs),
          timeCell(c.long.engineChromiumMs),
          timeCell(c.long.ffmpegWasmMs),
          num(ratio(c.engineChromiumOverNative), { ratio: "runOverNative" }),
          num(ratio(c.long.engineChromiumMs.min / c.long.engineNodeMs.min), { ratio: "runOverNode" }),
          num(ratio(c.engineOverNative), { ratio: "engineOverNative" }),
          num(ratio(c.ffmpegWasmOverEngine), { ratio: "ffmpegWasmOverEngine" }),
        ],
      })),
    },
    steps: {
      data: { steps: "" },
      caption: t("perf.stepsCaption"),
      columns: [t("perf.codec"), "writeFile", "exec", "readFile", "exec -f null"],
      rows: codecs.map(([, c]) => ({
        head: c.label,
        cells: [
          num(ms(c.long.ffmpegWasmPhasesMs.writeFile)),
          num(ms(c.long.ffmpegWasmPhasesMs.exec)),
          num(ms(c.long.ffmpegWasmPhasesMs.readFile)),
          num(ms(c.long.ffmpegWasmExecNullMs.median)),
        ],
      })),
    },
    short: {
      data: { times: "short" },
      caption: t("perf.timesCaption", { reps: r.method.reps }),
      columns: [
        t("perf.codec"),
        t("perf.nativeRtime"),
        t("perf.nativeWall"),
        t("perf.engineNode"),
        t("perf.engineChromium"),
        t("perf.ffmpegWasm"),
      ],
      rows: codecs.map(([id, c]) => ({
        head: c.label,
        data: { codec: id },
        cells: [
          num(ms(c.short.nativeRtimeMs.min)),
          num(ms(c.short.nativeWallMs.min)),
          timeCell(c.short.engineNodeMs),
          timeCell(c.short.engineChromiumMs),
          timeCell(c.short.ffmpegWasmMs),
        ],
      })),
    },
    cold: {
      data: { cold: "" },
      caption: t("perf.coldCaption", { ms: ms(cold.scriptMs.median) }),
      columns: [
        t("perf.decoder"),
        t("perf.load"),
        t("perf.ready"),
        t("perf.firstDecode"),
        t("perf.firstResult"),
      ],
      rows: [
        coldRow("perf.engine", [cold.engineLoadMs, cold.engineReadyMs, cold.engineFirstRunMs, cold.engineMs]),
        coldRow("perf.ffmpegWasmName", [
          cold.ffmpegWasmLoadMs,
          cold.ffmpegWasmReadyMs,
          cold.ffmpegWasmFirstRunMs,
          cold.ffmpegWasmMs,
        ]),
        {
          head: `${t("perf.ffmpegWasmName")} ÷ ${t("perf.engine")}`,
          cells: [
            [cold.ffmpegWasmLoadMs, cold.engineLoadMs],
            [cold.ffmpegWasmReadyMs, cold.engineReadyMs],
            [cold.ffmpegWasmFirstRunMs, cold.engineFirstRunMs],
            [cold.ffmpegWasmMs, cold.engineMs],
          ].map(([f, e]) => num(ratio(f!.min / e!.min))),
        },
      ],
    },
    download: {
      data: { download: "" },
      caption: t("perf.downloadCaption"),
      columns: [t("perf.decoder"), t("perf.raw"), t("perf.gzip")],
      rows: [
        { head: t("perf.engine"), cells: [num(bytes(r.engineRawBytes)), num(bytes(r.engineGzipBytes))] },
        {
          head: t("perf.ffmpegWasmName"),
          cells: [num(bytes(r.ffmpegWasmRawBytes)), num(bytes(r.ffmpegWasmGzipBytes))],
        },
        {
          head: `${t("perf.ffmpegWasmName")} ÷ ${t("perf.engine")}`,
          cells: [num(ratio(r.ffmpegWasmRawBytes / r.engineRawBytes)), num(ratio(downloadRatio(r)))],
        },
      ],
    },
    budget: budget
      ? {
          data: { budgetTable: "" },
          caption: t("perf.budgetCaption"),
          columns: [t("perf.stage"), t("perf.files"), t("perf.raw"), t("perf.gzip")],
          rows: [budgetRow("perf.beforeRun", budget.beforeRun), budgetRow("perf.afterRun", budget.afterRun)],
        }
      : null,
    media: {
      data: { media: "" },
      caption: t("perf.mediaCaption"),
      columns: [
        t("perf.codec"),
        t("perf.fileName"),
        t("perf.size", { seconds: first.short.seconds }),
        t("perf.size", { seconds: first.long.seconds }),
      ],
      rows: codecs.map(([, c]) => ({
        head: c.label,
        cells: [{ text: c.long.file, code: true }, num(bytes(c.short.bytes)), num(bytes(c.long.bytes))],
      })),
    },
  };
}
