// C marshalling over the wasm module's heap: strings, out-parameters and scratch memory for
// the glue's functions (wasm/glue/*.c). Every view is made afresh: memory growth replaces
// the heap's ArrayBuffer, so a view kept across a call into wasm may be detached.
import type { AvioModule } from "../../wasm/dist/avio-engine.mjs";

export class Heap {
  readonly module: AvioModule;
  /** 4 bytes reused for every `int *err` out-parameter (calls never nest). */
  private readonly scratch: number;

  constructor(module: AvioModule) {
    this.module = module;
    this.scratch = module._malloc(64);
  }

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

  /** Calls fn with a malloc'ed copy of bytes, freed afterwards. */
  withBytes<T>(bytes: Uint8Array, fn: (ptr: number) => T): T {
    const p = this.module._malloc(bytes.byteLength);
    try {
      this.module.HEAPU8.set(bytes, p);
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

  /** Calls fn with room for `count` doubles and returns what it wrote there. */
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

  /** Bytes of the wasm heap handed out now (mallinfo's uordblks): what a leak check watches. */
  heapInUse(): number {
    return this.module._wb_heap_in_use() >>> 0;
  }

  memoryBytes(): number {
    return this.module.HEAPU8.buffer.byteLength;
  }
}

export function hex(ptr: number): string {
  return `0x${(ptr >>> 0).toString(16).padStart(8, "0")}`;
}
