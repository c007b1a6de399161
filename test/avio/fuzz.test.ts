// Seeded fuzzing: mutated and truncated fixtures through the decoder with a
// bounded call budget. FFmpeg may reject them, but must never abort or hang,
// and the same instance must still decode a good file exactly afterwards.
import { beforeAll, describe, expect, it } from "vitest";
import type { Engine } from "../../src/avio/engine.ts";
import { loadEngine } from "../../src/avio/node.ts";
import { decodeBytes, fixture, isUnsupported, references } from "./helpers.ts";

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
const sources = Object.entries(references)
  .filter(([name, r]) => r.nativeExit === 0 && r.bytes < 200_000 && !isUnsupported(name))
  .map(([n]) => n);
// The demuxers and decoders added for learners' own files (aiff, alac in mov, the PCM family in
// wav and aiff) get a run of their own, so they are not a few draws among many.
const NEW_CASES = 400;
const newSources = sources.filter(
  (n) =>
    references[n]!.format === "aiff" ||
    references[n]!.codec === "alac" ||
    /^pcm_(s24|s32|u8|s8|f64|alaw|mulaw|s16be|f32be)/.test(references[n]!.codec!),
);

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
      const { outcome } = decodeBytes(engine, input, {
        seek: useSeek ? undefined : null,
        budget: { maxReadCalls: 20_000 },
      });
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

  it(`the new demuxers and decoders (aiff, alac, PCM family): ${NEW_CASES} more cases`, () => {
    expect(new Set(newSources.map((n) => references[n]!.format))).toEqual(
      new Set(["aiff", "wav", "mov,mp4,m4a,3gp,3g2,mj2"]),
    );
    const rand = rng(SEED ^ 0x5eed);
    const stages: Record<string, number> = {};
    for (let i = 0; i < NEW_CASES; i++) {
      const name = newSources[Math.floor(rand() * newSources.length)]!;
      const input = mutate(fixture(name), rand);
      const { outcome } = decodeBytes(engine, input, {
        seek: rand() < 0.7 ? undefined : null,
        budget: { maxReadCalls: 20_000 },
      });
      const stage = outcome.stage ?? "ok";
      stages[stage] = (stages[stage] ?? 0) + 1;
      if (stage === "engine") throw new Error(`case ${i} (${name}): FFmpeg aborted: ${outcome.error}`);
    }
    console.log("fuzz (new formats) outcomes by stage:", stages);
    expect(NEW_CASES - (stages.ok ?? 0)).toBeGreaterThan(NEW_CASES / 10);
    for (const name of ["alac-s24-48k-mono.m4a", "aiff-s24-48k-mono.aiff"]) {
      const { outcome, md5 } = decodeBytes(engine, fixture(name), { sample_fmt: "f32" });
      expect(outcome.ok).toBe(true);
      expect(md5).toBe(references[name]!.md5f32);
    }
  });
});
