// npm run bench [-- --seconds N --reps N]
// Decode time of the wasm engine (Node) against native ffmpeg -threads 1 on the
// same files, interleaved repetitions, min and median; then read_packet calls
// and time per buffer size. Writes bench/results.json.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { memory_read_packet, memory_seek } from "../src/avio/memory.ts";
import { loadEngine } from "../src/avio/node.ts";
import { decodeWithCallbacks } from "../src/avio/run.ts";

const { values } = parseArgs({ options: { seconds: { type: "string", default: "60" }, reps: { type: "string", default: "7" } } });
const seconds = Number(values.seconds);
const reps = Number(values.reps);
const root = new URL("..", import.meta.url).pathname;
const media = join(tmpdir(), `avio-bench-${seconds}s`);

if (!existsSync(join(media, "references.json"))) {
  mkdirSync(media, { recursive: true });
  console.error(`making ${seconds} s test media in ${media} …`);
  execFileSync("bash", [join(root, "scripts/make-fixtures.sh"), media, String(seconds)], { stdio: "inherit" });
}
// One file per codec (the first of each in name order), no broken inputs.
const refs = JSON.parse(readFileSync(join(media, "references.json"), "utf8")).files;
const byCodec = new Map<string, string>();
for (const f of readdirSync(media).sort()) {
  const r = refs[f];
  if (!r || r.nativeExit !== 0 || f.startsWith("truncated")) continue;
  const key = r.codec === "pcm_s16le" || r.codec === "pcm_f32le" ? r.codec : r.format.startsWith("mov") ? "aac (m4a)" : r.codec;
  if (!byCodec.has(key)) byCodec.set(key, f);
}

function nativeRtime(file: string, extra: string[] = []): number {
  const r = spawnSync("ffmpeg", ["-hide_banner", "-nostdin", "-threads", "1", ...extra, "-benchmark", "-i", file, "-f", "s16le", "-y", "/dev/null"], { encoding: "utf8" });
  const m = /rtime=([\d.]+)s/.exec(r.stderr);
  if (!m) throw new Error(`no -benchmark line from ffmpeg for ${file}:\n${r.stderr}`);
  return Number(m[1]) * 1000;
}

const engine = await loadEngine();
function engineMs(data: Uint8Array, bufferSize = 32768) {
  const t0 = performance.now();
  const o = decodeWithCallbacks(engine, { opaque: { data, pos: 0 }, read_packet: memory_read_packet, seek: memory_seek, buffer_size: bufferSize, keep_samples: 0 });
  const ms = performance.now() - t0;
  if (!o.ok) throw new Error(`engine failed: ${o.error}`);
  return { ms, reads: o.report.trace.totals.read_packet.calls, readMs: o.report.trace.totals.read_packet.ms };
}

const stats = (xs: number[]) => {
  const s = xs.slice().sort((a, b) => a - b);
  return { min: s[0], median: s[Math.floor(s.length / 2)] };
};
const fmt = (n: number) => n.toFixed(1).padStart(8);

console.log(`engine vs native ffmpeg 5.1.9 -threads 1, ${seconds} s files, ${reps} interleaved reps (ms; native = -benchmark rtime)`);
console.log("codec        file                               native  native-cpuflags0  engine(min)  engine(med)  ratio(min)  ratio vs cpuflags0");
const codecs: Record<string, unknown> = {};
for (const [codec, file] of byCodec) {
  const path = join(media, file);
  const data = new Uint8Array(readFileSync(path));
  engineMs(data); // warm-up: JIT tiers, one-time tables
  const nat: number[] = [];
  const nat0: number[] = [];
  const eng: number[] = [];
  for (let i = 0; i < reps; i++) {
    nat.push(nativeRtime(path));
    nat0.push(nativeRtime(path, ["-cpuflags", "0"]));
    eng.push(engineMs(data).ms);
  }
  const n = stats(nat);
  const n0 = stats(nat0);
  const e = stats(eng);
  codecs[codec] = { file, nativeMs: n, nativeNoSimdMs: n0, engineMs: e, engineOverNative: e.min / n.min, engineOverNativeNoSimd: e.min / n0.min };
  console.log(`${codec.padEnd(12)} ${file.padEnd(32)} ${fmt(n.min)} ${fmt(n0.min).padStart(17)} ${fmt(e.min).padStart(12)} ${fmt(e.median).padStart(12)} ${(e.min / n.min).toFixed(2).padStart(11)} ${(e.min / n0.min).toFixed(2).padStart(19)}`);
}

console.log("\nread_packet calls and time by buffer_size (engine, min of reps)");
const sizes = [1024, 4096, 32768, 262144];
const bufferSizes: Record<string, unknown> = {};
for (const codec of ["mp3", "flac", "aac (m4a)"]) {
  const file = byCodec.get(codec);
  if (!file) continue;
  const data = new Uint8Array(readFileSync(join(media, file)));
  const row: Record<number, unknown> = {};
  const cells: string[] = [];
  for (const size of sizes) {
    const runs = Array.from({ length: reps }, () => engineMs(data, size));
    const best = runs.reduce((a, b) => (b.ms < a.ms ? b : a));
    row[size] = { reads: best.reads, ms: best.ms };
    cells.push(`${size / 1024} KiB: ${best.reads} calls ${best.ms.toFixed(1)} ms`);
  }
  bufferSizes[codec] = row;
  console.log(`${codec.padEnd(12)} ${cells.join(" | ")}`);
}

const manifest = JSON.parse(readFileSync(join(root, "wasm/dist/manifest.json"), "utf8"));
const gzip = (f: string) => Number(execFileSync("bash", ["-c", `gzip -9c '${f}' | wc -c`]).toString());
const engineGzipBytes = gzip(join(root, "wasm/dist/avio-engine.wasm")) + gzip(join(root, "wasm/dist/avio-engine.mjs"));
console.log(`\n.wasm + loader gzipped: ${(engineGzipBytes / 1024).toFixed(0)} KiB`);

const resultsPath = join(root, "bench/results.json");
const previous = existsSync(resultsPath) ? JSON.parse(readFileSync(resultsPath, "utf8")) : {};
writeFileSync(
  resultsPath,
  JSON.stringify(
    {
      ...previous,
      date: new Date().toISOString(),
      machine: { cpu: cpus()[0]?.model, cores: cpus().length, node: process.version },
      versions: { ffmpeg: manifest.ffmpeg, emcc: manifest.emcc, native: execFileSync("ffmpeg", ["-version"]).toString().split("\n")[0] },
      method: { seconds, reps, native: "ffmpeg -threads 1 -benchmark -i FILE -f s16le /dev/null (rtime)", engine: "decodeWithCallbacks in Node, buffer 32 KiB, memory read_packet/seek" },
      engineNode: codecs,
      bufferSizes,
      engineGzipBytes,
    },
    null,
    2,
  ) + "\n",
);
console.log(`wrote ${resultsPath}`);
