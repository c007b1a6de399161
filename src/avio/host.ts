// What hosts (the runtime, CLIs, tests, benchmarks) use besides the learner's "avio" module:
// the engine, its runs and their reports. Never handed to learner code.
export { useEngine, ioRecordOf } from "./api.ts";
export { Engine, instantiateEngine } from "./engine.ts";
export { whenceName } from "./bridge.ts";
export { defaultBudget } from "./session.ts";
export type { Budget, SessionReport, LogLine } from "./session.ts";
export type { IORecord } from "./ownership.ts";
export type { Diagnostic, DiagnosticCode, CallbackName } from "./diagnostics.ts";
export type { Trace, TraceEntry, CallbackTotals } from "./trace.ts";
export { decodeWithCallbacks, muxWithCallbacks } from "./lifecycle.ts";
export type {
  DecodeRequest,
  DecodeOutcome,
  MuxRequest,
  MuxFormat,
  MuxOutcome,
  StreamSummary,
  Stage,
} from "./lifecycle.ts";
