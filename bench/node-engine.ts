// The engine in Node: decodeWithCallbacks over the memory read_packet/seek,
// PCM counted but not kept (as native writes to /dev/null).
import { readFileSync } from "node:fs";
import { memory_read_packet, memory_seek } from "../src/avio/memory.ts";
import { useEngine } from "../src/avio/api.ts";
import { instantiateEngine } from "../src/avio/engine.ts";
import { decodeWithCallbacks } from "../src/avio/lifecycle.ts";

export interface NodeRun {
  ms: number;
  samples: number;
  reads: number;
}

export type NodeDecoder = (data: Uint8Array, bufferSize?: number) => NodeRun;

/** `wasmFile`: the engine's .wasm (the bench measures a snapshot of wasm/dist). */
export async function nodeEngine(wasmFile: string): Promise<NodeDecoder> {
  const engine = await instantiateEngine(readFileSync(wasmFile));
  useEngine(engine);
  return (data, bufferSize = 32768) => {
    const t0 = performance.now();
    const o = decodeWithCallbacks(engine, {
      opaque: { data, pos: 0 },
      read_packet: memory_read_packet,
      seek: memory_seek,
      buffer_size: bufferSize,
      keep_samples: 0,
    });
    const ms = performance.now() - t0;
    if (!o.ok) throw new Error(`engine failed: ${o.error}`);
    return { ms, samples: o.samples, reads: o.report.trace.totals.read_packet.calls };
  };
}

export const readBytes = (path: string) => new Uint8Array(readFileSync(path));
