// The committed bench/results.json (written by `npm run bench`, read by /performance at build
// time) has the shape issue #8 asks for: every codec, positive numbers, the ratios consistent
// with the times they come from. No timing is asserted here.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { CODECS } from "../../bench/media.ts";
import { SERIES, type BenchResults } from "../../src/site/performance.ts";

const r = JSON.parse(
  readFileSync(new URL("../../bench/results.json", import.meta.url), "utf8"),
) as BenchResults;
const positive = (x: unknown, what: string) => {
  expect(typeof x, what).toBe("number");
  expect(Number.isFinite(x as number) && (x as number) > 0, `${what} = ${x}`).toBe(true);
};
const timing = (t: { min: number; median: number; n: number }, what: string) => {
  positive(t.min, `${what}.min`);
  positive(t.median, `${what}.median`);
  expect(t.median, what).toBeGreaterThanOrEqual(t.min);
  expect(t.n, `${what}.n`).toBeGreaterThanOrEqual(1);
};

describe("bench/results.json", () => {
  it("names the machine and the versions measured", () => {
    expect(r.machine.cpu).toBeTruthy();
    positive(r.machine.cores, "machine.cores");
    expect(r.versions.engine.ffmpeg).toMatch(/^\d+\.\d+/);
    expect(r.versions.engine.wasmSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(r.versions.native).toMatch(/ffmpeg/);
    expect(r.versions.ffmpegWasm.core).toMatch(/^0\.12\./);
    expect(r.versions.ffmpegWasm.ffmpeg).toMatch(/^0\.12\./);
    expect(r.versions.chromium).toMatch(/Chromium/);
    expect(Number.isNaN(Date.parse(r.date))).toBe(false);
    positive(r.method.reps, "method.reps");
    positive(r.method.coldReps, "method.coldReps");
    expect(r.method.longSeconds).toBeGreaterThan(r.method.shortSeconds);
  });

  it("has every codec of the bench, each with both ratios of the long file", () => {
    expect(Object.keys(r.codecs).sort()).toEqual(CODECS.map((c) => c.id).sort());
    for (const [id, c] of Object.entries(r.codecs)) {
      positive(c.engineOverNative, `${id}.engineOverNative`);
      positive(c.ffmpegWasmOverEngine, `${id}.ffmpegWasmOverEngine`);
      positive(c.engineChromiumOverNative, `${id}.engineChromiumOverNative`);
      positive(c.engineOverNativeNoSimd, `${id}.engineOverNativeNoSimd`);
      for (const len of ["short", "long"] as const) {
        const l = c[len];
        expect(l.seconds).toBe(len === "long" ? r.method.longSeconds : r.method.shortSeconds);
        positive(l.bytes, `${id}.${len}.bytes`);
        for (const k of [
          ...SERIES,
          "nativeWallMs",
          "nativeNoSimdRtimeMs",
          "engineChromiumWorkerMs",
          "ffmpegWasmExecNullMs",
        ] as const)
          timing(l[k], `${id}.${len}.${k}`);
      }
      // The ratios are the ratios of the min times they claim to be.
      expect(c.engineOverNative).toBeCloseTo(c.long.engineNodeMs.min / c.long.nativeRtimeMs.min, 1);
      expect(c.ffmpegWasmOverEngine).toBeCloseTo(c.long.ffmpegWasmMs.min / c.long.engineChromiumMs.min, 1);
    }
  });

  it("has the cold starts, the download sizes and the page budget", () => {
    positive(r.coldStartRatio, "coldStartRatio");
    for (const k of [
      "engineMs",
      "ffmpegWasmMs",
      "engineReadyMs",
      "ffmpegWasmReadyMs",
      "engineLoadMs",
      "ffmpegWasmLoadMs",
      "engineFirstRunMs",
      "ffmpegWasmFirstRunMs",
      "scriptMs",
    ] as const)
      timing(r.coldStart[k], `coldStart.${k}`);
    expect(r.coldStartRatio).toBeCloseTo(r.coldStart.ffmpegWasmMs.min / r.coldStart.engineMs.min, 1);
    for (const k of [
      "engineGzipBytes",
      "engineRawBytes",
      "ffmpegWasmGzipBytes",
      "ffmpegWasmRawBytes",
    ] as const)
      positive(r[k], k);
    expect(r.engineGzipBytes).toBeLessThan(r.engineRawBytes);
    expect(r.ffmpegWasmGzipBytes).toBeLessThan(r.ffmpegWasmRawBytes);
    const b = r.pageBudget!;
    expect(b, "pageBudget").toBeDefined();
    positive(b.beforeRun.gzip, "pageBudget.beforeRun.gzip");
    expect(b.afterRun.raw).toBeGreaterThan(b.beforeRun.raw);
    positive(b.firstRunMs, "pageBudget.firstRunMs");
    timing(b.laterRunMs, "pageBudget.laterRunMs");
  });
});
