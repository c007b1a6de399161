// Byte map: the input file as a bar, with the ranges FFmpeg read (coloured
// from first to last read) and its seeks drawn as arcs above.
import type { ByteRange, RunResult, SeekJump } from "../protocol.ts";
import { h, clearView, onWidthChange, region, svg, uid } from "./dom.ts";
import { formatSize } from "./format.ts";
import type { ViewStrings } from "../../i18n/index.ts";
import "./bytemap.css";

export type ByteMapData = RunResult["byteMap"];

export interface Segment {
  /** Left edge and width in px; width is at least 1 so every read shows. */
  x: number;
  width: number;
  /** Re-read bytes go to a lower lane instead of hiding the first read. */
  lane: number;
  start: number;
  end: number;
  seq: number;
  /** 0 for the first read, 1 for the last: picks the colour. */
  order: number;
  /** How many read ranges this segment stands for (more than 1 after merging). */
  ranges: number;
}

const overlaps = (a: ByteRange, b: ByteRange) => a.start < b.end && b.start < a.end;

/**
 * Lays the read ranges out on a bar `width` px wide. Ranges narrower than a pixel that touch the
 * previous segment of their lane are merged into it, so thousands of tiny reads stay cheap to draw.
 */
export function byteMapSegments(
  size: number,
  reads: ByteRange[],
  width: number,
  maxLanes = 3,
): { segments: Segment[]; lanes: number } {
  if (size <= 0 || reads.length === 0 || width <= 0) return { segments: [], lanes: 1 };
  const bySeq = [...reads].sort((a, b) => a.seq - b.seq);
  const lanes: ByteRange[][] = [];
  const laneOf = new Map<ByteRange, number>();
  for (const r of bySeq) {
    let lane = lanes.findIndex((ranges) => !ranges.some((o) => overlaps(o, r)));
    if (lane === -1) lane = lanes.length < maxLanes ? lanes.push([]) - 1 : maxLanes - 1;
    lanes[lane]!.push(r);
    laneOf.set(r, lane);
  }
  const rank = new Map(bySeq.map((r, i) => [r, bySeq.length > 1 ? i / (bySeq.length - 1) : 0]));
  const scale = width / size;
  const segments: Segment[] = [];
  lanes.forEach((ranges, lane) => {
    let prev: Segment | undefined;
    for (const r of [...ranges].sort((a, b) => a.start - b.start)) {
      const x = r.start * scale;
      const w = (r.end - r.start) * scale;
      if (prev && w < 1 && x - (prev.x + prev.width) < 1) {
        prev.width = Math.max(prev.width, x + w - prev.x);
        prev.end = Math.max(prev.end, r.end);
        prev.ranges++;
        continue;
      }
      prev = {
        x,
        width: Math.max(1, w),
        lane,
        start: r.start,
        end: r.end,
        seq: r.seq,
        order: rank.get(r)!,
        ranges: 1,
      };
      segments.push(prev);
    }
  });
  return { segments, lanes: lanes.length };
}

/** Axis ticks in bytes: 0 and multiples of a power of two, at least `minSpacing` px apart. */
export function byteTicks(size: number, width: number, minSpacing = 80): number[] {
  if (size <= 0 || width <= 0) return [0];
  const step = 2 ** Math.ceil(Math.log2(Math.max(1, (size * minSpacing) / width)));
  const ticks: number[] = [];
  for (let b = 0; b <= size; b += step) ticks.push(b);
  return ticks;
}

/** Real seeks (not AVSEEK_SIZE queries) as x positions on a bar `width` px wide. */
export function seekArcs(
  size: number,
  seeks: SeekJump[],
  width: number,
): { x1: number; x2: number; seq: number }[] {
  if (size <= 0) return [];
  return seeks
    .filter((s) => !s.size)
    .map((s) => ({ x1: (s.from / size) * width, x2: (s.to / size) * width, seq: s.seq }));
}

function rangeText(r: ByteRange, afterSeek: boolean, t: ViewStrings): string {
  return t.byteMap.range(
    r.start === 0 ? "0" : formatSize(r.start, t.locale),
    formatSize(r.end, t.locale),
    afterSeek,
  );
}

/** One sentence a screen reader (or anyone) can read instead of the picture. */
export function byteMapSummary(map: ByteMapData, t: ViewStrings, maxRanges = 6): string {
  if (map.size <= 0) return t.byteMap.empty;
  const seeks = map.seeks.filter((s) => !s.size);
  const sizeQueries = map.seeks.length - seeks.length;
  if (map.reads.length === 0) return t.byteMap.nothingRead(seeks.length);
  const reads = [...map.reads].sort((a, b) => a.seq - b.seq);
  const ranges = reads.slice(0, maxRanges).map((r, i) => {
    const after = i === 0 ? 0 : reads[i - 1]!.seq;
    return rangeText(
      r,
      seeks.some((s) => s.seq > after && s.seq < r.seq),
      t,
    );
  });
  return t.byteMap.summary({
    count: reads.length,
    ranges,
    more: reads.length - ranges.length,
    seeks: seeks.length,
    sizeQueries,
  });
}

const ARC_SPACE = 34;
const AXIS_SPACE = 22;
const PAD = 1;

function drawMap(map: ByteMapData, width: number, t: ViewStrings, summaryId: string): SVGSVGElement {
  const inner = width - 2 * PAD;
  const { segments, lanes } = byteMapSegments(map.size, map.reads, inner);
  const laneHeight = lanes === 1 ? 28 : 18;
  const jumps = seekArcs(map.size, map.seeks, inner);
  const barTop = jumps.length > 0 ? ARC_SPACE : 4;
  const barHeight = laneHeight * lanes;
  const height = barTop + barHeight + AXIS_SPACE;
  const arrowId = uid("pg-arrow");

  const arcs = jumps.map(({ x1, x2 }) => {
    const a = PAD + x1;
    const b = PAD + x2;
    const rise = Math.min(ARC_SPACE - 6, 8 + Math.abs(b - a) * 0.25);
    // A seek to where it already is has no length to arc over: a small loop marks it.
    const d =
      Math.abs(b - a) < 2
        ? `M${a} ${barTop} c -6 -14 6 -14 ${b - a} 0`
        : `M${a} ${barTop} Q${(a + b) / 2} ${barTop - 2 * rise} ${b} ${barTop}`;
    return svg("path", { d, class: "pg-bytemap__arc", "marker-end": `url(#${arrowId})` });
  });

  const ticks = byteTicks(map.size, inner).map((b) => {
    const x = PAD + (b / map.size) * inner;
    const anchor = x < 24 ? "start" : x > width - 30 ? "end" : "middle";
    return svg(
      "g",
      { class: "pg-bytemap__tick" },
      svg("line", { x1: x, x2: x, y1: barTop + barHeight, y2: barTop + barHeight + 4 }),
      svg(
        "text",
        { x, y: barTop + barHeight + 16, "text-anchor": anchor },
        b === 0 ? "0" : formatSize(b, t.locale),
      ),
    );
  });

  return svg(
    "svg",
    {
      class: "pg-bytemap__svg",
      role: "img",
      "aria-label": t.byteMap.label(formatSize(map.size, t.locale)),
      "aria-describedby": summaryId,
      width,
      height,
      viewBox: `0 0 ${width} ${height}`,
    },
    svg(
      "defs",
      {},
      svg(
        "marker",
        {
          id: arrowId,
          viewBox: "0 0 8 8",
          refX: 7,
          refY: 4,
          markerWidth: 7,
          markerHeight: 7,
          orient: "auto-start-reverse",
        },
        svg("path", { d: "M0 0 L8 4 L0 8 z", class: "pg-bytemap__arrow" }),
      ),
    ),
    svg("rect", { class: "pg-bytemap__file", x: PAD, y: barTop, width: inner, height: barHeight }),
    segments.map((s) =>
      svg("rect", {
        class: "pg-bytemap__read",
        x: PAD + s.x,
        y: barTop + s.lane * laneHeight,
        width: s.width,
        height: laneHeight,
        style: `fill: color-mix(in oklab, var(--pg-map-late) ${Math.round(s.order * 100)}%, var(--pg-map-early))`,
      }),
    ),
    arcs,
    ticks,
  );
}

export function renderByteMap(container: HTMLElement, map: ByteMapData, t: ViewStrings): void {
  clearView(container);
  const summaryId = uid("pg-bytemap-summary");
  const plot = h("div", { class: "pg-bytemap__plot" });
  const legend = h(
    "p",
    { class: "pg-bytemap__legend", "aria-hidden": "true" },
    h("span", { class: "pg-bytemap__swatch pg-bytemap__swatch--order" }),
    `${t.byteMap.early} → ${t.byteMap.late}`,
    h("span", { class: "pg-bytemap__swatch pg-bytemap__swatch--seek" }),
    t.byteMap.seek,
  );
  const figure = h(
    "figure",
    { class: "pg-bytemap" },
    plot,
    h(
      "figcaption",
      {},
      legend,
      h("p", { id: summaryId, class: "pg-bytemap__summary" }, byteMapSummary(map, t)),
    ),
  );
  container.append(region("pg-bytemap-view", t.byteMap.title, figure));
  if (map.size <= 0) {
    plot.remove();
    legend.remove();
    return;
  }
  const draw = (width: number) => plot.replaceChildren(drawMap(map, width, t, summaryId));
  // happy-dom and detached containers measure 0: draw at a typical width until the real one is known.
  const width = Math.round(plot.clientWidth) || 640;
  draw(width);
  onWidthChange(container, plot, width, draw);
}
