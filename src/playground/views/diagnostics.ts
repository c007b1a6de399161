// Diagnostics: the rules the learner's callbacks broke, each linked to the
// lesson section that teaches it, then FFmpeg's own log.
import type { LogLine } from "../../avio/session.ts";
import type { RunResult } from "../protocol.ts";
import { h, clearView, region } from "./dom.ts";
import type { ViewStrings } from "../../i18n/index.ts";
import "./diagnostics.css";

export type DiagnosticsData = Pick<RunResult, "diagnostics" | "log">;

/** "read-packet#never-return-0" → "/zh-cn/lessons/read-packet/#never-return-0" (the site's URL shape). */
export function lessonHref(lesson: string, base = ""): string {
  const [slug, anchor] = lesson.split("#", 2);
  return `${base.replace(/\/+$/, "")}/lessons/${slug}/${anchor ? `#${anchor}` : ""}`;
}

// FFmpeg's AV_LOG_* levels; a line's level is the most severe one at or below its number.
const LEVELS: [number, string][] = [
  [0, "panic"],
  [8, "fatal"],
  [16, "error"],
  [24, "warning"],
  [32, "info"],
  [40, "verbose"],
  [48, "debug"],
  [56, "trace"],
];

export function logLevelName(level: number): string {
  let name = LEVELS[0]![1];
  for (const [value, n] of LEVELS) if (level >= value) name = n;
  return name;
}

/** Warnings and worse (AV_LOG_WARNING is 24). */
export const isLogProblem = (line: LogLine) => line.level <= 24;

export function renderDiagnostics(
  container: HTMLElement,
  data: DiagnosticsData,
  t: ViewStrings,
  options: { base?: string } = {},
): void {
  clearView(container);
  const T = t.diagnostics;
  const list =
    data.diagnostics.length === 0
      ? h(
          "p",
          { class: "pg-diag-none" },
          h("span", { class: "pg-icon", "aria-hidden": "true" }, "✓"),
          ` ${T.none}`,
        )
      : h(
          "ul",
          { class: "pg-diags" },
          data.diagnostics.map((d) =>
            h(
              "li",
              { class: `pg-diag pg-diag--${d.severity}` },
              h(
                "p",
                { class: "pg-diag__head" },
                h(
                  "span",
                  { class: `pg-tag pg-tag--${d.severity === "error" ? "error" : "warn"}` },
                  h("span", { "aria-hidden": "true" }, d.severity === "error" ? "✖" : "⚠"),
                  ` ${T.severity[d.severity]}`,
                ),
                " ",
                h("span", { class: "pg-diag__rule" }, `${T.rule}${t.colon}`, h("code", {}, d.code)),
              ),
              h("p", { class: "pg-diag__message" }, t.diagnostic(d)),
              h(
                "p",
                { class: "pg-diag__lesson" },
                h("a", { href: lessonHref(d.lesson, options.base) }, T.lesson, " →"),
              ),
            ),
          ),
        );

  const log =
    data.log.length === 0
      ? h("p", { class: "pg-muted" }, T.logEmpty)
      : h(
          "pre",
          { class: "pg-log", tabindex: 0 },
          data.log.map((line) => {
            const level = logLevelName(line.level);
            return h(
              "span",
              { class: `pg-log__line pg-log--${level}${isLogProblem(line) ? " is-problem" : ""}` },
              h("span", { class: "pg-log__level" }, level.padEnd(7)),
              " ",
              line.text.replace(/\n$/, ""),
              "\n",
            );
          }),
        );

  container.append(
    region(
      "pg-diagnostics-view",
      T.title,
      list,
      h("h4", { class: "pg-view__subtitle" }, T.log(data.log.length)),
      log,
    ),
  );
}
