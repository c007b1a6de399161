// Seeded fuzzing: mutated and truncated fixtures through the decoder with a
// bounded call budget. FFmpeg may reject them, but must never abort or hang,
// and the same instance must still decode a good file exactly afterwards.
import { beforeAll, describe, expect, it } from "vitest";
import type { Engine } from "../../src/avio/engine.ts";
import { loadEngine } from "../../src/avio/node.ts";
import { decodeBytes, fixture, references } from "./helpers.ts";

/** mulberry32: small, seedable, good enough to pick mutations reproducibly. */
function rng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SEED = Number(process.env.FUZZ_SEED ?? 20261123);
const CASES = 500;
const sources = Object.entries(references).filter(([, r]) => r.nativeExit === 0 && r.bytes < 200_000).map(([n]) => n);

function mutate(data: Uint8Array, rand: () => number): Uint8Array {
  const out = data.slice();
  const kind = Math.floor(rand() * 4);
  const at = () => Math.floor(rand() * out.length);
  if (kind === 0) return out.subarray(0, at()); // truncate
  if (kind === 1) for (let i = 0, n = 1 + rand() * 32; i < n; i++) out[at()] = Math.floor(rand() * 256); // flip bytes
  if (kind === 2) out.fill(0, at(), at()); // zero a range (no-op when reversed)
  if (kind === 3) {
    // overwrite a block in the header region, where parsers trust lengths
    const start = Math.floor(rand() * Math.min(out.length, 4096));
    for (let i = start; i < Math.min(out.length, start + 64); i++) out[i] = Math.floor(rand() * 256);
  }
  return out;
}

let engine: Engine;
beforeAll(async () => {
  engine = await loadEngine();
});

describe(`fuzz (seed ${SEED}, ${CASES} cases)`, () => {
  it("no abort, no hang, no thrown error; the module still decodes a good file", () => {
    const rand = rng(SEED);
    const stages: Record<string, number> = {};
    for (let i = 0; i < CASES; i++) {
      const name = sources[Math.floor(rand() * sources.length)];
      const input = mutate(fixture(name), rand);
      const useSeek = rand() < 0.7;
      const { outcome } = decodeBytes(engine, input, { seek: useSeek ? undefined : null, budget: { maxReadCalls: 20_000 } });
      const stage = outcome.stage ?? "ok";
      stages[stage] = (stages[stage] ?? 0) + 1;
      if (stage === "engine") throw new Error(`case ${i} (${name}): FFmpeg aborted: ${outcome.error}`);
    }
    expect(stages.engine).toBeUndefined();
    expect(CASES - (stages.ok ?? 0)).toBeGreaterThan(CASES / 10); // the mutations do reach error paths
    console.log("fuzz outcomes by stage:", stages);
    expect(Object.values(stages).reduce((a, b) => a + b)).toBe(CASES);
    const { outcome, md5 } = decodeBytes(engine, fixture("mp3-cbr-44k-stereo.mp3"));
    expect(outcome.ok).toBe(true);
    expect(md5).toBe(references["mp3-cbr-44k-stereo.mp3"].md5);
  });
});
