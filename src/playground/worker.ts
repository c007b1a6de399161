// The runner's module Web Worker: one engine instance, learner code evaluated
// here only — never on the page. A run that hangs is ended from outside by
// terminating this worker.
import type { Engine } from "../avio/engine.ts";
import { instantiateEngine } from "../avio/engine.ts";
import { LIVE, LIVE_CALLBACKS, type FromWorker, type RunResult, type ToWorker } from "./protocol.ts";
import { compileLearnerModule, runRequest } from "./runner.ts";

const post = (m: FromWorker, transfer: Transferable[] = []) => (self as unknown as Worker).postMessage(m, transfer);
let engine: Engine | null = null;
// Kept for the engine's own use (exercise media) before lockDown removes it from learner reach.
const ownFetch = fetch.bind(self);
let live: Int32Array | null = null;
let runId = 0;
let lastBeat = 0;
let calls = 0;

/** Learner code needs none of these; removing them keeps it away from network and storage. */
function lockDown() {
  for (const name of ["fetch", "XMLHttpRequest", "WebSocket", "EventSource", "indexedDB", "caches", "importScripts", "BroadcastChannel", "Request"]) {
    try {
      Object.defineProperty(self, name, { value: undefined, configurable: false, writable: false });
    } catch {
      /* not present in this browser */
    }
  }
}

function onEnter(callback: (typeof LIVE_CALLBACKS)[number], call: number) {
  if (live) {
    Atomics.store(live, LIVE.callback, LIVE_CALLBACKS.indexOf(callback));
    Atomics.store(live, LIVE.call, call);
    Atomics.store(live, LIVE.inCallback, 1);
  }
  // At most every 200 ms: proof of progress (a long file is not an endless loop), and the
  // latest entries, so a timeout can still show what happened before a hang.
  calls++;
  if (engine) {
    const now = performance.now();
    if (now - lastBeat > 200) {
      lastBeat = now;
      post({ type: "heartbeat", id: runId, last: engine.lastTrace(20) });
    }
  }
}

self.onmessage = async (ev: MessageEvent<ToWorker>) => {
  const msg = ev.data;
  if (msg.type === "load") {
    try {
      engine = await instantiateEngine(msg.wasm);
      live = msg.live ? new Int32Array(msg.live) : null;
      engine.onEnter = onEnter;
      engine.onExit = () => live && Atomics.store(live, LIVE.inCallback, 0);
      lockDown();
      post({ type: "ready", ffmpegVersion: engine.ffmpegVersion });
    } catch (e) {
      post({ type: "load-error", message: e instanceof Error ? e.message : String(e) });
    }
    return;
  }
  if (!engine) return;
  runId = msg.id;
  if (msg.type === "check") {
    calls = 0;
    const [{ gradeSubmission }, { loadExercise, isExerciseId }, { browserMedia }] = await Promise.all([
      import("../exercises/grade.ts"),
      import("../exercises/catalog.ts"),
      import("../exercises/media-browser.ts"),
    ]);
    if (!isExerciseId(msg.exercise)) return;
    const result = await gradeSubmission({
      engine,
      exercise: await loadExercise(msg.exercise),
      code: msg.code,
      media: browserMedia(ownFetch),
      lang: msg.lang,
      onStart: (name, _index, title) => post({ type: "check-start", id: msg.id, name, title }),
    });
    post({ type: "check-result", id: msg.id, result });
    return;
  }
  calls = 0;
  const bytes = msg.media.file ? await msg.media.file.arrayBuffer() : msg.media.bytes;
  const result: RunResult = runRequest(engine, { ...msg, media: { name: msg.media.name, bytes } });
  const transfer: Transferable[] = [];
  if (result.waveform) transfer.push(result.waveform.peaks.buffer);
  if (result.playback) transfer.push(result.playback.pcm.buffer);
  if (result.output) transfer.push(result.output.bytes.buffer);
  post(result, transfer);
  if (engine.poisoned) post({ type: "load-error", message: "FFmpeg aborted; the engine will be reloaded." });
};

// While the page downloads and compiles the engine, warm up the TypeScript compiler: the first
// Run's compile then takes a few ms instead of tens.
compileLearnerModule("export function read_packet(o: { pos: number }, buf: Uint8Array, n: number): number { return n; }");
