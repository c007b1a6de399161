// Types for the Emscripten loader in wasm/dist (copied there by build.sh).
export interface AvioModuleCallbacks {
  read_packet(handle: number, buf: number, buf_size: number): number;
  write_packet(handle: number, buf: number, buf_size: number): number;
  seek(handle: number, offset: number, whence: number): number;
  pcm(handle: number, data: number, nb_samples: number, channels: number, sample_rate: number): number;
  log(level: number, line: string): void;
}
export interface AvioModule {
  HEAPU8: Uint8Array;
  HEAP32: Int32Array;
  HEAPF64: Float64Array;
  UTF8ToString(ptr: number): string;
  stringToUTF8(str: string, ptr: number, max: number): void;
  lengthBytesUTF8(str: string): number;
  avioCallbacks: AvioModuleCallbacks;
  [cFunction: `_${string}`]: (...args: number[]) => number;
}
export interface AvioModuleOptions {
  wasmBinary?: ArrayBuffer | Uint8Array;
  instantiateWasm?: (imports: WebAssembly.Imports, receive: (instance: WebAssembly.Instance, module: WebAssembly.Module) => void) => object;
  avioCallbacks: Partial<AvioModuleCallbacks>;
  print?: (s: string) => void;
  printErr?: (s: string) => void;
}
export default function createAvioModule(options: AvioModuleOptions): Promise<AvioModule>;
