// Main-thread side of the runner: downloads and compiles the engine once per
// page (with progress), gives each playground its own worker, and enforces the
// time budget by terminating a worker that does not answer.
import wasmUrl from "../../wasm/dist/avio-engine.wasm?url";
import type { TraceEntry } from "../avio/trace.ts";
import { strings } from "../i18n/index.ts";
import type { GradeResult, TestResult } from "../runtime/types.ts";
import {
  LIVE,
  LIVE_CALLBACKS,
  type GradeRequest,
  type FromWorker,
  type RunRequest,
  type RunResult,
  type TimeoutResult,
  type ToWorker,
} from "./protocol.ts";

export type Progress = (loaded: number, total: number) => void;

/** Why the engine could not start; the controller words it in the page's language. */
export class EngineStartError extends Error {
  readonly reason: "no_simd" | "download" | "runner";
  constructor(reason: EngineStartError["reason"], detail = "") {
    super(detail || reason);
    this.reason = reason;
  }
}

// The smallest module using a v128 instruction (as wasm-feature-detect checks SIMD): the engine is
// built with wasm SIMD, and a browser without it would only say "invalid opcode".
const SIMD_PROBE = new Uint8Array([
  0, 97, 115, 109, 1, 0, 0, 0, 1, 5, 1, 96, 0, 1, 123, 3, 2, 1, 0, 10, 10, 1, 8, 0, 65, 0, 253, 15, 253, 98,
  11,
]);
export const hasWasmSimd = () => WebAssembly.validate(SIMD_PROBE);

let compiled: Promise<WebAssembly.Module> | null = null;
const listeners = new Set<Progress>();

/** The engine's WebAssembly.Module, fetched and compiled once for the whole page. */
export function loadEngineModule(onProgress?: Progress): Promise<WebAssembly.Module> {
  if (onProgress) listeners.add(onProgress);
  compiled ??= (async () => {
    if (!hasWasmSimd()) throw new EngineStartError("no_simd");
    const res = await fetch(wasmUrl).catch((e: unknown) => {
      throw new EngineStartError("download", String(e instanceof Error ? e.message : e));
    });
    if (!res.ok || !res.body)
      throw new EngineStartError("download", `${res.status} ${res.statusText}`.trim());
    const total = Number(res.headers.get("content-length")) || 0;
    let loaded = 0;
    // Compiles while the bytes arrive; the counting stream only reports progress.
    const counted = res.body.pipeThrough(
      new TransformStream<Uint8Array, Uint8Array>({
        transform(chunk, out) {
          loaded += chunk.length;
          for (const l of listeners) l(loaded, total || loaded);
          out.enqueue(chunk);
        },
        flush() {
          for (const l of listeners) l(loaded, loaded);
        },
      }),
    );
    return WebAssembly.compileStreaming(
      new Response(counted, { headers: { "content-type": "application/wasm" } }),
    ).catch((e: unknown) => {
      throw e instanceof WebAssembly.CompileError
        ? e
        : new EngineStartError("download", String(e instanceof Error ? e.message : e));
    });
  })();
  compiled.catch(() => (compiled = null)); // let a later Run retry a failed download
  return compiled;
}

/** The learner pressed Stop during a Run: like a timeout, the worker was terminated. */
export type StoppedResult = Omit<TimeoutResult, "type"> & { type: "stopped" };

export type RunOutcome = RunResult | TimeoutResult | StoppedResult;

/** A Check's result; `timedOut` when a test (or loading the code) did not finish within the budget. */
export type CheckResult = GradeResult & { timedOut?: { test: string | null; seconds: number } };

/** A Check the learner stopped (a stopped Run resolves with a StoppedResult instead). */
export class RunStopped extends Error {
  constructor() {
    super("stopped");
  }
}

/** A run may last this many time budgets in total, however steadily it progresses. */
const HARD_CAP_FACTOR = 24;
/** A Run's request; `media.bytes` is transferred to the worker (detached here). */
export type RunInput = Omit<RunRequest, "type" | "id">;

export class WorkerClient {
  private worker: Worker | null = null;
  private starting: Promise<Worker> | null = null;
  private nextId = 1;
  /** Ends the Run or Check in progress, if any (Stop). */
  private cancel: (() => void) | null = null;
  /** Stop pressed while the run was still starting (engine download, media): honoured once it starts. */
  private stopPending = false;
  private readonly live =
    typeof SharedArrayBuffer !== "undefined" && globalThis.crossOriginIsolated
      ? new SharedArrayBuffer(LIVE.length * 4)
      : null;
  /** Without shared memory (WebKitGTK refuses to post it to a worker): the callback the worker last said it entered. */
  private entered: { callback: (typeof LIVE_CALLBACKS)[number]; call: number } | null = null;
  private readonly timeoutMs: number;
  private readonly onProgress?: Progress;
  private readonly createWorker: () => Worker;
  /** One listener per worker; each Run or Check registers its handler under its id (as svelte.dev's REPL and libav.js do). */
  private readonly pending = new Map<number, (m: FromWorker) => void>();
  ffmpegVersion = "";

  constructor(opts: { timeoutMs: number; onProgress?: Progress; createWorker: () => Worker }) {
    this.createWorker = opts.createWorker;
    this.timeoutMs = opts.timeoutMs;
    this.onProgress = opts.onProgress;
  }

  /** Starts (or reuses) the worker with a ready engine. */
  ready(): Promise<Worker> {
    if (this.worker) return Promise.resolve(this.worker);
    this.starting ??= (async () => {
      // The worker loads its own scripts while the engine downloads and compiles here.
      const worker = this.createWorker();
      const module = await loadEngineModule(this.onProgress).catch((e: unknown) => {
        worker.terminate();
        throw e;
      });
      await new Promise<void>((resolve, reject) => {
        worker.onmessage = (ev: MessageEvent<FromWorker>) => {
          const m = ev.data;
          if (m.type === "ready") {
            this.ffmpegVersion = m.ffmpegVersion;
            resolve();
          } else if (m.type === "load-error") reject(new EngineStartError("runner", m.message));
          else this.pending.get(m.id)?.(m);
        };
        worker.onerror = (e) => reject(new EngineStartError("runner", e.message));
        worker.postMessage({ type: "load", wasm: module, live: this.live });
      });
      if (!this.live)
        worker.addEventListener("message", ({ data: m }: MessageEvent<FromWorker>) =>
          m.type === "enter" ? (this.entered = m) : m.type === "exit" && (this.entered = null),
        );
      this.worker = worker;
      return worker;
    })().finally(() => (this.starting = null));
    return this.starting;
  }

  /**
   * Starts the worker and has it run the host's warm-up on `bytes` (the head of a sample), so the
   * learner's first Run does not pay for cold code (worker.ts, warmUp).
   */
  async prestart(bytes: Promise<ArrayBuffer>): Promise<void> {
    const [worker, b] = await Promise.all([this.ready(), bytes]);
    const id = this.nextId++;
    await new Promise<void>((resolve) => {
      this.pending.set(id, () => {
        this.pending.delete(id);
        resolve();
      });
      worker.postMessage({ type: "warm", id, bytes: b } satisfies ToWorker, [b]);
    });
  }

  async run(input: RunInput): Promise<RunOutcome> {
    const worker = await this.ready();
    const id = this.nextId++;
    if (this.takePendingStop()) return { type: "stopped", id, ms: 0, last: [], stuck: null };
    let last: TraceEntry[] = [];
    if (this.live) new Int32Array(this.live).fill(-1);
    this.entered = null;
    const t0 = performance.now();
    let progressAt = t0;
    return new Promise<RunOutcome>((resolve) => {
      // The budget is time without progress: callbacks keep being called on a long file,
      // but not while one of them spins. A hard cap still ends a run that never finishes.
      const watchdog = () => {
        const now = performance.now();
        const idle = now - progressAt;
        if (idle < this.timeoutMs && now - t0 < this.timeoutMs * HARD_CAP_FACTOR) {
          timer = setTimeout(watchdog, this.timeoutMs - idle);
          return;
        }
        const stuck = this.stuck();
        this.pending.delete(id);
        this.restart(worker);
        resolve({ type: "timeout", id, ms: now - t0, last, stuck });
      };
      let timer = setTimeout(watchdog, this.timeoutMs);
      this.cancel = () => {
        clearTimeout(timer);
        const stuck = this.stuck();
        this.pending.delete(id);
        this.restart(worker);
        resolve({ type: "stopped", id, ms: performance.now() - t0, last, stuck });
      };
      this.pending.set(id, (m) => {
        if (m.type === "heartbeat") {
          last = m.last;
          progressAt = performance.now();
        } else if (m.type === "result") {
          clearTimeout(timer);
          this.cancel = null;
          this.pending.delete(id);
          resolve(m);
        }
      });
      // The media bytes move to the worker instead of being copied (callers pass their own copy).
      worker.postMessage(
        { ...input, type: "run", id } satisfies RunRequest,
        input.media.bytes ? [input.media.bytes] : [],
      );
    });
  }

  /**
   * Runs an exercise's tests on `code` in the worker. Each test has Run's budget (time without
   * progress, with the same hard cap): an endless loop stops as fast as in a Run, and the tests
   * that finished before it are kept.
   */
  async grade(exercise: string, code: string, lang: "en" | "zh-cn"): Promise<CheckResult> {
    const worker = await this.ready();
    const id = this.nextId++;
    if (this.takePendingStop()) throw new RunStopped();
    let running: { name: string; title: string } | null = null;
    const finished: TestResult[] = [];
    let startedAt = performance.now();
    let progressAt = startedAt;
    return new Promise<CheckResult>((resolve, reject) => {
      const watchdog = () => {
        const now = performance.now();
        const idle = now - progressAt;
        if (idle < this.timeoutMs && now - startedAt < this.timeoutMs * HARD_CAP_FACTOR) {
          timer = setTimeout(watchdog, this.timeoutMs - idle);
          return;
        }
        this.pending.delete(id);
        this.restart(worker);
        const message = strings(lang).runtime.timeout(this.timeoutMs / 1000);
        const stuck: TestResult[] = running ? [{ ...running, status: "fail", message }] : [];
        resolve({
          status: running ? "fail" : "error",
          message: running ? undefined : message,
          tests: [...finished, ...stuck],
          timedOut: { test: running?.title ?? null, seconds: this.timeoutMs / 1000 },
        });
      };
      let timer = setTimeout(watchdog, this.timeoutMs);
      this.cancel = () => {
        clearTimeout(timer);
        this.pending.delete(id);
        this.restart(worker);
        reject(new RunStopped());
      };
      this.pending.set(id, (m) => {
        if (m.type === "heartbeat") progressAt = performance.now();
        else if (m.type === "grade-start") {
          running = { name: m.name, title: m.title };
          startedAt = progressAt = performance.now(); // a fresh budget per test
        } else if (m.type === "grade-test") {
          finished.push(m.test);
          running = null;
          progressAt = performance.now();
        } else if (m.type === "grade-result") {
          clearTimeout(timer);
          this.cancel = null;
          this.pending.delete(id);
          resolve(m.result);
        }
      });
      worker.postMessage({ type: "grade", id, exercise, code, lang } satisfies GradeRequest);
    });
  }

  /** Stop: ends the Run or Check in progress the way the time budget does. */
  stop(): void {
    const cancel = this.cancel;
    this.cancel = null;
    if (cancel) cancel();
    else this.stopPending = true;
  }

  /** A new Run or Check begins: a Stop pressed before it does not count. */
  armStop(): void {
    this.stopPending = false;
  }

  private takePendingStop(): boolean {
    const pending = this.stopPending;
    this.stopPending = false;
    return pending;
  }

  /** Terminates a busy worker and starts a fresh one, so the next Run starts at once. */
  private restart(worker: Worker): void {
    this.cancel = null;
    worker.terminate();
    if (this.worker === worker) this.worker = null;
    void this.ready().catch(() => {});
  }

  private stuck(): TimeoutResult["stuck"] {
    if (!this.live) return this.entered && { callback: this.entered.callback, call: this.entered.call };
    const a = new Int32Array(this.live);
    const cb = Atomics.load(a, LIVE.callback);
    if (cb < 0 || Atomics.load(a, LIVE.inCallback) !== 1) return null;
    return { callback: LIVE_CALLBACKS[cb], call: Atomics.load(a, LIVE.call) };
  }
}
