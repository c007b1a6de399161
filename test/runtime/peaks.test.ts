import { describe, expect, it } from "vitest";
import { PeakAccumulator } from "../../src/runtime/peaks.ts";

describe("PeakAccumulator", () => {
  it("keeps at most `points` pairs however long the input", () => {
    const acc = new PeakAccumulator(100);
    const chunk = new Float32Array(4096).map((_, i) => Math.sin(i / 10));
    for (let i = 0; i < 2000; i++) acc.push(chunk, 1); // ~8 M samples
    const peaks = acc.result();
    expect(peaks.length / 2).toBeLessThanOrEqual(100);
    expect(peaks.length / 2).toBeGreaterThan(50);
    expect(acc.total).toBe(4096 * 2000);
  });

  it("finds the extremes and mixes channels; s16 is scaled to [-1, 1]", () => {
    const acc = new PeakAccumulator(4);
    const s = new Int16Array(2 * 1000);
    s[500] = 32767; // left only: mixes to ~0.5
    s[1001] = -32768;
    s[1000] = -32768; // both: -1
    acc.push(s, 2);
    const p = acc.result();
    expect(Math.max(...p)).toBeCloseTo(0.5, 2);
    expect(Math.min(...p)).toBe(-1);
    expect(acc.total).toBe(1000);
  });
});

describe("PeakAccumulator with no channel count yet", () => {
  it("ignores the chunk instead of looping", () => {
    const acc = new PeakAccumulator(4);
    acc.push(new Float32Array(16), 0);
    expect(acc.total).toBe(0);
  });
});
