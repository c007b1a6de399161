// The runner's module Web Worker: a fresh engine instance for every Run and Check (so nothing one
// submission does to FFmpeg's memory or state reaches the next; instantiating the compiled module
// takes about a millisecond, measured); learner code is evaluated here only,
// inside the runtime's sandbox (a frozen realm and a compartment per module) — never on the
// page. A run that hangs is ended from outside by terminating this worker.
// The entry point (src/site/runner-worker.ts) plugs in how an exercise Check is graded.
import { instantiateEngine, type Engine } from "../avio/host.ts";
import { compileLearnerModule } from "../runtime/compile.ts";
import { runRequest, type HostCopy, type PcmBuffer } from "../runtime/run-request.ts";
import { ensureLockdown } from "../runtime/sandbox.ts";
import type { GradeResult, TestResult } from "../runtime/types.ts";
import {
  LIVE,
  LIVE_CALLBACKS,
  type GradeRequest,
  type FromWorker,
  type RunResult,
  type ToWorker,
} from "./protocol.ts";

/** Grades a Check: the exercise's tests against the learner's code, on this worker's engine. */
export type Grader = (
  engine: Engine,
  req: Pick<GradeRequest, "exercise" | "code" | "lang">,
  hooks: {
    onStart: (name: string, title: string) => void;
    onTest: (test: TestResult) => void;
    fetch: typeof fetch;
  },
) => Promise<GradeResult | null>;

const post = (m: FromWorker, transfer: Transferable[] = []) =>
  (self as unknown as Worker).postMessage(m, transfer);

/**
 * What the worker itself may keep using once learner code can run: its own fetch (exercise media)
 * and postMessage (captured above). Everything that reaches the network or the origin's storage
 * goes from the worker's global, as a second wall behind the compartment.
 */
function removeOriginPowers() {
  const names = [
    "fetch",
    "XMLHttpRequest",
    "WebSocket",
    "WebSocketStream",
    "WebTransport",
    "EventSource",
    "indexedDB",
    "caches",
    "importScripts",
    "BroadcastChannel",
    "Request",
    "Worker",
    "SharedWorker",
  ];
  for (const name of names) {
    try {
      Object.defineProperty(self, name, { value: undefined, configurable: false, writable: false });
    } catch {
      /* not present in this browser */
    }
  }
  // OPFS and Web Locks hang off navigator's prototype.
  const nav = Object.getPrototypeOf(self.navigator) as object;
  for (const name of ["storage", "locks", "serviceWorker"]) {
    try {
      Object.defineProperty(nav, name, { get: () => undefined, configurable: false });
    } catch {
      /* not present */
    }
  }
}

/** The warm-up's program: a plain memory read_packet and seek (the memory-io lesson's). */
const WARM_CODE = `import { AVERROR, AVERROR_EOF, AVSEEK_SIZE, EINVAL, SEEK_CUR, SEEK_END, SEEK_SET } from "avio";
export function read_packet(o: { data: Uint8Array; pos: number }, buf: Uint8Array, n: number): number {
  const left = o.data.length - o.pos;
  if (left <= 0) return AVERROR_EOF;
  const k = Math.min(n, left);
  buf.set(o.data.subarray(o.pos, o.pos + k));
  o.pos += k;
  return k;
}
export function seek(o: { data: Uint8Array; pos: number }, offset: number, whence: number): number {
  if (whence & AVSEEK_SIZE) return o.data.length;
  const pos = (whence & 3) === SEEK_SET ? offset : (whence & 3) === SEEK_CUR ? o.pos + offset : (whence & 3) === SEEK_END ? o.data.length + offset : -1;
  if (pos < 0 || pos > o.data.length) return AVERROR(EINVAL);
  o.pos = pos;
  return pos;
}
`;

export function serveRunner(grade: Grader): void {
  let compiled: WebAssembly.Module | null = null;
  // The engine for the next request, instantiated while the worker is idle (after the last answer),
  // so a Run or Check starts on an engine no learner code has touched without waiting for one.
  let next: Promise<Engine> | null = null;
  const ownFetch = fetch.bind(self);
  let live: Int32Array | null = null;
  let runId = 0;
  let lastBeat = 0;
  // The playback PCM of a 5-minute file is ~100 MB: a fresh buffer per Run spent more time in the
  // kernel's first touch of its pages than the copy itself (node --cpu-prof). Where the page
  // shares memory with this worker (it sent `live`), one SharedArrayBuffer is reused by every Run:
  // the page's view of a Run's PCM stays valid until this playground's next Run, which begins by
  // destroying the player that held it (controller.ts, clearResults).
  let current: Engine | null = null;
  let sharedPcm: SharedArrayBuffer | null = null;
  const reusePcm: PcmBuffer = (floats) => {
    if (!sharedPcm || sharedPcm.byteLength < floats * 4) sharedPcm = new SharedArrayBuffer(floats * 4);
    return new Float32Array(sharedPcm, 0, floats);
  };
  // The host's own copy of a Run's media (never handed to learner code), reused for the same reason.
  let hostMedia: ArrayBuffer | null = null;
  const reuseHostCopy: HostCopy = (bytes) => {
    if (!hostMedia || hostMedia.byteLength < bytes) hostMedia = new ArrayBuffer(bytes);
    return new Uint8Array(hostMedia, 0, bytes);
  };

  function onEnter(callback: (typeof LIVE_CALLBACKS)[number], call: number) {
    if (live) {
      Atomics.store(live, LIVE.callback, LIVE_CALLBACKS.indexOf(callback));
      Atomics.store(live, LIVE.call, call);
      Atomics.store(live, LIVE.inCallback, 1);
    } else post({ type: "enter", id: runId, callback, call });
    // At most every 200 ms: proof of progress (a long file is not an endless loop), and the
    // latest entries, so a timeout can still show what happened before a hang.
    if (current) {
      const now = performance.now();
      if (now - lastBeat > 200) {
        lastBeat = now;
        post({ type: "heartbeat", id: runId, last: current.lastTrace(20) });
      }
    }
  }

  async function freshEngine(module: WebAssembly.Module): Promise<Engine> {
    const e = await instantiateEngine(module);
    e.onEnter = onEnter;
    e.onExit = () => (live ? Atomics.store(live, LIVE.inCallback, 0) : post({ type: "exit", id: runId }));
    return e;
  }

  self.onmessage = async (ev: MessageEvent<ToWorker>) => {
    const msg = ev.data;
    if (msg.type === "load") {
      try {
        compiled = msg.wasm;
        live = msg.live ? new Int32Array(msg.live) : null;
        next = freshEngine(compiled);
        post({ type: "ready", ffmpegVersion: (await next).ffmpegVersion });
      } catch (e) {
        post({ type: "load-error", message: e instanceof Error ? e.message : String(e) });
      }
      return;
    }
    if (!next || !compiled) return;
    if (msg.type === "warm") {
      // Only before the learner's first request: after it there is nothing left to warm.
      if (runId === 0) await warmUp(compiled, msg.bytes);
      post({ type: "warmed", id: msg.id });
      return;
    }
    runId = msg.id;
    // Learner code may have run on the last engine: none of its state is trusted again. Each
    // request takes the prepared engine, and the next one is made once this one is answered.
    const engine = await next;
    const module = compiled;
    current = engine;
    try {
      await serve(engine, msg);
    } finally {
      current = null;
      next = freshEngine(module);
    }
  };

  /**
   * The first Run paid for cold code (measured on a 10 s mp3: 87 ms in the worker against 36 for
   * the next): V8 compiles each wasm function on its first call and optimises hot ones later, and
   * the runtime's own paths are cold too. This Run of the host's own program on the playground's
   * sample, on an engine of its own that is then dropped, pays that while the page is idle.
   */
  async function warmUp(module: WebAssembly.Module, bytes: ArrayBuffer) {
    try {
      const engine = await instantiateEngine(module);
      runRequest(engine, {
        type: "run",
        id: 0,
        code: WARM_CODE,
        mode: "decode",
        media: { name: "warm-up", bytes },
        buffer_size: 4096,
        useSeek: true,
        waveformPoints: 1000,
        playbackSeconds: 120,
      });
    } catch {
      /* only a warm-up */
    }
  }

  async function serve(engine: Engine, msg: Exclude<ToWorker, { type: "load" | "warm" }>) {
    if (msg.type === "grade") {
      const result = await grade(engine, msg, {
        onStart: (name, title) => post({ type: "grade-start", id: msg.id, name, title }),
        onTest: (test) => post({ type: "grade-test", id: msg.id, test }),
        fetch: ownFetch,
      });
      // An unknown exercise still gets an answer, not silence.
      post({
        type: "grade-result",
        id: msg.id,
        result: result ?? { status: "error", message: `unknown exercise "${msg.exercise}"`, tests: [] },
      });
      return;
    }
    const bytes = msg.media.file ? await msg.media.file.arrayBuffer() : msg.media.bytes;
    const result: RunResult = runRequest(
      engine,
      { ...msg, media: { name: msg.media.name, bytes } },
      {
        echo: (level, text) => (level === "error" ? console.error(text) : console.log(text)),
        hostCopy: reuseHostCopy,
        ...(live ? { pcmBuffer: reusePcm } : {}),
      },
    );
    const transfer: Transferable[] = [];
    if (result.waveform) transfer.push(result.waveform.peaks.buffer);
    // Shared memory is shared, not transferred (a SharedArrayBuffer in the transfer list throws).
    if (result.playback && result.playback.pcm.buffer !== sharedPcm)
      transfer.push(result.playback.pcm.buffer);
    if (result.output) transfer.push(result.output.bytes.buffer);
    post(result, transfer);
  }

  ensureLockdown();
  removeOriginPowers();
  // While the page downloads and compiles the engine, warm up the TypeScript compiler and the
  // sandbox: the first Run's compile then takes a few ms instead of tens.
  compileLearnerModule(
    "export function read_packet(o: { pos: number }, buf: Uint8Array, n: number): number { return n; }",
  );
}
