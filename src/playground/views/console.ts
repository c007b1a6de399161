// Console: what the learner's code printed with console.*, in order, each line tagged with the
// callback call that printed it ("read_packet #3"), and how many lines the capture left out.
// Printed text is learner text: set as text, never parsed as HTML.
import type { ConsoleOutput } from "../../runtime/types.ts";
import type { ViewStrings } from "../../i18n/index.ts";
import { clearView, h, region } from "./dom.ts";
import { formatInt } from "./format.ts";
// The box is the FFmpeg log's (.pg-log), so both read alike.
import "./diagnostics.css";
import "./console.css";

export function renderConsole(
  container: HTMLElement,
  printed: ConsoleOutput | undefined,
  t: ViewStrings,
): void {
  clearView(container);
  const T = t.console;
  const lines = printed?.lines ?? [];
  const more = printed?.more ?? 0;
  const body =
    lines.length === 0
      ? more === 0
        ? h("p", { class: "pg-muted pg-console-none" }, T.none)
        : null
      : h(
          "pre",
          { class: "pg-log pg-console", tabindex: 0, role: "group", "aria-label": T.label },
          // The line break sits between the lines' spans, so each span's text is exactly its line.
          lines.flatMap((line) => [
            h(
              "span",
              { class: `pg-console__line${/^(warn|error): /.test(line.text) ? " is-problem" : ""}` },
              line.at
                ? h(
                    "span",
                    { class: "pg-console__at" },
                    T.at(line.at.callback, formatInt(line.at.call, t.locale)),
                  )
                : null,
              line.at ? " " : null,
              line.text,
            ),
            "\n",
          ]),
        );
  // Outside the scrolling box: the cap shows without scrolling to the end of 200 lines.
  const cap =
    more > 0 ? h("p", { class: "pg-muted pg-console__more" }, T.more(formatInt(more, t.locale), more)) : null;
  container.append(region("pg-console-view", T.title, body, cap));
}
