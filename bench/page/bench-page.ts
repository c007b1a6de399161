// The warm bench page: both decoders loaded once, then driven run by run from
// bench/chromium.ts through window.bench.
import {
  engineClient,
  engineDecode,
  ffmpegWasm,
  ffmpegWasmDecode,
  ffmpegWasmExecNull,
  type DecodeResult,
  type FFmpegLike,
} from "./shared.ts";

const media = new Map<string, ArrayBuffer>();
async function bytesOf(url: string): Promise<ArrayBuffer> {
  let b = media.get(url);
  if (!b) {
    const res = await fetch(url);
    if (!res.ok) throw new Error(`${url}: ${res.status}`);
    b = await res.arrayBuffer();
    media.set(url, b);
  }
  return b;
}

const client = engineClient();
let ff: FFmpegLike | null = null;
const nameOf = (url: string) => url.split("/").pop()!;

const bench = {
  async ready(): Promise<{ crossOriginIsolated: boolean }> {
    await client.ready();
    ff = await ffmpegWasm();
    return { crossOriginIsolated };
  },
  /**
   * A fresh ffmpeg.wasm instance. One instance, exec after exec, aborted here after about 160
   * calls (a libavcodec assertion, then Aborted()): its exit() leaves the wasm stack unwound.
   */
  async reloadFfmpegWasm(): Promise<void> {
    ff?.terminate();
    ff = await ffmpegWasm();
  },
  async engine(url: string, seconds: number): Promise<DecodeResult> {
    return engineDecode(client, nameOf(url), await bytesOf(url), seconds);
  },
  async ffmpegWasm(url: string, channels: number): Promise<DecodeResult> {
    return ffmpegWasmDecode(ff!, nameOf(url), await bytesOf(url), channels);
  },
  async ffmpegWasmNull(url: string): Promise<DecodeResult> {
    return ffmpegWasmExecNull(ff!, nameOf(url), await bytesOf(url));
  },
};
(globalThis as unknown as { bench: typeof bench }).bench = bench;
