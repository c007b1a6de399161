// The engine: one instance of the wasm FFmpeg, the bridge that calls the
// learner's callbacks for it, and the safety net around every call.
//
// FFmpeg calls read_packet/write_packet/seek synchronously from inside wasm;
// the C trampolines (wasm/glue/bridge.c) land in `callbacks` below with a
// handle, which we map to the learner's opaque value and functions.
import createAvioModule, { type AvioModule } from "../../wasm/dist/avio-engine.mjs";
import * as K from "./constants.ts";
import {
  describeValue,
  diagnose,
  type CallbackName,
  type Diagnostic,
  type DiagnosticCode,
} from "./diagnostics.ts";
import type { MissingComponent } from "./missing-types.ts";
import { TraceRecorder, type Trace } from "./trace.ts";

import type { ReadPacket, Seek, WritePacket } from "./callbacks.ts";
export type { ReadPacket, Seek, WritePacket } from "./callbacks.ts";

export interface Budget {
  /** read_packet calls allowed in one run before the engine stops it. */
  maxReadCalls: number;
  /** Bytes read_packet may deliver in one run. */
  maxReadBytes: number;
  /** Consecutive read_packet calls returning 0 before the engine stops the run. */
  maxZeroReturns: number;
}

export const defaultBudget: Budget = {
  maxReadCalls: 2_000_000,
  maxReadBytes: 4 * 2 ** 30,
  maxZeroReturns: 1000,
};

export interface RunOptions {
  budget?: Partial<Budget>;
  /** If known, the size of the source: lets the net check AVSEEK_SIZE answers. */
  sourceSize?: number;
}

export interface LogLine {
  level: number;
  text: string;
}

/** Where in the source the reads landed and where seeks jumped (for the byte map). */
export interface ByteMap {
  reads: { start: number; end: number; seq: number }[];
  seeks: { from: number; to: number; seq: number; size: boolean }[];
}

export interface RunReport {
  trace: Trace;
  diagnostics: Diagnostic[];
  log: LogLine[];
  byteMap: ByteMap;
  /** The decoder or demuxer this build lacks, when a step of the run failed for want of it (missingText words it). */
  missing?: MissingComponent;
}

const BYTEMAP_KEEP = 5000;

/** What the engine knows about one AVIOContext it created. */
export interface IORecord {
  handle: number;
  ptr: number;
  opaque: unknown;
  read_packet: ReadPacket | null;
  write_packet: WritePacket | null;
  seek: Seek | null;
  originalBuffer: number;
  bufferSize: number;
  bufferFreed: boolean;
  freed: boolean;
  /** FFmpeg's idea of the position: advanced by reads/writes, set by seeks. */
  pos: number;
  calls: Record<CallbackName, number>;
  bytesRead: number;
  zeroRun: number;
  zeroRunStart: number;
  zeroReported: boolean;
}

const LOG_KEEP = 400;
/** Bytes kept from the start of the input: what probing saw, to name a format no demuxer here reads. */
const PROBE_HEAD = 32 * 1024;

export class Engine {
  readonly module: AvioModule;
  readonly ffmpegVersion: string;
  private ios = new Map<number, IORecord>();
  private nextHandle = 1;
  private pcmSinks = new Map<
    number,
    (data: number, nbSamples: number, channels: number, sampleRate: number) => boolean
  >();
  /** av_malloc'ed pointers the learner still owns (not yet given to an AVIOContext). */
  readonly allocations = new Map<number, number>();
  readonly freedPointers = new Set<number>();
  /** Format contexts alive, with how to free them (for the leak report). */
  readonly formatContexts = new Map<number, "input" | "output" | "allocated">();
  private trace = new TraceRecorder();
  private byteMap: ByteMap = { reads: [], seeks: [] };
  private diagnostics: Diagnostic[] = [];
  private log: LogLine[] = [];
  private budget: Budget = defaultBudget;
  private sourceSize: number | undefined;
  private runStopped = false;
  private scratch: number;
  private head = new Uint8Array(PROBE_HEAD);
  private headLength = 0;
  private missing: MissingComponent | null = null;
  /** Set after a wasm trap: the instance's memory may be inconsistent, load a new one. */
  poisoned = false;
  /** Called as each learner callback is entered: lets a watchdog tell which call never returned. */
  onEnter: ((callback: CallbackName, call: number) => void) | null = null;
  onExit: (() => void) | null = null;
  /**
   * Sees every chunk decode_audio produces (interleaved, s16 or f32), e.g. for a waveform: a view
   * into wasm memory, valid during the call only (copy what you keep).
   */
  pcmTap:
    | ((samples: Int16Array | Float32Array, nbSamples: number, channels: number, sampleRate: number) => void)
    | null = null;

  constructor(module: AvioModule) {
    this.module = module;
    module.avioCallbacks = {
      read_packet: (h, buf, size) => this.onRead(h, buf, size),
      write_packet: (h, buf, size) => this.onWrite(h, buf, size),
      seek: (h, offset, whence) => this.onSeek(h, offset, whence),
      pcm: (h, data, n, channels, rate) => (this.pcmSinks.get(h)?.(data, n, channels, rate) ? 1 : 0),
      log: (level, text) => {
        if (this.log.length < LOG_KEEP) this.log.push({ level, text });
      },
    };
    module._wb_init(K.AV_LOG_INFO);
    this.ffmpegVersion = module.UTF8ToString(module._wb_ffmpeg_version());
    this.scratch = module._malloc(64);
  }

  // ---- runs -------------------------------------------------------------

  /** Starts a fresh record of calls, diagnostics and log lines. */
  beginRun(options: RunOptions = {}): void {
    this.trace = new TraceRecorder();
    this.byteMap = { reads: [], seeks: [] };
    this.diagnostics = [];
    this.log = [];
    this.budget = { ...defaultBudget, ...options.budget };
    this.sourceSize = options.sourceSize;
    this.runStopped = false;
    this.headLength = 0;
    this.missing = null;
  }

  /** Ends the run: reports leaks, frees what the learner left behind, returns the record. */
  endRun({ checkLeaks = true } = {}): RunReport {
    if (checkLeaks) this.collectLeaks(true);
    const report: RunReport = {
      trace: this.trace.snapshot(),
      diagnostics: this.diagnostics,
      log: this.log,
      byteMap: this.byteMap,
    };
    if (this.missing) report.missing = this.missing;
    return report;
  }

  /** Records what this build lacks (the first such failure of the run is the one reported). */
  noteMissing(m: MissingComponent | null): void {
    if (m && !this.missing) this.missing = m;
  }

  get stopped(): boolean {
    return this.runStopped;
  }

  /** The first bytes (up to 32 KiB) read_packet delivered from position 0 in this run: what probing saw. */
  probeHead(): Uint8Array {
    return this.head.slice(0, this.headLength);
  }

  report(code: DiagnosticCode, params: Record<string, string | number> = {}): Diagnostic {
    const d = diagnose(code, params);
    this.diagnostics.push(d);
    return d;
  }

  lastTrace(n: number) {
    return this.trace.last(n);
  }

  takeLog(from: number): LogLine[] {
    return this.log.slice(from);
  }

  get logLength(): number {
    return this.log.length;
  }

  // ---- C helpers ---------------------------------------------------------

  cstr(ptr: number): string {
    return this.module.UTF8ToString(ptr);
  }

  /** Calls fn with a C string copy of s, freed afterwards. */
  withCString<T>(s: string, fn: (ptr: number) => T): T {
    const n = this.module.lengthBytesUTF8(s) + 1;
    const p = this.module._malloc(n);
    this.module.stringToUTF8(s, p, n);
    try {
      return fn(p);
    } finally {
      this.module._free(p);
    }
  }

  /** A 4-byte out-parameter (int *err) for the C helpers. */
  outInt<T>(fn: (ptr: number) => T): [T, number] {
    const r = fn(this.scratch);
    return [r, this.module.HEAP32[this.scratch >> 2]];
  }

  scratchF64(count: number, fn: (ptr: number) => void): number[] {
    const p = this.module._malloc(count * 8);
    try {
      fn(p);
      return Array.from(this.module.HEAPF64.subarray(p >> 3, (p >> 3) + count));
    } finally {
      this.module._free(p);
    }
  }

  err2str(code: number): string {
    return this.cstr(this.module._wb_av_err2str(code));
  }

  heapInUse(): number {
    return this.module._wb_heap_in_use() >>> 0;
  }

  memoryBytes(): number {
    return this.module.HEAPU8.buffer.byteLength;
  }

  // ---- AVIOContext registry ----------------------------------------------

  registerIO(
    init: Omit<
      IORecord,
      | "handle"
      | "ptr"
      | "freed"
      | "bufferFreed"
      | "pos"
      | "calls"
      | "bytesRead"
      | "zeroRun"
      | "zeroRunStart"
      | "zeroReported"
    >,
    create: (handle: number) => number,
  ): IORecord | null {
    const handle = this.nextHandle++;
    const ptr = create(handle);
    if (!ptr) return null;
    const rec: IORecord = {
      ...init,
      handle,
      ptr,
      freed: false,
      bufferFreed: false,
      pos: 0,
      calls: { read_packet: 0, write_packet: 0, seek: 0 },
      bytesRead: 0,
      zeroRun: 0,
      zeroRunStart: 0,
      zeroReported: false,
    };
    this.ios.set(handle, rec);
    return rec;
  }

  liveIOs(): IORecord[] {
    return [...this.ios.values()].filter((r) => !r.freed);
  }

  /** The buffer FFmpeg currently uses (it may have replaced the original). */
  currentBuffer(rec: IORecord): number {
    return this.withCString("buffer", (name) => this.module._wb_avio_field(rec.ptr, name)) >>> 0;
  }

  field(ptr: number, name: string): number {
    return this.withCString(name, (n) => this.module._wb_avio_field(ptr, n));
  }

  freeIO(rec: IORecord): void {
    rec.freed = true;
    this.module._wb_avio_context_free(rec.ptr);
    this.ios.delete(rec.handle);
  }

  setPcmSink(
    handle: number,
    sink: ((data: number, nbSamples: number, channels: number, sampleRate: number) => boolean) | null,
  ): void {
    if (sink) this.pcmSinks.set(handle, sink);
    else this.pcmSinks.delete(handle);
  }

  newHandle(): number {
    return this.nextHandle++;
  }

  // ---- the bridge: FFmpeg → learner callbacks ------------------------------

  private stop(code: DiagnosticCode, params: Record<string, string | number>): number {
    this.runStopped = true;
    this.report(code, params);
    return K.AVERROR_EXIT;
  }

  private invoke(
    rec: IORecord,
    name: CallbackName,
    fn: () => unknown,
  ): { ok: true; value: unknown; ms: number } | { ok: false; ms: number } {
    this.onEnter?.(name, rec.calls[name]);
    const t0 = performance.now();
    try {
      const value = fn();
      this.onExit?.();
      return { ok: true, value, ms: performance.now() - t0 };
    } catch (e) {
      this.onExit?.();
      // Never let a JS exception unwind through wasm frames: C cleanup would be skipped.
      const text = e instanceof Error ? `${e.name}: ${e.message}` : describeValue(e);
      this.report("callback_threw", { callback: name, call: rec.calls[name], value: text });
      return { ok: false, ms: performance.now() - t0 };
    }
  }

  private onRead(handle: number, bufPtr: number, bufSize: number): number {
    const rec = this.ios.get(handle);
    if (!rec?.read_packet) return K.AVERROR_EXTERNAL;
    const call = ++rec.calls.read_packet;
    const posBefore = rec.pos;
    if (this.runStopped) return K.AVERROR_EXIT;
    if (call > this.budget.maxReadCalls || rec.bytesRead > this.budget.maxReadBytes) {
      return this.stop("read_budget_exceeded", {
        calls: call - 1,
        bytes: rec.bytesRead,
        maxCalls: this.budget.maxReadCalls,
        maxBytes: this.budget.maxReadBytes,
      });
    }
    // HEAPU8 must be re-read each call: memory growth replaces the ArrayBuffer.
    const buf = this.module.HEAPU8.subarray(bufPtr, bufPtr + bufSize);
    const r = this.invoke(rec, "read_packet", () => rec.read_packet!(rec.opaque, buf, bufSize));
    let toFFmpeg: number;
    let shown: number | string;
    if (!r.ok) {
      toFFmpeg = K.AVERROR_EXTERNAL;
      shown = "threw";
    } else {
      const v = r.value;
      shown = typeof v === "number" ? v : describeValue(v);
      if (typeof v !== "number" || !Number.isInteger(v)) {
        this.report("callback_not_integer", { callback: "read_packet", call, value: describeValue(v) });
        toFFmpeg = K.AVERROR_EXTERNAL;
      } else if (v > bufSize) {
        this.report("read_packet_overflow", { callback: "read_packet", call, value: v, buf_size: bufSize });
        toFFmpeg = K.AVERROR_EXTERNAL;
        this.runStopped = true;
      } else if (v === 0) {
        if (!rec.zeroReported) {
          rec.zeroReported = true;
          this.report("read_packet_returned_zero", { callback: "read_packet", call, value: 0 });
        }
        if (rec.zeroRun++ === 0) rec.zeroRunStart = call;
        toFFmpeg = 0;
        if (rec.zeroRun >= this.budget.maxZeroReturns) {
          toFFmpeg = this.stop("read_packet_zero_loop", {
            callback: "read_packet",
            call,
            count: rec.zeroRun,
            first: rec.zeroRunStart,
          });
        }
      } else {
        toFFmpeg = v;
        if (v > 0) {
          rec.zeroRun = 0;
          if (rec.pos === this.headLength && this.headLength < PROBE_HEAD) {
            const n = Math.min(v, PROBE_HEAD - this.headLength);
            this.head.set(this.module.HEAPU8.subarray(bufPtr, bufPtr + n), this.headLength);
            this.headLength += n;
          }
          this.recordRead(rec.pos, rec.pos + v);
          rec.pos += v;
          rec.bytesRead += v;
        }
      }
    }
    this.trace.add({
      seq: this.trace.nextSeq(),
      callback: "read_packet",
      call,
      buf_size: bufSize,
      ret: shown,
      returnedToFFmpeg: toFFmpeg,
      bytes: Math.max(toFFmpeg, 0),
      posBefore,
      posAfter: rec.pos,
      ms: r.ms,
    });
    return toFFmpeg;
  }

  private onWrite(handle: number, bufPtr: number, bufSize: number): number {
    const rec = this.ios.get(handle);
    if (!rec?.write_packet) return K.AVERROR_EXTERNAL;
    const call = ++rec.calls.write_packet;
    const posBefore = rec.pos;
    const before = this.module.HEAPU8.slice(bufPtr, bufPtr + bufSize);
    const buf = this.module.HEAPU8.subarray(bufPtr, bufPtr + bufSize);
    const r = this.invoke(rec, "write_packet", () => rec.write_packet!(rec.opaque, buf, bufSize));
    let toFFmpeg: number;
    let shown: number | string = "threw";
    if (!r.ok) toFFmpeg = K.AVERROR_EXTERNAL;
    else {
      const v = r.value;
      shown = typeof v === "number" ? v : describeValue(v);
      if (typeof v !== "number" || !Number.isInteger(v)) {
        this.report("callback_not_integer", { callback: "write_packet", call, value: describeValue(v) });
        toFFmpeg = K.AVERROR_EXTERNAL;
      } else toFFmpeg = v;
      const after = this.module.HEAPU8.subarray(bufPtr, bufPtr + bufSize);
      if (!before.every((b, i) => b === after[i]))
        this.report("write_packet_modified_buffer", { callback: "write_packet", call });
    }
    if (toFFmpeg >= 0) rec.pos += bufSize;
    this.trace.add({
      seq: this.trace.nextSeq(),
      callback: "write_packet",
      call,
      buf_size: bufSize,
      ret: shown,
      returnedToFFmpeg: toFFmpeg,
      bytes: toFFmpeg >= 0 ? bufSize : 0,
      posBefore,
      posAfter: rec.pos,
      ms: r.ms,
    });
    return toFFmpeg;
  }

  private onSeek(handle: number, offset: number, whence: number): number {
    const rec = this.ios.get(handle);
    if (!rec?.seek) return -K.ENOSYS;
    const call = ++rec.calls.seek;
    const posBefore = rec.pos;
    if (this.runStopped) return K.AVERROR_EXIT;
    const r = this.invoke(rec, "seek", () => rec.seek!(rec.opaque, offset, whence));
    let toFFmpeg: number;
    let shown: number | string = "threw";
    const isSize = (whence & K.AVSEEK_SIZE) !== 0;
    const base = whence & ~K.AVSEEK_FORCE;
    if (!r.ok) toFFmpeg = K.AVERROR_EXTERNAL;
    else {
      let v = r.value;
      if (typeof v === "bigint") v = Number(v);
      shown = typeof v === "number" ? v : describeValue(v);
      if (typeof v !== "number" || !Number.isInteger(v)) {
        this.report("callback_not_integer", { callback: "seek", call, value: describeValue(v) });
        toFFmpeg = K.AVERROR_EXTERNAL;
      } else {
        toFFmpeg = v;
        if (isSize) {
          if (v >= 0 && this.sourceSize !== undefined && v !== this.sourceSize)
            this.report("seek_size_wrong", { callback: "seek", call, value: v, size: this.sourceSize });
        } else if (v >= 0) {
          if (base === K.SEEK_SET && v !== offset)
            this.report("seek_wrong_position", {
              callback: "seek",
              call,
              value: v,
              offset,
              whence: whenceName(whence),
            });
          rec.pos = base === K.SEEK_SET ? offset : v;
        } else if (whence & K.AVSEEK_FORCE) {
          this.report("seek_force_not_masked", {
            callback: "seek",
            call,
            value: v,
            whence: whenceName(whence),
          });
        }
      }
    }
    if (r.ok && toFFmpeg >= 0 && this.byteMap.seeks.length < BYTEMAP_KEEP)
      this.byteMap.seeks.push({
        from: posBefore,
        to: isSize ? posBefore : rec.pos,
        seq: this.trace.peekSeq(),
        size: isSize,
      });
    this.trace.add({
      seq: this.trace.nextSeq(),
      callback: "seek",
      call,
      offset,
      whence,
      ret: shown,
      returnedToFFmpeg: toFFmpeg,
      bytes: 0,
      posBefore,
      posAfter: rec.pos,
      ms: r.ms,
    });
    return toFFmpeg;
  }

  /** Extends the last range when reads are contiguous, so a linear read is one range. */
  private recordRead(start: number, end: number): void {
    const reads = this.byteMap.reads;
    const last = reads[reads.length - 1];
    if (last && last.end === start) last.end = end;
    else if (reads.length < BYTEMAP_KEEP) reads.push({ start, end, seq: this.trace.peekSeq() });
  }

  // ---- leaks -------------------------------------------------------------

  /** Reports what is still allocated and (if `free`) frees it so the next run starts clean. */
  collectLeaks(free: boolean): Diagnostic[] {
    const found: Diagnostic[] = [];
    const M = this.module;
    for (const [ptr, kind] of this.formatContexts) {
      const fix = kind === "input" ? "avformat_close_input(fmt_ctx)" : "avformat_free_context(fmt_ctx)";
      found.push(this.report("leak_format_context", { kind, fix }));
      if (free) {
        if (kind === "input") M._wb_avformat_close_input(ptr);
        else M._wb_avformat_free_context(ptr);
      }
    }
    if (free) this.formatContexts.clear();
    for (const rec of this.liveIOs()) {
      if (!rec.bufferFreed) {
        const cur = this.currentBuffer(rec);
        found.push(
          this.report("leak_avio_buffer", { ptr: hex(cur), size: this.field(rec.ptr, "buffer_size") }),
        );
        if (free) M._wb_av_free(cur);
      }
      found.push(this.report("leak_avio_context", {}));
      if (free) this.freeIO(rec);
    }
    for (const [ptr, size] of this.allocations) {
      found.push(this.report("leak_av_malloc", { ptr: hex(ptr), size }));
      if (free) M._wb_av_free(ptr);
    }
    if (free) {
      this.allocations.clear();
      this.freedPointers.clear();
    }
    return found;
  }
}

export function hex(ptr: number): string {
  return `0x${(ptr >>> 0).toString(16).padStart(8, "0")}`;
}

export function whenceName(whence: number): string {
  const parts: string[] = [];
  const base = whence & ~(K.AVSEEK_FORCE | K.AVSEEK_SIZE);
  if (whence & K.AVSEEK_SIZE) parts.push("AVSEEK_SIZE");
  else
    parts.push(
      base === K.SEEK_SET
        ? "SEEK_SET"
        : base === K.SEEK_CUR
          ? "SEEK_CUR"
          : base === K.SEEK_END
            ? "SEEK_END"
            : String(base),
    );
  if (whence & K.AVSEEK_FORCE) parts.push("AVSEEK_FORCE");
  return parts.join(" | ");
}

/**
 * Instantiates the engine from the wasm bytes, or from an already compiled
 * WebAssembly.Module (a page compiles once and hands it to each worker).
 */
export async function instantiateEngine(
  wasm: ArrayBuffer | Uint8Array | WebAssembly.Module,
): Promise<Engine> {
  const module = await createAvioModule({
    ...(wasm instanceof WebAssembly.Module
      ? {
          instantiateWasm: (
            imports: WebAssembly.Imports,
            receive: (instance: WebAssembly.Instance, module: WebAssembly.Module) => void,
          ) => {
            WebAssembly.instantiate(wasm, imports).then((instance) => receive(instance, wasm));
            return {};
          },
        }
      : { wasmBinary: wasm }),
    avioCallbacks: {},
    print: () => {},
    printErr: () => {},
  });
  return new Engine(module);
}
