// Waveform: the decoded audio's min/max peaks on a canvas sized for the
// screen's pixel density, redrawn on resize and theme change.
import type { RunResult, Waveform } from "../protocol.ts";
import { h, clearView, cssVar, onThemeChange, onWidthChange } from "./dom.ts";
import { formatInt, formatSeconds } from "./format.ts";
import type { ViewStrings } from "../../i18n/index.ts";

export type WaveformData = Pick<RunResult, "waveform" | "info">;

export interface WaveColumn {
  /** y of the peak maximum and minimum, in px from the top (top ≤ bottom). */
  top: number;
  bottom: number;
}

/**
 * One column per pixel: the extremes of the peaks (min,max pairs in [-1, 1]) that fall into it.
 * Every column is at least 1 px tall so silence still draws a line.
 */
export function waveformColumns(
  peaks: Float32Array,
  points: number,
  width: number,
  height: number,
): WaveColumn[] {
  const n = Math.min(points, Math.floor(peaks.length / 2));
  if (n === 0 || width <= 0) return [];
  const mid = height / 2;
  const columns: WaveColumn[] = [];
  for (let x = 0; x < width; x++) {
    const p0 = Math.min(n - 1, Math.floor((x * n) / width));
    const p1 = Math.max(p0 + 1, Math.floor(((x + 1) * n) / width));
    let min = Infinity;
    let max = -Infinity;
    for (let p = p0; p < p1 && p < n; p++) {
      min = Math.min(min, peaks[2 * p]!);
      max = Math.max(max, peaks[2 * p + 1]!);
    }
    const top = mid - Math.max(-1, Math.min(1, max)) * mid;
    const bottom = mid - Math.max(-1, Math.min(1, min)) * mid;
    columns.push(
      bottom - top < 1
        ? { top: (top + bottom) / 2 - 0.5, bottom: (top + bottom) / 2 + 0.5 }
        : { top, bottom },
    );
  }
  return columns;
}

/** Seconds of audio the waveform spans, or 0 when unknown. */
export function waveformSeconds(data: WaveformData): number {
  const rate = data.info?.sampleRate ?? 0;
  return data.waveform && rate > 0 ? data.waveform.totalSamples / rate : 0;
}

export function waveformLabel(data: WaveformData, t: ViewStrings): string {
  return t.waveform.label(
    formatSeconds(waveformSeconds(data), t.locale),
    formatInt(data.info?.sampleRate ?? 0, t.locale),
    data.info?.channels ?? 0,
  );
}

const isDark = () => document.documentElement.dataset.theme === "dark";

function draw(canvas: HTMLCanvasElement, waveform: Waveform, cssWidth: number): void {
  const dpr = globalThis.devicePixelRatio || 1;
  const cssHeight = canvas.clientHeight || 96;
  canvas.width = Math.round(cssWidth * dpr);
  canvas.height = Math.round(cssHeight * dpr);
  const ctx = canvas.getContext("2d");
  if (!ctx) return;
  const wave = cssVar(canvas, "--pg-wave", isDark() ? "#79b8ff" : "#0a58b0");
  const axis = cssVar(canvas, "--pg-grid", isDark() ? "#2d3540" : "#d5dbe1");
  ctx.clearRect(0, 0, canvas.width, canvas.height);
  // Device pixels throughout: one column per physical pixel keeps the peaks crisp.
  ctx.fillStyle = axis;
  ctx.fillRect(0, Math.floor(canvas.height / 2), canvas.width, Math.max(1, Math.round(dpr)));
  ctx.fillStyle = wave;
  waveformColumns(waveform.peaks, waveform.points, canvas.width, canvas.height).forEach((c, x) =>
    ctx.fillRect(x, c.top, 1, c.bottom - c.top),
  );
}

export function renderWaveform(container: HTMLElement, data: WaveformData, t: ViewStrings): void {
  clearView(container);
  const { waveform } = data;
  if (!waveform || waveform.points === 0) {
    container.append(h("p", { class: "pg-muted" }, t.waveform.none));
    return;
  }
  const canvas = h("canvas", { class: "pg-waveform", role: "img", "aria-label": waveformLabel(data, t) });
  container.append(canvas);
  const width = Math.round(container.clientWidth) || 640;
  draw(canvas, waveform, width);
  onWidthChange(container, container, width, (w) => draw(canvas, waveform, w));
  onThemeChange(container, () => draw(canvas, waveform, Math.round(container.clientWidth) || width));
}
