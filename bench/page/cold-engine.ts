// Cold start of the engine: this page is opened in a fresh browser; from
// navigation (performance.now() = 0) to the 10 s clip's PCM on the page.
import { loadEngineModule } from "../../src/playground/client.ts";
import { engineClient, engineDecode } from "./shared.ts";

const params = new URLSearchParams(location.search);
const clip = params.get("clip")!;
const seconds = Number(params.get("seconds"));
const bytes = fetch(clip).then((r) => r.arrayBuffer());
const client = engineClient();
const startMs = performance.now();
// What a Run does first (client.ready() reuses this page-wide download + compile).
await loadEngineModule();
const compiledMs = performance.now();
await client.ready();
const readyMs = performance.now();
const r = await engineDecode(client, clip.split("/").pop()!, await bytes, seconds);
const doneMs = performance.now();
(globalThis as unknown as { cold: unknown }).cold = {
  ...r,
  readyMs,
  doneMs,
  phases: {
    ...r.phases,
    script: startMs,
    downloadCompile: compiledMs - startMs,
    workerStart: readyMs - compiledMs,
    run: doneMs - readyMs,
  },
};
