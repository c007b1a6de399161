// The engine: one instance of the wasm FFmpeg and what hangs off it — its heap (heap.ts), who
// owns what in it (ownership.ts), the bridge to the learner's callbacks (bridge.ts) and the record
// of the current run (run-record.ts).
import createAvioModule, { type AvioModule } from "../../wasm/dist/avio-engine.mjs";
import { Bridge } from "./bridge.ts";
import * as K from "./constants.ts";
import type { CallbackName, Diagnostic, DiagnosticCode } from "./diagnostics.ts";
import { Heap } from "./heap.ts";
import type { MissingComponent } from "./missing-types.ts";
import { Ownership, type IORecord } from "./ownership.ts";
import { SessionRecord, type LogLine, type SessionOptions, type SessionReport } from "./session.ts";

type PcmSink = (data: number, nbSamples: number, channels: number, sampleRate: number) => boolean;

export class Engine extends Heap {
  readonly ffmpegVersion: string;
  /** Every av_malloc'ed block, AVIOContext and format context alive, and the rules for freeing them. */
  readonly owned: Ownership;
  /** The current run's record (replaced by beginSession). */
  run = new SessionRecord();
  private pcmSinks = new Map<number, PcmSink>();
  /** Set after a wasm trap: the instance's memory may be inconsistent, load a new one. */
  poisoned = false;
  /** FFmpeg calls now running that call back into learner code (open, find_stream_info, seek, decode). */
  private ffmpegDepth = 0;
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
    super(module);
    this.owned = new Ownership(this, (code, params) => this.report(code, params));
    const bridge = new Bridge(this);
    module.avioCallbacks = {
      read_packet: (h, buf, size) => bridge.read_packet(h, buf, size),
      write_packet: (h, buf, size) => bridge.write_packet(h, buf, size),
      seek: (h, offset, whence) => bridge.seek(h, offset, whence),
      pcm: (h, data, n, channels, rate) => (this.pcmSinks.get(h)?.(data, n, channels, rate) ? 1 : 0),
      log: (level, text) => this.run.addLog(level, text),
    };
    module._wb_init(K.AV_LOG_INFO);
    this.ffmpegVersion = this.cstr(module._wb_ffmpeg_version());
  }

  /** The AVIOContext behind a handle the C trampolines pass (for the bridge). */
  io(handle: number): IORecord | undefined {
    return this.owned.io(handle);
  }

  // ---- runs -------------------------------------------------------------

  /** Starts a fresh record of calls, diagnostics and log lines. */
  beginSession(options: SessionOptions = {}): void {
    this.run = new SessionRecord(options);
  }

  /** Ends the run: reports leaks, frees what the learner left behind, returns the record. */
  endSession({ checkLeaks = true } = {}): SessionReport {
    if (checkLeaks) this.owned.collectLeaks(true);
    return this.run.toReport();
  }

  report(code: DiagnosticCode, params: Record<string, string | number> = {}): Diagnostic {
    return this.run.report(code, params);
  }

  /** Records what this build lacks (the first such failure of the run is the one reported). */
  noteMissing(m: MissingComponent | null): void {
    this.run.noteMissing(m);
  }

  get stopped(): boolean {
    return this.run.stopped;
  }

  /** The first bytes (up to 32 KiB) read_packet delivered from position 0 in this run: what probing saw. */
  probeHead(): Uint8Array {
    return this.run.probeHead();
  }

  lastTrace(n: number) {
    return this.run.trace.last(n);
  }

  takeLog(from: number): LogLine[] {
    return this.run.takeLog(from);
  }

  get logLength(): number {
    return this.run.logLength;
  }

  // ---- calls into FFmpeg that run learner code ---------------------------------

  /**
   * Runs `call`, a libavformat function that may call the learner's callbacks. While it runs,
   * refuseInsideFFmpeg() stops a callback from freeing (or seeking) what FFmpeg is using: in C
   * that is a use-after-free in the middle of FFmpeg's own frame.
   */
  insideFFmpeg<T>(call: () => T): T {
    this.ffmpegDepth++;
    try {
      return call();
    } finally {
      this.ffmpegDepth--;
    }
  }

  /** Throws (into the learner's callback, where the bridge catches it) when called during insideFFmpeg. */
  refuseInsideFFmpeg(fn: string): void {
    if (this.ffmpegDepth > 0)
      throw new Error(
        `${fn}: called from inside a callback while FFmpeg is still running (e.g. during av_seek_frame); ` +
          "FFmpeg is using that context. Call it after the FFmpeg function has returned.",
      );
  }

  // ---- decoded PCM ----------------------------------------------------------

  /** Where the decoder behind `handle` (wasm/glue/demux_decode.c) delivers its converted frames. */
  setPcmSink(handle: number, sink: PcmSink | null): void {
    if (sink) this.pcmSinks.set(handle, sink);
    else this.pcmSinks.delete(handle);
  }
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
