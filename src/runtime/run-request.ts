// A playground Run: compiles the learner's module in the sandbox, drives the engine with its
// callbacks (or its main), and returns plain results for the views. DOM-free.
import { callLearner, type LearnerFunction, learnerFunction } from "../avio/boundary.ts";
import type { ReadPacket, Seek, WritePacket } from "../avio/callbacks.ts";
import { memory_read_packet, memory_seek, type BufferData, type OutputData } from "../avio/memory.ts";
import {
  decodeWithCallbacks,
  muxWithCallbacks,
  useEngine,
  type Engine,
  type SessionReport,
} from "../avio/host.ts";
import { missingText, supportedComponents } from "../avio/missing.ts";
import { strings } from "../i18n/index.ts";
import { compileErrorText, compileLearnerModule, type CompileOptions } from "./compile.ts";
import { outputBytes, outputDiffers } from "./output.ts";
import { PeakAccumulator } from "./peaks.ts";
import { placeCallbackFindings } from "./places.ts";
import { followCallbacks } from "./sandbox.ts";
import type { RunRequest, RunResult } from "./types.ts";

const fn = (x: unknown) => (typeof x === "function" ? (x as (...a: unknown[]) => unknown) : null);

function baseResult(req: ReadyRequest): RunResult {
  return {
    type: "result",
    id: req.id,
    status: "ok",
    trace: {
      head: [],
      tail: [],
      omitted: 0,
      totals: { read_packet: zero(), write_packet: zero(), seek: zero() },
    },
    diagnostics: [],
    log: [],
    byteMap: { size: req.media.bytes.byteLength, reads: [], seeks: [] },
    ms: 0,
  };
}
const zero = () => ({ calls: 0, bytes: 0, ms: 0, errors: 0 });

/**
 * Where the playback PCM goes: `floats` samples, zeroed or not. The default is a fresh buffer per
 * Run; the worker passes one that reuses shared memory across Runs (see worker.ts).
 */
export type PcmBuffer = (floats: number) => Float32Array;
const freshPcm: PcmBuffer = (floats) => new Float32Array(floats);

/**
 * Where the host keeps its own copy of the media for a decode Run. Never handed to learner code, so
 * the worker reuses one across Runs: copying into memory already touched is several times faster
 * than into a new 30 MB allocation.
 */
export type HostCopy = (bytes: number) => Uint8Array;
const freshCopy: HostCopy = (bytes) => new Uint8Array(bytes);

/** Collects the waveform outline and the first seconds of PCM (as float) from decoded chunks. */
class PcmCollector {
  readonly peaks: PeakAccumulator;
  // One buffer that doubles as needed: each sample is copied once, and the result is a view of
  // it (the worker transfers or shares the buffer, so the view crosses without another copy).
  private pcm: Float32Array = new Float32Array(0);
  private kept = 0;
  private readonly seconds: number;
  private readonly alloc: PcmBuffer;
  sampleRate = 0;
  channels = 0;

  constructor(points: number, seconds: number, alloc: PcmBuffer) {
    this.peaks = new PeakAccumulator(points);
    this.seconds = seconds;
    this.alloc = alloc;
  }

  /** Sizes the buffer from the stream's duration, so a long file is not copied as it grows. */
  expect(seconds: number, sampleRate: number, channels: number): void {
    if (this.kept > 0 || !(seconds > 0) || !(sampleRate > 0) || !(channels > 0)) return;
    const frames = Math.ceil(Math.min(seconds + 1, this.seconds) * sampleRate);
    this.pcm = this.alloc(frames * channels);
  }

  push(samples: Int16Array | Float32Array, channels: number, sampleRate: number): void {
    this.channels = channels;
    this.sampleRate = sampleRate;
    this.peaks.push(samples, channels);
    const limit = this.seconds * sampleRate * channels;
    const n = Math.min(samples.length, limit - this.kept);
    if (n <= 0) return;
    if (this.kept + n > this.pcm.length) {
      const old = this.pcm.slice(0, this.kept);
      this.pcm = this.alloc(
        Math.min(limit, Math.max(this.kept + n, 2 * this.pcm.length, 10 * sampleRate * channels)),
      );
      this.pcm.set(old);
    }
    if (samples instanceof Float32Array) this.pcm.set(samples.subarray(0, n), this.kept);
    else for (let i = 0, at = this.kept; i < n; i++) this.pcm[at + i] = samples[i]! / 32768;
    this.kept += n;
  }

  fill(result: RunResult): void {
    if (!this.peaks.total) return;
    result.waveform = { peaks: this.peaks.result(), points: 0, totalSamples: this.peaks.total };
    result.waveform.points = result.waveform.peaks.length / 2;
    result.playback = {
      pcm: this.pcm.subarray(0, this.kept),
      sampleRate: this.sampleRate,
      channels: this.channels,
    };
  }
}

/** A request whose media bytes are in hand (the worker reads a File first). */
export type ReadyRequest = RunRequest & { media: { name: string; bytes: ArrayBuffer } };

export function runRequest(
  engine: Engine,
  req: ReadyRequest,
  o: Pick<CompileOptions, "echo"> & { pcmBuffer?: PcmBuffer; hostCopy?: HostCopy } = {},
): RunResult {
  const t0 = performance.now();
  const result = baseResult(req);
  let ex: Record<string, unknown> = {};
  const lang = req.lang ?? "en";
  const say = strings(lang).runtime;
  // Each printed line is tagged with the callback (and call) that printed it.
  const followed = followCallbacks(engine);
  const compiled = compileLearnerModule(req.code, { lang, echo: o.echo, where: followed.where });
  const done = () => {
    followed.restore();
    if (compiled.ok)
      placeCallbackFindings(result.diagnostics, compiled.js, {
        read_packet: ex.read_packet,
        write_packet: ex.write_packet,
        seek: ex.seek,
      });
    result.ms = performance.now() - t0;
    const printed = compiled.console?.output();
    if (printed) result.console = printed;
    return result;
  };
  if (compiled.ok) ex = compiled.exports;
  else {
    result.status = "compile-error";
    result.error = { stage: "compile", message: compileErrorText(compiled, lang), ...place(compiled) };
    return done();
  }
  // The Run owns the media: the caller's buffer is moved in, not copied (a 300 s FLAC is 31 MB).
  // Learner code gets those bytes; what the host decides from the media (inputUnreadable, mux's
  // source) uses bytes learner code never held.
  const data = take(req.media.bytes);
  const size = data.length;
  const pcm = new PcmCollector(
    req.waveformPoints ?? 1200,
    req.playbackSeconds ?? 120,
    o.pcmBuffer ?? freshPcm,
  );
  // A correct reader delivers the file about once; a reader that never reaches the end is
  // stopped after 8 passes instead of running for minutes.
  const budget = {
    maxReadBytes: 8 * size + (1 << 20),
    ...(req.maxReadCalls ? { maxReadCalls: req.maxReadCalls } : {}),
  };
  const callUser = (f: LearnerFunction, args: unknown[]): { ok: true; value: unknown } | Threw => {
    const r = callLearner(f, args);
    return r.ok ? r : { threw: r.thrown ?? say.unshowable, ...(r.at ?? {}) };
  };
  const threw = (x: { ok: true; value: unknown } | Threw): x is Threw => "threw" in x;
  const onLine = (message: string, x: { line?: number }) =>
    x.line === undefined ? message : say.line(x.line, message);

  if (req.mode === "decode") {
    const read_packet = fn(ex.read_packet);
    if (!read_packet) {
      result.status = "missing-export";
      result.error = { message: say.missingReadPacket };
      return done();
    }
    // Copied before learner code runs, into the caller's reused host-only buffer when it has one.
    const pristine = (o.hostCopy ?? freshCopy)(size);
    pristine.set(data);
    const create = learnerFunction(ex.create_opaque);
    const made = create
      ? callUser(create, [data])
      : { ok: true as const, value: { data, pos: 0 } satisfies BufferData };
    if (threw(made)) {
      result.status = "threw";
      result.error = { message: onLine(say.createOpaqueThrew(made.threw), made), ...place(made) };
      return done();
    }
    const opaque = made.value;
    engine.pcmTap = (s, _n, channels, rate) => pcm.push(s, channels, rate);
    let outcome;
    try {
      outcome = decodeWithCallbacks(engine, {
        opaque,
        read_packet: read_packet as ReadPacket,
        seek: req.useSeek ? (fn(ex.seek) as Seek | null) : null,
        // An exported `seekable` is what the code would set avio_ctx->seekable to (the forward-only exercise).
        seekable: typeof ex.seekable === "number" ? ex.seekable : undefined,
        buffer_size: req.buffer_size,
        sample_fmt: "f32",
        keep_samples: 0,
        source_size: size,
        on_info: (info) => pcm.expect(info.duration, info.sampleRate, info.channels),
        budget,
      });
    } finally {
      engine.pcmTap = null;
    }
    Object.assign(result, pick(outcome.report, size));
    if (outcome.info)
      result.info = {
        ...outcome.info,
        bytesRead: outcome.bytesRead,
        fileSize: size,
        decodedSamples: outcome.samples,
      };
    result.buffer = outcome.buffer;
    if (!outcome.ok) {
      result.status = "ffmpeg-error";
      result.error = { stage: outcome.stage, message: outcome.error ?? "error", code: outcome.ret };
      // A decoder or demuxer this build leaves out: say which, and what is built in.
      if (outcome.missing)
        result.error.missing = missingText(outcome.missing, supportedComponents(engine), lang);
      if (OPENING.has(String(outcome.stage)))
        result.inputUnreadable = !opensWithReferenceCallbacks(engine, pristine);
    }
    pcm.fill(result);
    return done();
  }

  if (req.mode === "mux") {
    const write_packet = fn(ex.write_packet);
    if (!write_packet) {
      result.status = "missing-export";
      result.error = { message: say.missingWritePacket };
      return done();
    }
    // The PCM to mux comes from the selected media, decoded with the reference callbacks (learner
    // code never gets these bytes).
    const source = decodeWithCallbacks(engine, {
      opaque: { data, pos: 0 },
      read_packet: memory_read_packet,
      seek: memory_seek,
      sample_fmt: "s16",
      keep_samples: 48000 * 30,
    });
    if (!source.ok || !source.info) {
      result.status = "ffmpeg-error";
      result.error = {
        stage: source.stage,
        message: say.inputUndecodable(String(source.error)),
        code: source.ret,
      };
      return done();
    }
    const create = learnerFunction(ex.create_opaque);
    const made = create
      ? callUser(create, [])
      : { ok: true as const, value: { data: new Uint8Array(0), pos: 0, size: 0 } satisfies OutputData };
    if (threw(made)) {
      result.status = "threw";
      result.error = { message: onLine(say.createOpaqueThrew(made.threw), made), ...place(made) };
      return done();
    }
    const opaque = made.value;
    const format = req.outputFormat ?? "wav";
    const outcome = muxWithCallbacks(engine, {
      format,
      options: req.movflags ? { movflags: req.movflags } : null,
      pcm: source.pcm as Int16Array,
      sample_rate: source.info.sampleRate,
      channels: source.info.channels,
      opaque,
      write_packet: write_packet as WritePacket,
      seek: req.useSeek ? (fn(ex.seek) as Seek | null) : null,
      buffer_size: req.buffer_size,
    });
    Object.assign(result, pick(outcome.report, 0));
    result.info = {
      ...source.info,
      bytesRead: data.length,
      fileSize: data.length,
      decodedSamples: source.samples,
    };
    const bytes = outputBytes(opaque);
    if (bytes) result.output = { bytes, format };
    if (!outcome.ok) {
      result.status = "ffmpeg-error";
      result.error = { stage: outcome.stage, message: outcome.error ?? "error", code: outcome.ret };
    } else {
      const differs = outputDiffers(bytes, outcome.report.written);
      if (differs) result.diagnostics.push(differs);
    }
    return done();
  }

  // script: the learner writes the whole lifecycle.
  const main = learnerFunction(ex.main);
  if (!main) {
    result.status = "missing-export";
    result.error = { message: say.missingMain };
    return done();
  }
  useEngine(engine);
  engine.beginSession({ budget, sourceSize: size });
  engine.pcmTap = (s, _n, channels, rate) => pcm.push(s, channels, rate);
  const r = callUser(main, [data]);
  engine.pcmTap = null; // callUser never throws
  const report = engine.endSession();
  Object.assign(result, pick(report, size));
  // Stream info describes what the program opened and decoded, as it does for the lifecycle runs.
  if (report.decoded) {
    const { samples, ...stream } = report.decoded;
    result.info = {
      ...stream,
      bytesRead: report.trace.totals.read_packet?.bytes ?? 0,
      fileSize: size,
      decodedSamples: samples,
    };
  }
  if (threw(r)) {
    result.status = "threw";
    result.error = { message: onLine(r.threw, r), ...place(r) };
  }
  if (report.missing) result.missing = missingText(report.missing, supportedComponents(engine), lang);
  pcm.fill(result);
  return done();
}

/** The caller's bytes, moved (the caller's buffer is detached); copied when they cannot be moved. */
function take(bytes: ArrayBuffer): Uint8Array {
  try {
    return new Uint8Array(structuredClone(bytes, { transfer: [bytes] }));
  } catch {
    // Not transferable (a Node Buffer's pool, a WebAssembly.Memory): a copy is still the Run's own.
    return new Uint8Array(bytes.slice(0));
  }
}

/** What a learner call threw: its text, and the learner's line when the stack named one. */
type Threw = { threw: string; line?: number; column?: number };

/** The line and column of a failure, when known (for RunResult.error). */
function place(x: { line?: number; column?: number }): { line?: number; column?: number } {
  return x.line === undefined
    ? {}
    : { line: x.line, ...(x.column === undefined ? {} : { column: x.column }) };
}

const OPENING = new Set(["avformat_open_input", "avformat_find_stream_info", "av_find_best_stream"]);

/** Whether FFmpeg opens `data` with its own memory callbacks (avio_reading.c's): a file it cannot is not the learner's fault. */
function opensWithReferenceCallbacks(engine: Engine, data: Uint8Array): boolean {
  const ref = decodeWithCallbacks(engine, {
    opaque: { data, pos: 0 },
    read_packet: memory_read_packet,
    seek: memory_seek,
    sample_fmt: "s16",
    keep_samples: 0,
    open_only: true,
  });
  return ref.ok || !OPENING.has(String(ref.stage));
}

function pick(report: SessionReport, size: number) {
  return {
    trace: report.trace,
    diagnostics: report.diagnostics,
    log: report.log,
    byteMap: { size, ...report.byteMap },
  };
}
