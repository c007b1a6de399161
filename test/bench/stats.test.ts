import { describe, expect, it } from "vitest";
import { ratio, ratioOfMins, round, roundOrder, roundSummary, summarize } from "../../bench/stats.ts";
import {
  axisTicks,
  evaluateTargets,
  formatBytes,
  formatMs,
  formatRatio,
  performancePath,
  type BenchResults,
} from "../../src/site/performance.ts";

describe("bench statistics", () => {
  it("summarize: min, lower median, count; ignores non-finite values", () => {
    expect(summarize([30, 10, 20])).toEqual({ min: 10, median: 20, n: 3 });
    expect(summarize([4, 1, 3, 2])).toEqual({ min: 1, median: 2, n: 4 });
    expect(summarize([5])).toEqual({ min: 5, median: 5, n: 1 });
    expect(summarize([NaN, 7, Infinity])).toEqual({ min: 7, median: 7, n: 1 });
    expect(() => summarize([])).toThrow(/no finite/);
  });

  it("summarize does not reorder its input", () => {
    const xs = [3, 1, 2];
    summarize(xs);
    expect(xs).toEqual([3, 1, 2]);
  });

  it("ratios refuse zero and missing denominators", () => {
    expect(ratio(3, 2)).toBe(1.5);
    expect(() => ratio(1, 0)).toThrow();
    expect(() => ratio(1, NaN)).toThrow();
    expect(() => ratio(NaN, 1)).toThrow();
    expect(ratioOfMins({ min: 90, median: 100, n: 5 }, { min: 60, median: 200, n: 5 })).toBe(1.5);
  });

  it("rounds times and ratios for the results file", () => {
    expect(round(1.23456, 3)).toBe(1.235);
    expect(round(12.34)).toBe(12.3);
    expect(roundSummary({ min: 1.26, median: 2.04, n: 3 })).toEqual({ min: 1.3, median: 2, n: 3 });
  });

  it("roundOrder rotates the tasks each round, each task once", () => {
    const tasks = ["a", "b", "c"];
    expect(roundOrder(tasks, 0)).toEqual(["a", "b", "c"]);
    expect(roundOrder(tasks, 1)).toEqual(["b", "c", "a"]);
    expect(roundOrder(tasks, 5)).toEqual(["c", "a", "b"]);
    expect(roundOrder(tasks, -1)).toEqual(["c", "a", "b"]);
    expect(roundOrder([], 3)).toEqual([]);
    // Over as many rounds as tasks, every task runs first once.
    expect(new Set([0, 1, 2].map((r) => roundOrder(tasks, r)[0])).size).toBe(3);
  });
});

describe("performance page helpers", () => {
  const timing = (min: number) => ({ min, median: min, n: 1 });
  const length = (native: number, engine: number, ffwasm: number) => ({
    seconds: 300,
    file: "x",
    bytes: 1,
    nativeRtimeMs: timing(native),
    nativeWallMs: timing(native + 60),
    nativeNoSimdRtimeMs: timing(native * 1.5),
    engineNodeMs: timing(engine),
    engineChromiumMs: timing(engine * 1.1),
    engineChromiumWorkerMs: timing(engine),
    ffmpegWasmMs: timing(ffwasm),
    ffmpegWasmPhasesMs: { writeFile: 1, exec: ffwasm - 2, readFile: 1 },
    ffmpegWasmExecNullMs: timing(engine),
  });
  const results = (codecs: Record<string, [number, number]>, cold: number, gzip: [number, number]) =>
    ({
      codecs: Object.fromEntries(
        Object.entries(codecs).map(([id, [eon, fwoe]]) => [
          id,
          {
            label: id,
            engineOverNative: eon,
            ffmpegWasmOverEngine: fwoe,
            engineChromiumOverNative: eon,
            engineOverNativeNoSimd: 1,
            short: length(1, 2, 3),
            long: length(100, 100 * eon, 300),
          },
        ]),
      ),
      coldStartRatio: cold,
      engineGzipBytes: gzip[0],
      ffmpegWasmGzipBytes: gzip[1],
    }) as unknown as BenchResults;

  it("a per-codec target is met only when every codec meets it, and names the worst codec", () => {
    const all = evaluateTargets(results({ mp3: [1.9, 2.5], flac: [1.2, 1.8] }, 6, [100, 3000]));
    const [eon, fwoe] = (["engineOverNative", "ffmpegWasmOverEngine"] as const).map(
      (id) => all.find((x) => x.id === id)!,
    );
    expect(eon).toMatchObject({
      id: "engineOverNative",
      value: 1.9,
      worstCodec: "mp3",
      met: false,
      limit: 1.5,
      kind: "max",
    });
    expect(eon.perCodec).toEqual([
      { codec: "mp3", value: 1.9, met: false },
      { codec: "flac", value: 1.2, met: true },
    ]);
    expect(fwoe).toMatchObject({ id: "ffmpegWasmOverEngine", value: 1.8, worstCodec: "flac", met: false });
    // ffmpeg.wasm's cold start and download are figures on the page, not targets.
    expect(all.map((x) => x.id)).not.toContain("coldStart");
    expect(all.map((x) => x.id)).not.toContain("download");
  });

  it("limits are inclusive", () => {
    const t = evaluateTargets(results({ mp3: [1.5, 2] }, 5, [1, 25]));
    expect(t.map((x) => [x.id, x.met])).toEqual([
      ["runOverNative", true],
      ["runOverNode", true],
      ["engineOverNative", true],
      ["ffmpegWasmOverEngine", true],
      ["engineDownload", true],
    ]);
  });

  it("axis ticks are round numbers from 0 to at least the maximum", () => {
    expect(axisTicks(289)).toEqual([0, 100, 200, 300]);
    expect(axisTicks(1000)).toEqual([0, 200, 400, 600, 800, 1000]);
    expect(axisTicks(7)).toEqual([0, 2, 4, 6, 8]);
    expect(axisTicks(0)).toEqual([0]);
    for (const max of [0.3, 13, 999, 1234, 50_000]) {
      const ticks = axisTicks(max);
      expect(ticks[0]).toBe(0);
      expect(ticks.at(-1)!).toBeGreaterThanOrEqual(max);
      expect(ticks.length).toBeLessThanOrEqual(7);
    }
  });

  it("formats numbers in the page language", () => {
    expect(formatMs("en", 1234.4)).toBe("1,234");
    expect(formatMs("en", 45.25)).toBe("45.3");
    expect(formatRatio("en", 1.5)).toBe("1.50×");
    expect(formatBytes("en", 530_000)).toBe("518 KiB");
    expect(formatBytes("en", 10_292_000)).toBe("9.8 MiB");
    expect(formatBytes("zh-CN", 512)).toBe("512 B");
    expect(performancePath("en")).toBe("/performance/");
    expect(performancePath("zh-cn")).toBe("/zh-cn/performance/");
  });
});
