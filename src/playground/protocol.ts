// Messages between a playground (main thread) and its runner (module Web
// Worker). The worker knows nothing of the DOM; the views know nothing of wasm.
import type { TraceEntry } from "../avio/trace.ts";
import type { GradeResult, RunRequest, RunResult, TestResult } from "../runtime/types.ts";
export type * from "../runtime/types.ts";

/** Grade the code against an exercise's tests (the Check button). */
export interface GradeRequest {
  type: "grade";
  id: number;
  exercise: string;
  code: string;
  lang: "en" | "zh-cn";
}

export interface GradeReply {
  type: "grade-result";
  id: number;
  result: GradeResult;
}

export type ToWorker =
  | RunRequest
  | GradeRequest
  | { type: "load"; wasm: WebAssembly.Module; live: SharedArrayBuffer | null }
  /** While the page is idle: a host-written Run on the playground's sample, answered by nothing. */
  | { type: "warm"; id: number; bytes: ArrayBuffer };

/** The run did not finish in time: the worker was terminated. */
export interface TimeoutResult {
  type: "timeout";
  id: number;
  ms: number;
  /** The last calls recorded before the worker stopped answering. */
  last: TraceEntry[];
  /** The callback call that never returned, when the shared status says so. */
  stuck: { callback: (typeof LIVE_CALLBACKS)[number]; call: number } | null;
}

export type FromWorker =
  | { type: "ready"; ffmpegVersion: string }
  | { type: "load-error"; message: string }
  | { type: "heartbeat"; id: number; last: TraceEntry[] }
  // Only without shared memory: the live channel as messages.
  | { type: "enter"; id: number; callback: (typeof LIVE_CALLBACKS)[number]; call: number }
  | { type: "exit"; id: number }
  /** The warm-up is over (it ran, or there was nothing left to warm). */
  | { type: "warmed"; id: number }
  | { type: "grade-start"; id: number; name: string; title: string }
  // Each finished test as it finishes: a Check stopped later still shows them.
  | { type: "grade-test"; id: number; test: TestResult }
  | GradeReply
  | RunResult;

/** Layout of the shared Int32Array the worker updates on every callback entry (if SharedArrayBuffer is available;
 *  otherwise it posts "enter" and "exit" messages). */
export const LIVE = { callback: 0, call: 1, inCallback: 2, length: 4 } as const;
export const LIVE_CALLBACKS = ["read_packet", "write_packet", "seek"] as const;
