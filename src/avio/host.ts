// What hosts (the runtime, CLIs, tests, benchmarks) use besides the learner's "avio" module:
// the engine, its runs and their reports. Never handed to learner code.
export { useEngine, ioRecordOf } from "./api.ts";
export { Engine, instantiateEngine, whenceName, defaultBudget } from "./engine.ts";
export type { Budget, RunReport, LogLine, IORecord } from "./engine.ts";
export type { Diagnostic, DiagnosticCode, CallbackName } from "./diagnostics.ts";
export type { Trace, TraceEntry, CallbackTotals } from "./trace.ts";
export { decodeWithCallbacks, muxWithCallbacks } from "./run.ts";
export type { DecodeRequest, DecodeOutcome, MuxRequest, MuxOutcome, StreamSummary, Stage } from "./run.ts";
