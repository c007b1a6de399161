// The learner-facing API: FFmpeg's C functions, one TS function each, in the
// same order and with the same arguments as FFmpeg's doc/examples, so lesson
// code reads line for line like the C beside it. Pointers are numbers;
// FFmpeg structs are small objects whose fields read the live C struct.
// This file: the engine the functions act on, errors, memory and AVIOContext; the format
// contexts are in format.ts, decoding in decode.ts, output in mux.ts. Who owns which memory
// is decided in one place, ownership.ts.
import { learnerFunction } from "./boundary.ts";
import type { ReadPacket, Seek, WritePacket } from "./callbacks.ts";
import type { Engine } from "./engine.ts";
import type { IORecord } from "./ownership.ts";

let current: Engine | null = null;

/** @internal Makes `engine` the one the functions below act on (the runtime does this before learner code runs). */
export function useEngine(engine: Engine): void {
  current = engine;
}

/** @internal The engine the API acts on. */
export function currentEngine(): Engine {
  if (!current)
    throw new Error("The FFmpeg engine is not loaded yet: await loadEngine() before calling the avio API.");
  return current;
}
const engine = currentEngine;

/**
 * @internal Proves a constructor call comes from this package: learner code can reach the classes
 * through "avio" (instanceof needs them) but cannot make one, so every handle it holds is the engine's.
 */
export const HOST = Symbol("avio host");

/** @internal An integer argument of an API call; anything else is the caller's TypeError, read without running its code. */
export function intArg(v: unknown, fn: string, name: string): number {
  if (typeof v !== "number" || !Number.isSafeInteger(v))
    throw new TypeError(`${fn}: ${name} must be an integer, got ${typeof v === "number" ? v : typeof v}`);
  return v;
}

// ---- errors ---------------------------------------------------------------
/** AVERROR(e): FFmpeg's error code for errno e (a negative number). */
export function AVERROR(e: number): number {
  return -Math.abs(e);
}

/** The text FFmpeg gives for an error code, e.g. "End of file". */
export function av_err2str(errnum: number): string {
  return engine().err2str(intArg(errnum, "av_err2str", "errnum"));
}

// ---- memory ---------------------------------------------------------------

/** av_malloc: `size` bytes from FFmpeg's allocator. Returns a pointer (0 on failure). */
export function av_malloc(size: number): number {
  return engine().owned.malloc(intArg(size, "av_malloc", "size"));
}

/** av_free: frees memory from av_malloc. Freeing 0 does nothing, as in C. */
export function av_free(ptr: number): void {
  const e = engine();
  const p = intArg(ptr, "av_free", "ptr");
  e.refuseInsideFFmpeg("av_free");
  e.owned.free(p);
}

/** av_freep(&obj.key): frees obj[key] and sets it to 0 — TS has no `&`, so pass the holder and the field name. */
export function av_freep<T extends object, Key extends keyof T>(holder: T, key: Key): void {
  av_free(holder[key] as unknown as number);
  (holder as Record<Key, unknown>)[key] = 0;
}

// ---- AVIOContext ----------------------------------------------------------

// The engine's records behind the objects learner code holds. Kept in a WeakMap, not in fields:
// learner code must not be able to rewrite what the safety net and the leak check rely on.
const ioRecords = new WeakMap<AVIOContext, IORecord>();

/** @internal The engine's record of an AVIOContext (host code only). */
export function ioRecordOf(ctx: AVIOContext): IORecord {
  const rec = ioRecords.get(ctx);
  if (!rec) throw new TypeError("not an AVIOContext from avio_alloc_context");
  return rec;
}

/** A live view of FFmpeg's AVIOContext (fields read from the C struct on every access). */
export class AVIOContext {
  /** @internal */
  constructor(host: typeof HOST, rec: IORecord) {
    if (host !== HOST) throw new TypeError("AVIOContext: use avio_alloc_context()");
    ioRecords.set(this, rec);
  }
  private get(name: string): number {
    if (ioRecordOf(this).freed) throw new Error("AVIOContext used after avio_context_free");
    return engine().owned.field(ioRecordOf(this).ptr, name);
  }
  /** The buffer FFmpeg uses now. libavformat may replace the one you passed in: free this one. */
  get buffer(): number {
    return ioRecordOf(this).bufferFreed ? 0 : this.get("buffer") >>> 0;
  }
  /** Only `av_freep(avio_ctx, "buffer")` writes this (to 0). */
  set buffer(v: number) {
    if (v !== 0) throw new Error("avio_ctx.buffer can only be cleared (av_freep sets it to 0)");
  }
  get buffer_size(): number {
    return this.get("buffer_size");
  }
  /** AVIO_SEEKABLE_NORMAL when a seek callback was given, 0 otherwise (until you set it). */
  get seekable(): number {
    return this.get("seekable");
  }
  /**
   * `avio_ctx->seekable = 0`: demuxers then read forward instead of jumping, and your seek
   * only hears AVSEEK_SIZE and the moves avio_seek() cannot make inside its buffer.
   */
  set seekable(v: number) {
    if (ioRecordOf(this).freed) throw new Error("AVIOContext used after avio_context_free");
    if (!Number.isInteger(v)) throw new TypeError(`avio_ctx.seekable must be an integer, got ${v}`);
    engine().module._wb_avio_set_seekable(ioRecordOf(this).ptr, v);
  }
  /** Byte position in the stream of the end of the buffered data. */
  get pos(): number {
    return this.get("pos");
  }
  get eof_reached(): number {
    return this.get("eof_reached");
  }
  /** The error read_packet/write_packet last returned, or 0. */
  get error(): number {
    return this.get("error");
  }
  get write_flag(): number {
    return this.get("write_flag");
  }
  get bytes_read(): number {
    return this.get("bytes_read");
  }
  get opaque(): unknown {
    return ioRecordOf(this).opaque;
  }
  /** The pointer you passed to avio_alloc_context (for lessons that show it being replaced). */
  get original_buffer(): number {
    return ioRecordOf(this).originalBuffer;
  }
}

/**
 * avio_alloc_context: an AVIOContext whose I/O goes through your callbacks.
 * @param buffer memory from av_malloc; the context owns it from now on and libavformat may replace it.
 * @param buffer_size its size; each read_packet call is asked for at most this many bytes.
 * @param write_flag 1 if FFmpeg writes (output, write_packet), 0 if it reads (input, read_packet).
 * @param opaque your state, handed back as the first argument of every callback.
 * @param read_packet refills the buffer; returns bytes written (1..buf_size) or a negative AVERROR, AVERROR_EOF at the end — never 0.
 * @param write_packet receives buf_size bytes FFmpeg produced; must not modify them.
 * @param seek moves to a byte position (whence SEEK_SET/CUR/END) or answers AVSEEK_SIZE; null if the source cannot seek.
 */
export function avio_alloc_context<O>(
  buffer: number,
  buffer_size: number,
  write_flag: number,
  opaque: O,
  read_packet: ReadPacket<O> | null,
  write_packet: WritePacket<O> | null,
  seek: Seek<O> | null,
): AVIOContext | null {
  const e = engine();
  const fn = "avio_alloc_context";
  const rec = e.owned.allocIO(
    {
      opaque,
      read_packet: learnerFunction(read_packet),
      write_packet: learnerFunction(write_packet),
      seek: learnerFunction(seek),
      originalBuffer: intArg(buffer, fn, "buffer"),
      bufferSize: intArg(buffer_size, fn, "buffer_size"),
    },
    (handle) =>
      e.module._wb_avio_alloc_context(
        buffer,
        buffer_size,
        write_flag ? 1 : 0,
        handle,
        typeof read_packet === "function" ? 1 : 0,
        typeof write_packet === "function" ? 1 : 0,
        typeof seek === "function" ? 1 : 0,
      ) >>> 0,
  );
  return rec && new AVIOContext(HOST, rec);
}

/** avio_context_free(&avio_ctx): frees the context (not its buffer: av_freep(avio_ctx, "buffer") first). */
export function avio_context_free(s: AVIOContext | null): void {
  if (!s) return;
  engine().refuseInsideFFmpeg("avio_context_free");
  engine().owned.freeIO(ioRecordOf(s));
}
