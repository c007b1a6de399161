// Stream info: what FFmpeg found in the input, and how much of it the learner's
// read_packet handed over.
import type { RunResult } from "../protocol.ts";
import { h, clearView, region } from "./dom.ts";
import { formatInt, formatMs, formatPercent, formatPointer, formatSeconds } from "./format.ts";
import type { ViewStrings } from "../../i18n/index.ts";
import "./info.css";

export type InfoData = Pick<RunResult, "info" | "buffer" | "byteMap" | "trace" | "ms">;

export interface InfoRow {
  term: string;
  value: string;
  /** FFmpeg identifiers (format and codec names, pointers) are shown as code. */
  code?: boolean;
  /** Words after the value, in parentheses. */
  detail?: string;
  /** A sentence explaining something unusual about the value. */
  note?: string;
}

export function infoRows(data: InfoData, t: ViewStrings): InfoRow[] {
  const { info, buffer } = data;
  const L = t.locale;
  const rows: InfoRow[] = [];
  if (info) {
    rows.push(
      { term: t.info.container, value: info.format, code: true },
      { term: t.info.codec, value: info.codec, code: true },
      { term: t.info.sampleRate, value: t.info.hz(formatInt(info.sampleRate, L)) },
      {
        term: t.info.channels,
        value: t.info.channelCount(info.channels, formatInt(info.channels, L), info.channelLayout ?? ""),
      },
      {
        term: t.info.duration,
        value: info.duration < 0 ? t.unknown : t.seconds(formatSeconds(info.duration, L)),
      },
    );
  }
  // Without info (FFmpeg failed early) the trace totals still say what was read.
  const totals = data.trace.totals;
  const read = info?.bytesRead ?? totals.read_packet?.bytes ?? 0;
  const size = info?.fileSize ?? data.byteMap.size;
  const decoding = !!info || !!totals.read_packet?.calls;
  if (decoding) {
    rows.push({
      term: t.info.bytesRead,
      value: t.info.bytesOf(
        formatInt(read, L),
        formatInt(size, L),
        size > 0 ? formatPercent(read / size, L) : "–",
      ),
      note: read > size ? t.info.reread : undefined,
    });
  }
  if (totals.write_packet?.calls) {
    rows.push({ term: t.info.bytesWritten, value: t.info.bytes(formatInt(totals.write_packet.bytes, L)) });
  }
  if (info) {
    const seconds = info.sampleRate > 0 ? info.decodedSamples / info.sampleRate : 0;
    rows.push({
      term: t.info.decodedSamples,
      value: t.info.samplesPerChannel(formatInt(info.decodedSamples, L), formatSeconds(seconds, L)),
    });
  }
  if (decoding && buffer && buffer.original !== 0) {
    const replaced = buffer.afterOpen !== 0 && buffer.afterOpen !== buffer.original;
    rows.push({
      term: t.info.buffer,
      value: replaced
        ? `${formatPointer(buffer.original)} → ${formatPointer(buffer.afterOpen)}`
        : formatPointer(buffer.original),
      code: true,
      detail: replaced ? undefined : t.info.bufferKept,
      note: replaced ? t.info.bufferReplaced : undefined,
    });
  }
  rows.push({ term: t.info.runTime, value: t.milliseconds(formatMs(data.ms, L)) });
  return rows;
}

export function renderInfo(container: HTMLElement, data: InfoData, t: ViewStrings): void {
  clearView(container);
  const list = h(
    "dl",
    { class: "pg-info" },
    infoRows(data, t).map((row) =>
      h(
        "div",
        { class: "pg-info__row" },
        h("dt", {}, row.term),
        h(
          "dd",
          {},
          row.code ? h("code", {}, row.value) : row.value,
          row.detail && h("span", { class: "pg-info__detail" }, row.detail),
          row.note &&
            h(
              "p",
              { class: "pg-hint" },
              h("span", { class: "pg-icon", "aria-hidden": "true" }, "ⓘ"),
              " ",
              row.note,
            ),
        ),
      ),
    ),
  );
  container.append(
    region(
      "pg-info-view",
      t.info.title,
      !data.info && !!data.trace.totals.read_packet?.calls && h("p", { class: "pg-muted" }, t.info.noStream),
      list,
    ),
  );
}
