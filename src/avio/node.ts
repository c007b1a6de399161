// Loading the engine in Node (CLI, tests, grader): the wasm bytes come from disk.
import { readFile } from "node:fs/promises";
import { useEngine } from "./api.ts";
import { instantiateEngine, type Engine } from "./engine.ts";

export const wasmPath = new URL("../../wasm/dist/avio-engine.wasm", import.meta.url);

/** A new engine instance, made current for the avio API. */
export async function loadEngine(): Promise<Engine> {
  const engine = await instantiateEngine(await readFile(wasmPath));
  useEngine(engine);
  return engine;
}
