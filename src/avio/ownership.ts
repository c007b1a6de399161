// Who owns which piece of wasm memory, in one place: the learner's av_malloc'ed blocks, the
// AVIOContexts (and the buffer FFmpeg may have swapped in), the format contexts. The learner API
// (api.ts, format.ts, mux.ts) asks here for every allocation and free; the safety net's double-free,
// invalid-free and leak diagnostics come from these rules, and collectLeaks frees what a run left.
import type { CallbackName, Diagnostic, DiagnosticCode } from "./diagnostics.ts";
import { hex, type Heap } from "./heap.ts";
import type { LearnerFunction } from "./boundary.ts";

/** What the engine knows about one AVIOContext it created. */
export interface IORecord {
  handle: number;
  ptr: number;
  opaque: unknown;
  /** The callbacks as handed over: only boundary.ts can call them. */
  read_packet: LearnerFunction | null;
  write_packet: LearnerFunction | null;
  seek: LearnerFunction | null;
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
  /** seek_size_fallback said for this context (once is enough). */
  sizeFallbackNoted: boolean;
}

/** What avio_alloc_context was given. */
export type IOInit = Pick<
  IORecord,
  "opaque" | "read_packet" | "write_packet" | "seek" | "originalBuffer" | "bufferSize"
>;

/** How a live format context must be freed: avformat_close_input for an opened input, else avformat_free_context. */
export type FormatKind = "input" | "output" | "allocated";

type Report = (code: DiagnosticCode, params?: Record<string, string | number>) => Diagnostic;

export class Ownership {
  private readonly ios = new Map<number, IORecord>();
  /** av_malloc'ed pointers the learner still owns (not yet given to an AVIOContext), with their sizes. */
  private readonly allocations = new Map<number, number>();
  private readonly freedPointers = new Set<number>();
  private readonly formats = new Map<number, FormatKind>();
  private nextHandle = 1;

  private readonly heap: Heap;
  private readonly report: Report;

  constructor(heap: Heap, report: Report) {
    this.heap = heap;
    this.report = report;
  }

  /** A handle for the C side to call back with (AVIOContexts, decoders' PCM sinks). */
  newHandle(): number {
    return this.nextHandle++;
  }

  // ---- av_malloc / av_free ------------------------------------------------

  malloc(size: number): number {
    const ptr = this.heap.module._wb_av_malloc(size) >>> 0;
    if (ptr) {
      this.allocations.set(ptr, size);
      this.freedPointers.delete(ptr);
    }
    return ptr;
  }

  /** av_free: a block the learner owns, or a live context's current buffer; anything else is reported, not freed. */
  free(ptr: number): void {
    if (!ptr) return;
    const M = this.heap.module;
    if (this.allocations.delete(ptr)) {
      M._wb_av_free(ptr);
      this.freedPointers.add(ptr);
      return;
    }
    for (const rec of this.liveIOs()) {
      if (rec.bufferFreed) continue;
      const cur = this.currentBuffer(rec);
      if (ptr === cur) {
        M._wb_av_free(ptr);
        rec.bufferFreed = true;
        this.freedPointers.add(ptr);
        return;
      }
      if (ptr === rec.originalBuffer) {
        this.report("double_free_replaced_buffer", { ptr: hex(ptr), current: hex(cur) });
        return;
      }
    }
    if (this.freedPointers.has(ptr)) this.report("double_free", { what: "this pointer", ptr: hex(ptr) });
    else this.report("invalid_free", { ptr: hex(ptr) });
  }

  // ---- AVIOContext ----------------------------------------------------------

  /** avio_alloc_context: the buffer must come from av_malloc, and the context owns it from then on. */
  allocIO(init: IOInit, create: (handle: number) => number): IORecord | null {
    if (!this.allocations.has(init.originalBuffer)) {
      this.report("buffer_not_av_malloc", { ptr: hex(init.originalBuffer) });
      return null;
    }
    const handle = this.newHandle();
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
      sizeFallbackNoted: false,
    };
    this.ios.set(handle, rec);
    this.allocations.delete(init.originalBuffer);
    return rec;
  }

  io(handle: number): IORecord | undefined {
    return this.ios.get(handle);
  }

  liveIOs(): IORecord[] {
    return [...this.ios.values()].filter((r) => !r.freed);
  }

  /** avio_context_free: frees the context; a buffer still attached is a leak (reported, then freed). */
  freeIO(rec: IORecord): void {
    // Only a record this table made is freed: nothing else may reach _wb_avio_context_free.
    if (!rec.freed && this.ios.get(rec.handle) !== rec)
      throw new TypeError("not an AVIOContext from avio_alloc_context");
    if (rec.freed) {
      this.report("double_free", { what: "AVIOContext", ptr: hex(rec.ptr) });
      return;
    }
    if (!rec.bufferFreed) {
      const cur = this.currentBuffer(rec);
      this.report("leak_avio_buffer", { ptr: hex(cur), size: rec.bufferSize });
      this.heap.module._wb_av_free(cur); // keep the module clean for the next run
    }
    this.release(rec);
  }

  /** A field of the live C struct (wasm/glue/bridge.c wb_avio_field). */
  field(ptr: number, name: string): number {
    return this.heap.withCString(name, (n) => this.heap.module._wb_avio_field(ptr, n));
  }

  /** The buffer FFmpeg currently uses (it may have replaced the original). */
  currentBuffer(rec: IORecord): number {
    return this.field(rec.ptr, "buffer") >>> 0;
  }

  private release(rec: IORecord): void {
    rec.freed = true;
    this.heap.module._wb_avio_context_free(rec.ptr);
    this.ios.delete(rec.handle);
  }

  // ---- format contexts --------------------------------------------------------

  /** A context from avformat_alloc_context ("allocated"), avformat_alloc_output_context2 ("output"), or opened ("input"). */
  holdFormat(ptr: number, kind: FormatKind): void {
    this.formats.set(ptr, kind);
  }

  /** How the context was made: "input" once avformat_open_input succeeded (undefined: freed). */
  formatKind(ptr: number): FormatKind | undefined {
    return this.formats.get(ptr);
  }

  /** avformat_open_input failed: FFmpeg freed the context itself. */
  forgetFormat(ptr: number): void {
    this.formats.delete(ptr);
  }

  /** avformat_close_input: an opened input is closed (demuxer and all), any other context freed. */
  closeFormat(ptr: number): void {
    if (this.formats.get(ptr) === "input") this.heap.module._wb_avformat_close_input(ptr);
    else this.heap.module._wb_avformat_free_context(ptr);
    this.formats.delete(ptr);
  }

  /** avformat_free_context: frees the context as it is (on an opened input, the demuxer's state leaks, as in C). */
  freeFormat(ptr: number): void {
    this.heap.module._wb_avformat_free_context(ptr);
    this.formats.delete(ptr);
  }

  // ---- leaks ----------------------------------------------------------------

  /** Reports what is still allocated and (if `free`) frees it so the next run starts clean. */
  collectLeaks(free: boolean): Diagnostic[] {
    const found: Diagnostic[] = [];
    for (const [ptr, kind] of [...this.formats]) {
      const fix = kind === "input" ? "avformat_close_input(fmt_ctx)" : "avformat_free_context(fmt_ctx)";
      found.push(this.report("leak_format_context", { kind, fix }));
      if (free) this.closeFormat(ptr);
    }
    for (const rec of this.liveIOs()) {
      if (!rec.bufferFreed) {
        const cur = this.currentBuffer(rec);
        found.push(
          this.report("leak_avio_buffer", { ptr: hex(cur), size: this.field(rec.ptr, "buffer_size") }),
        );
        if (free) this.heap.module._wb_av_free(cur);
      }
      found.push(this.report("leak_avio_context", {}));
      if (free) this.release(rec);
    }
    for (const [ptr, size] of this.allocations) {
      found.push(this.report("leak_av_malloc", { ptr: hex(ptr), size }));
      if (free) this.heap.module._wb_av_free(ptr);
    }
    if (free) {
      this.allocations.clear();
      this.freedPointers.clear();
    }
    return found;
  }
}
