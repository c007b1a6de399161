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
  // The cleanup exercise judges "frees everything" by heapInUse() not growing over one run, on
  // whatever engine the Check gets — possibly a fresh one. So no warm-up here: the first run of
  // each kind on a new instance (heap growth, FFmpeg's one-time init, the first "missing
  // demuxer" lookup) must leave the figure where it was. (emmalloc failed this by 8 bytes.)
  it.each([
    "mp3-cbr-44k-stereo.mp3",
    "unsupported-caf-22k-mono.caf",
    "garbage.bin",
    "unsupported-adpcm-ima-22k-mono.wav",
  ])("a fresh engine: the first run on %s leaves heapInUse where it was", async (name) => {
    const fresh = await loadEngine();
    const before = fresh.heapInUse();
    decodeBytes(fresh, fixture(name));
    expect(fresh.heapInUse()).toBe(before);
    const { outcome } = decodeBytes(fresh, fixture("flac-22k-mono.flac"));
    expect(outcome.ok).toBe(true);
    expect(fresh.heapInUse()).toBe(before);
  });

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
