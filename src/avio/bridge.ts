// The bridge: FFmpeg → the learner's callbacks, with the safety net around every call.
//
// FFmpeg calls read_packet/write_packet/seek synchronously from inside wasm; the C trampolines
// (wasm/glue/bridge.c) land here with a handle, which maps to the learner's opaque value and
// functions. Each return value is checked before FFmpeg sees it, and a JS exception never
// unwinds through wasm frames (C cleanup would be skipped and memory leak). Learner code never
// sees wasm memory: `buf` is a fresh array of exactly buf_size bytes, copied in (write_packet) or
// out (read_packet) by this file; calls and returned values go through boundary.ts.
import type { AvioModule } from "../../wasm/dist/avio-engine.mjs";
import * as K from "./constants.ts";
import {
  callLearner,
  copyInto,
  describeValue,
  fitsInt,
  type LearnerFunction,
  readInteger,
  sameBytes,
} from "./boundary.ts";
import type { CallbackName, DiagnosticCode } from "./diagnostics.ts";
import type { IORecord } from "./ownership.ts";
import type { SessionRecord } from "./session.ts";

/** What the bridge needs from the engine: the module, the AVIOContexts by handle, the current run and its watchdog hooks. */
export interface BridgeHost {
  readonly module: AvioModule;
  readonly run: SessionRecord;
  io(handle: number): IORecord | undefined;
  onEnter: ((callback: CallbackName, call: number) => void) | null;
  onExit: (() => void) | null;
}

type Invoked = { ok: true; value: unknown; ms: number } | { ok: false; ms: number };

export class Bridge {
  private readonly host: BridgeHost;
  private scratch: ArrayBuffer | null = null;

  constructor(host: BridgeHost) {
    this.host = host;
  }

  private stop(code: DiagnosticCode, params: Record<string, string | number>): number {
    this.host.run.stopped = true;
    this.host.run.report(code, params);
    return K.AVERROR_EXIT;
  }

  private invoke(rec: IORecord, name: CallbackName, fn: LearnerFunction, buf: unknown, arg: number): Invoked {
    this.host.onEnter?.(name, rec.calls[name]);
    const t0 = performance.now();
    const r = callLearner(fn, [rec.opaque, buf, arg]);
    this.host.onExit?.();
    const ms = performance.now() - t0;
    if (r.ok) return { ok: true, value: r.value, ms };
    const call = rec.calls[name];
    if (r.thrown === null) this.host.run.report("callback_threw_unshowable", { callback: name, call });
    else
      this.host.run.report("callback_threw", {
        callback: name,
        call,
        value: r.thrown,
        ...(r.at ? { line: r.at.line, column: r.at.column } : {}),
      });
    return { ok: false, ms };
  }

  read_packet(handle: number, bufPtr: number, bufSize: number): number {
    const { run, module } = this.host;
    const rec = this.host.io(handle);
    if (!rec?.read_packet) return K.AVERROR_EXTERNAL;
    const call = ++rec.calls.read_packet;
    const posBefore = rec.pos;
    if (run.stopped) return K.AVERROR_EXIT;
    if (call > run.budget.maxReadCalls || rec.bytesRead > run.budget.maxReadBytes) {
      return this.stop("read_budget_exceeded", {
        calls: call - 1,
        bytes: rec.bytesRead,
        maxCalls: run.budget.maxReadCalls,
        maxBytes: run.budget.maxReadBytes,
      });
    }
    // A buffer of the bridge's own, not a view of HEAPU8 (whose .buffer is all of wasm memory), taken
    // before the learner holds the array, so what is copied back cannot be redirected. It is reused
    // from call to call (it only ever holds what the learner wrote, as FFmpeg's own buffer holds stale
    // bytes in C); one the learner detached is replaced.
    if (!this.scratch || this.scratch.byteLength < bufSize) this.scratch = new ArrayBuffer(bufSize);
    const bytes = this.scratch;
    const buf = new Uint8Array(bytes, 0, bufSize);
    const r = this.invoke(rec, "read_packet", rec.read_packet, buf, bufSize);
    let toFFmpeg: number;
    let shown: number | string;
    const got = r.ok ? readInteger(r.value, "int") : null;
    if (!r.ok) {
      toFFmpeg = K.AVERROR_EXTERNAL;
      shown = "threw";
    } else if (!got!.ok || (got!.n < 0 && !fitsInt(got!.n))) {
      shown = describeValue(r.value);
      run.report("callback_not_integer", { callback: "read_packet", call, value: shown });
      toFFmpeg = K.AVERROR_EXTERNAL;
    } else {
      const v = got!.n;
      shown = v;
      if (v > bufSize) {
        run.report("read_packet_overflow", { callback: "read_packet", call, value: v, buf_size: bufSize });
        toFFmpeg = K.AVERROR_EXTERNAL;
        run.stopped = true;
      } else if (v === 0) {
        if (!rec.zeroReported) {
          rec.zeroReported = true;
          run.report("read_packet_returned_zero", { callback: "read_packet", call, value: 0 });
        }
        if (rec.zeroRun++ === 0) rec.zeroRunStart = call;
        toFFmpeg = 0;
        if (rec.zeroRun >= run.budget.maxZeroReturns) {
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
          // HEAPU8 is read afresh: memory growth replaces the ArrayBuffer.
          if (!copyInto(module.HEAPU8, bufPtr, bytes, v)) {
            toFFmpeg = this.stop("buffer_detached", { callback: "read_packet", call });
          } else {
            rec.zeroRun = 0;
            run.noteRead(rec.pos, module.HEAPU8.subarray(bufPtr, bufPtr + v));
            rec.pos += v;
            rec.bytesRead += v;
          }
        }
      }
    }
    run.trace.add({
      seq: run.trace.nextSeq(),
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

  write_packet(handle: number, bufPtr: number, bufSize: number): number {
    const { run, module } = this.host;
    const rec = this.host.io(handle);
    if (!rec?.write_packet) return K.AVERROR_EXTERNAL;
    const call = ++rec.calls.write_packet;
    const posBefore = rec.pos;
    // The learner gets a copy; FFmpeg's bytes stay where they are, so a change to buf is only reported.
    const buf = module.HEAPU8.slice(bufPtr, bufPtr + bufSize);
    const bytes = buf.buffer;
    const r = this.invoke(rec, "write_packet", rec.write_packet, buf, bufSize);
    let toFFmpeg: number;
    let shown: number | string = "threw";
    if (!r.ok) toFFmpeg = K.AVERROR_EXTERNAL;
    else {
      const got = readInteger(r.value, "int");
      if (!got.ok || !fitsInt(got.n)) {
        shown = describeValue(r.value);
        run.report("callback_not_integer", { callback: "write_packet", call, value: shown });
        toFFmpeg = K.AVERROR_EXTERNAL;
      } else toFFmpeg = shown = got.n;
      if (!sameBytes(bytes, module.HEAPU8, bufPtr, bufSize))
        run.report("write_packet_modified_buffer", { callback: "write_packet", call });
    }
    if (toFFmpeg >= 0) {
      // FFmpeg's own bytes (the heap, which learner code never holds), where FFmpeg put them.
      run.noteWrite(handle, posBefore, module.HEAPU8.subarray(bufPtr, bufPtr + bufSize));
      rec.pos += bufSize;
    }
    run.trace.add({
      seq: run.trace.nextSeq(),
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

  seek(handle: number, offset: number, whence: number): number {
    const { run } = this.host;
    const rec = this.host.io(handle);
    if (!rec?.seek) return -K.ENOSYS;
    const call = ++rec.calls.seek;
    const posBefore = rec.pos;
    if (run.stopped) return K.AVERROR_EXIT;
    const r = this.invoke(rec, "seek", rec.seek, offset, whence);
    let toFFmpeg: number;
    let shown: number | string = "threw";
    const isSize = (whence & K.AVSEEK_SIZE) !== 0;
    const base = whence & ~K.AVSEEK_FORCE;
    if (!r.ok) toFFmpeg = K.AVERROR_EXTERNAL;
    else {
      const got = readInteger(r.value, "int64");
      if (!got.ok) {
        shown = got.shown;
        run.report("callback_not_integer", { callback: "seek", call, value: shown });
        toFFmpeg = K.AVERROR_EXTERNAL;
      } else {
        const v = got.n;
        shown = v;
        toFFmpeg = v;
        if (isSize) {
          if (v >= 0 && run.sourceSize !== undefined && v !== run.sourceSize)
            run.report("seek_size_wrong", { callback: "seek", call, value: v, size: run.sourceSize });
          // avio_size() falls back to SEEK_END on a negative answer: said once, not per question.
          else if (v < 0 && run.sourceSize !== undefined && !rec.sizeFallbackNoted) {
            rec.sizeFallbackNoted = true;
            run.report("seek_size_fallback", { callback: "seek", call, value: v, size: run.sourceSize });
          }
        } else if (v >= 0) {
          if (base === K.SEEK_SET && v !== offset)
            run.report("seek_wrong_position", {
              callback: "seek",
              call,
              value: v,
              offset,
              whence: whenceName(whence),
            });
          rec.pos = base === K.SEEK_SET ? offset : v;
        } else if (whence & K.AVSEEK_FORCE) {
          run.report("seek_force_not_masked", {
            callback: "seek",
            call,
            value: v,
            whence: whenceName(whence),
          });
        }
      }
    }
    if (r.ok && toFFmpeg >= 0) run.noteSeek(posBefore, isSize ? posBefore : rec.pos, isSize);
    run.trace.add({
      seq: run.trace.nextSeq(),
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
