// 1000 open/decode/close cycles in one instance, failures included: live
// allocations and wasm memory stay flat once FFmpeg's one-time tables exist.
import { beforeAll, describe, expect, it } from "vitest";
import type { Engine } from "../../src/avio/engine.ts";
import { loadEngine } from "../../src/avio/node.ts";
import { decodeBytes, fixture } from "./helpers.ts";

let engine: Engine;
beforeAll(async () => {
  engine = await loadEngine();
});

const inputs = [
  { name: "wav-s16-22k-mono.wav", seek: true },
  { name: "mp3-vbr-id3-48k-mono.mp3", seek: true },
  { name: "m4a-moov-end-48k-stereo.m4a", seek: false }, // opens, then fails to decode
  { name: "garbage.bin", seek: true }, // fails to open
  { name: "empty.bin", seek: false },
  { name: "truncated-flac.flac", seek: true },
].map((i) => ({ ...i, data: fixture(i.name) }));

describe("leaks", () => {
  it("1000 cycles: heap in use returns to the same level, memory does not grow", () => {
    const cycle = (i: number) => {
      const input = inputs[i % inputs.length];
      const { outcome } = decodeBytes(engine, input.data, { seek: input.seek ? undefined : null });
      expect(outcome.report.diagnostics.filter((d) => d.code.startsWith("leak_"))).toEqual([]);
    };
    for (let i = 0; i < 24; i++) cycle(i); // warm up: codec tables, log buffers
    const heap0 = engine.heapInUse();
    const mem0 = engine.memoryBytes();
    let maxHeap = heap0;
    for (let i = 0; i < 1000; i++) {
      cycle(i);
      maxHeap = Math.max(maxHeap, engine.heapInUse());
    }
    expect(engine.heapInUse()).toBe(heap0);
    expect(engine.memoryBytes()).toBe(mem0);
    expect(maxHeap).toBe(heap0); // after each full cycle, nothing is left behind
  });
});
