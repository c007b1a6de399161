// Download sizes of the two wasm decoders: every file a page fetches to use
// each one, raw and gzip -9 (what a server with compression would send).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

export interface DownloadSize {
  files: { name: string; raw: number; gzip: number }[];
  raw: number;
  gzip: number;
}

function measure(dir: string, names: string[]): DownloadSize {
  const files = names.map((name) => {
    const b = readFileSync(join(dir, name));
    return { name, raw: b.length, gzip: gzipSync(b, { level: 9 }).length };
  });
  return { files, raw: files.reduce((a, f) => a + f.raw, 0), gzip: files.reduce((a, f) => a + f.gzip, 0) };
}

/** The engine: the .wasm and its Emscripten loader (the runner's own code is counted in the page budget). */
export const engineSize = (root: string) =>
  measure(join(root, "wasm/dist"), ["avio-engine.wasm", "avio-engine.mjs"]);

/** ffmpeg.wasm: core .wasm + loader, and the @ffmpeg/ffmpeg modules (class + worker) the page loads. */
export const ffmpegWasmSize = (root: string) =>
  measure(join(root, "node_modules/@ffmpeg"), [
    "core/dist/esm/ffmpeg-core.wasm",
    "core/dist/esm/ffmpeg-core.js",
    ...["index", "classes", "worker", "const", "errors", "utils", "types"].map(
      (m) => `ffmpeg/dist/esm/${m}.js`,
    ),
  ]);

export function packageVersion(root: string, name: string): string {
  return JSON.parse(readFileSync(join(root, "node_modules", name, "package.json"), "utf8")).version;
}
