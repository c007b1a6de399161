// Shared by the bench pages (browser side): the playground's runner client and
// ffmpeg.wasm, each decoding bytes in memory to PCM in memory.
import { WorkerClient } from "../../src/playground/client.ts";
import { createRunnerWorker } from "../../src/site/runner-worker-url.ts";

/** The memory-io lesson's playground code (read_packet + seek over bytes in memory), injected by bench/bundle.ts. */
declare const __LEARNER_CODE__: string;
export const learnerCode = __LEARNER_CODE__;

export interface DecodeResult {
  /** Wall time on the page from bytes in memory to PCM in memory. */
  ms: number;
  /** Samples per channel decoded. */
  samples: number;
  /** PCM bytes back on the page. */
  pcmBytes: number;
  /** Where the time went: engine — the worker's own run time; ffmpeg.wasm — writeFile, exec, readFile. */
  phases: Record<string, number>;
  error?: string;
}

export function engineClient(): WorkerClient {
  return new WorkerClient({ timeoutMs: 120_000, createWorker: createRunnerWorker });
}

/**
 * One learner Run: the same request a playground's Run button sends (decode mode, the
 * lesson's read_packet/seek), except that the PCM of the whole file comes back (playback
 * seconds cover the file) so the page ends with all of it, as ffmpeg.wasm's readFile does.
 */
export async function engineDecode(
  client: WorkerClient,
  name: string,
  bytes: ArrayBuffer,
  seconds: number,
): Promise<DecodeResult> {
  // run() transfers the bytes, as ffmpeg.wasm's writeFile does: the copy is made before the clock.
  const own = bytes.slice(0);
  const t0 = performance.now();
  const r = await client.run({
    code: learnerCode,
    mode: "decode",
    media: { name, bytes: own },
    buffer_size: 32768,
    useSeek: true,
    waveformPoints: 1000,
    playbackSeconds: seconds + 60,
  });
  const ms = performance.now() - t0;
  if (r.type !== "result" || r.status !== "ok")
    return {
      ms,
      samples: 0,
      pcmBytes: 0,
      phases: {},
      error: r.type !== "result" ? r.type : `${r.status}: ${r.error?.message}`,
    };
  return {
    ms,
    samples: r.info?.decodedSamples ?? 0,
    pcmBytes: r.playback?.pcm.byteLength ?? 0,
    phases: { worker: r.ms },
  };
}

// ffmpeg.wasm is loaded as ES modules from the bench server's copy of node_modules/@ffmpeg.
export interface FFmpegLike {
  load(config: { coreURL: string; wasmURL: string; classWorkerURL: string }): Promise<boolean>;
  writeFile(path: string, data: Uint8Array): Promise<boolean>;
  exec(args: string[]): Promise<number>;
  readFile(path: string): Promise<Uint8Array | string>;
  deleteFile(path: string): Promise<boolean>;
  on(event: "log", callback: (e: { type: string; message: string }) => void): void;
  terminate(): void;
}

/** ffmpeg.wasm's last log lines (its errors go there, not into exec's return value). */
const ffLog: string[] = [];

export async function ffmpegWasm(): Promise<FFmpegLike> {
  const base = new URL("/__bench/ffmpeg/", location.href).href;
  const entry = `${base}ffmpeg/dist/esm/index.js`;
  const { FFmpeg } = await import(/* not bundled */ entry);
  const ff: FFmpegLike = new FFmpeg();
  ff.on("log", ({ message }) => {
    ffLog.push(message);
    if (ffLog.length > 20) ffLog.shift();
  });
  await ff.load({
    coreURL: `${base}core/dist/esm/ffmpeg-core.js`,
    wasmURL: `${base}core/dist/esm/ffmpeg-core.wasm`,
    classWorkerURL: `${base}ffmpeg/dist/esm/worker.js`,
  });
  return ff;
}

/** ffmpeg's arguments for decoding `name` on one thread, quietly, to `output`. */
const singleThreadDecode = (name: string, ...output: string[]) => [
  "-hide_banner",
  "-loglevel",
  "error",
  "-threads",
  "1",
  "-i",
  name,
  ...output,
];

/**
 * ffmpeg.wasm's way to the same PCM (interleaved f32, as the playground's engine makes):
 * writeFile + exec + readFile. writeFile transfers the buffer, so it gets a copy made before the clock starts.
 */
export async function ffmpegWasmDecode(
  ff: FFmpegLike,
  name: string,
  bytes: ArrayBuffer,
  channels: number,
): Promise<DecodeResult> {
  const input = new Uint8Array(bytes.slice(0));
  const t0 = performance.now();
  await ff.writeFile(name, input);
  const t1 = performance.now();
  const ret = await ff.exec(singleThreadDecode(name, "-f", "f32le", "out.pcm"));
  const t2 = performance.now();
  const out = ret === 0 ? ((await ff.readFile("out.pcm")) as Uint8Array) : null;
  const t3 = performance.now();
  const ms = t3 - t0;
  const phases = { writeFile: t1 - t0, exec: t2 - t1, readFile: t3 - t2 };
  await ff.deleteFile(name).catch(() => {});
  if (out) await ff.deleteFile("out.pcm").catch(() => {});
  if (!out)
    return {
      ms,
      samples: 0,
      pcmBytes: 0,
      phases,
      error: `exec returned ${ret}: ${ffLog.slice(-5).join(" | ")}`,
    };
  return { ms, samples: out.byteLength / 4 / channels, pcmBytes: out.byteLength, phases };
}

/** ffmpeg.wasm decoding only: exec with no output (-f null), the input already written. */
export async function ffmpegWasmExecNull(
  ff: FFmpegLike,
  name: string,
  bytes: ArrayBuffer,
): Promise<DecodeResult> {
  await ff.writeFile(name, new Uint8Array(bytes.slice(0)));
  const t0 = performance.now();
  const ret = await ff.exec(singleThreadDecode(name, "-f", "null", "-"));
  const ms = performance.now() - t0;
  await ff.deleteFile(name).catch(() => {});
  return {
    ms,
    samples: 0,
    pcmBytes: 0,
    phases: {},
    ...(ret === 0 ? {} : { error: `exec returned ${ret}: ${ffLog.slice(-5).join(" | ")}` }),
  };
}
