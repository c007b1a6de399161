// Cold start of ffmpeg.wasm: this page is opened in a fresh browser; from
// navigation (performance.now() = 0) to the 10 s clip's PCM on the page.
import { ffmpegWasm, ffmpegWasmDecode } from "./shared.ts";

const params = new URLSearchParams(location.search);
const clip = params.get("clip")!;
const channels = Number(params.get("channels"));
const bytes = fetch(clip).then((r) => r.arrayBuffer());
const startMs = performance.now();
const ff = await ffmpegWasm();
const readyMs = performance.now();
const r = await ffmpegWasmDecode(ff, clip.split("/").pop()!, await bytes, channels);
const doneMs = performance.now();
(globalThis as unknown as { cold: unknown }).cold = {
  ...r,
  readyMs,
  doneMs,
  phases: { ...r.phases, script: startMs, load: readyMs - startMs, run: doneMs - readyMs },
};
