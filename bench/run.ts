// npm run bench [-- --quick] [--reps N] [--cold-reps N] [--codecs mp3,flac] [--skip budget,cold,buffers,grading]
//                [--site DIR] [--out FILE] [--short S] [--long S]
//
// Native FFmpeg, this engine (Node, and the playground's worker in Chromium) and ffmpeg.wasm
// (same Chromium) decoding the same files to PCM, in one run on one machine: interleaved
// repetitions, min and median; cold starts in fresh browsers; download sizes; the page budget
// of a lesson on the built site. Prints ratios against the targets and writes bench/results.json.
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { cpus, loadavg, tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import {
  evaluateTargets,
  downloadRatio,
  type BenchResults,
  type CodecResult,
  type LengthResult,
} from "../src/site/performance.ts";
import { chromiumVersion } from "./browser.ts";
import { bundlePages } from "./bundle.ts";
import { WarmPage } from "./chromium.ts";
import { coldStart, type ColdRun } from "./cold-start.ts";
import { CODECS, QUICK_CODECS, ensureMedia, mediaDir, type MediaFile } from "./media.ts";
import { benchGrading } from "./grading.ts";
import { nativeDecode, nativeVersion } from "./native.ts";
import { nodeEngine, readBytes } from "./node-engine.ts";
import { BUDGET_PAGE, buildSite, measurePageBudget } from "./page-budget.ts";
import { printTables } from "./report.ts";
import { startServer } from "./server.ts";
import { engineSize, ffmpegWasmSize, packageVersion } from "./sizes.ts";
import { ratioOfMins, roundOrder, roundSummary, summarize, round } from "./stats.ts";

const { values: args } = parseArgs({
  options: {
    quick: { type: "boolean", default: false },
    reps: { type: "string" },
    "cold-reps": { type: "string" },
    codecs: { type: "string" },
    skip: { type: "string", default: "" },
    site: { type: "string" },
    out: { type: "string" },
    short: { type: "string", default: "10" },
    long: { type: "string", default: "300" },
  },
});
const quick = args.quick!;
const reps = Number(args.reps ?? (quick ? 3 : 5));
const coldReps = Number(args["cold-reps"] ?? (quick ? 2 : 5));
const skip = new Set(args.skip!.split(",").filter(Boolean));
const root = new URL("..", import.meta.url).pathname;
const outPath = args.out ?? join(root, "bench/results.json");
const wanted = args.codecs ? args.codecs.split(",") : quick ? QUICK_CODECS : CODECS.map((c) => c.id);
const codecs = wanted.map(
  (id) =>
    CODECS.find((c) => c.id === id) ??
    fail(`unknown codec ${id} (known: ${CODECS.map((c) => c.id).join(", ")})`),
);
const lengths = { short: Number(args.short), long: Number(args.long) };
const started = performance.now();
const loadStart = loadavg()[0];
function fail(m: string): never {
  throw new Error(m);
}
const log = (m: string) =>
  console.error(`[${((performance.now() - started) / 1000).toFixed(0).padStart(4)} s] ${m}`);

// --- media, and a snapshot of the engine (another build may replace wasm/dist meanwhile) ---
const media = {
  short: ensureMedia(root, lengths.short, codecs),
  long: ensureMedia(root, lengths.long, codecs),
};
const work = mkdtempSync(join(tmpdir(), "avio-bench-"));
let server: Awaited<ReturnType<typeof startServer>> | null = null;
let page: WarmPage | null = null;
try {
  const engineDir = join(work, "engine");
  cpSync(join(root, "wasm/dist"), engineDir, { recursive: true });
  const sha = (f: string) => createHash("sha256").update(readFileSync(f)).digest("hex");
  const wasmSha = sha(join(engineDir, "avio-engine.wasm"));
  const manifest = JSON.parse(readFileSync(join(engineDir, "manifest.json"), "utf8"));
  if (manifest.sha256 && manifest.sha256 !== wasmSha)
    log(
      `warning: wasm/dist/manifest.json names sha256 ${manifest.sha256.slice(0, 8)}…, the .wasm is ${wasmSha.slice(0, 8)}…`,
    );

  log(`bundling the bench pages (playground client + worker, ffmpeg.wasm driver)`);
  await bundlePages(root, join(work, "pages"));
  const mounts: Record<string, string> = {
    "/__bench/pages/": join(work, "pages"),
    "/__bench/engine/": engineDir,
    "/__bench/ffmpeg/": join(root, "node_modules/@ffmpeg"),
    [`/__bench/media/${lengths.short}s/`]: mediaDir(lengths.short),
    [`/__bench/media/${lengths.long}s/`]: mediaDir(lengths.long),
  };
  const site = skip.has("budget") ? null : (args.site ?? buildSite(root, join(work, "site")));
  if (site) mounts["/"] = site;
  server = await startServer(mounts);
  log(`serving on ${server.origin}`);

  // --- warm decoders, interleaved ---
  const decodeNode = await nodeEngine(join(engineDir, "avio-engine.wasm"));
  page = await WarmPage.open(server.origin);
  const warm = page;
  type Task = "native" | "nativeNoSimd" | "node" | "chromium" | "ffmpegWasm" | "ffmpegWasmNull";
  const TASKS: Task[] = ["native", "nativeNoSimd", "node", "chromium", "ffmpegWasm", "ffmpegWasmNull"];
  type Samples = Record<
    | "nativeRtime"
    | "nativeWall"
    | "nativeNoSimd"
    | "node"
    | "chromium"
    | "ffmpegWasm"
    | "fwWrite"
    | "fwExec"
    | "fwRead"
    | "fwNull"
    | "chromiumWorker",
    number[]
  >;
  const all = [...media.short, ...media.long];
  const samples = new Map<MediaFile, Samples>(
    all.map((m) => [
      m,
      {
        nativeRtime: [],
        nativeWall: [],
        nativeNoSimd: [],
        node: [],
        chromium: [],
        ffmpegWasm: [],
        fwWrite: [],
        fwExec: [],
        fwRead: [],
        fwNull: [],
        chromiumWorker: [],
      },
    ]),
  );
  const bytes = new Map(all.map((m) => [m, readBytes(m.path)]));

  const runTask = async (task: Task, m: MediaFile, s: Samples | null) => {
    if (task === "native") {
      const r = nativeDecode(m.path);
      s?.nativeRtime.push(r.rtimeMs);
      s?.nativeWall.push(r.wallMs);
    } else if (task === "nativeNoSimd") {
      const r = nativeDecode(m.path, ["-cpuflags", "0"]);
      s?.nativeNoSimd.push(r.rtimeMs);
    } else if (task === "node") {
      const r = decodeNode(bytes.get(m)!);
      if (Math.abs(r.samples - m.samples) > Math.max(4096, m.samples * 0.005))
        fail(`engine (Node) decoded ${r.samples} samples from ${m.path}, native ${m.samples}`);
      s?.node.push(r.ms);
    } else if (task === "chromium") {
      const r = await warm.engine(m);
      s?.chromium.push(r.ms);
      s?.chromiumWorker.push(r.phases.worker);
    } else if (task === "ffmpegWasmNull") {
      s?.fwNull.push((await warm.ffmpegWasmNull(m)).ms);
    } else {
      const r = await warm.ffmpegWasm(m);
      s?.ffmpegWasm.push(r.ms);
      s?.fwWrite.push(r.phases.writeFile);
      s?.fwExec.push(r.phases.exec);
      s?.fwRead.push(r.phases.readFile);
    }
  };

  log(`warm-up: every decoder once on every file`);
  for (const m of all) for (const t of TASKS) await runTask(t, m, null);
  for (let r = 0; r < reps; r++) {
    log(`round ${r + 1}/${reps}`);
    // One ffmpeg.wasm instance does not survive ~160 execs (see bench-page.ts): a fresh one per round.
    await warm.reloadFfmpegWasm(media.short[0]);
    for (const m of all)
      for (const t of roundOrder(TASKS, r + all.indexOf(m))) await runTask(t, m, samples.get(m)!);
  }
  await warm.close();
  page = null;

  const lengthResult = (m: MediaFile): LengthResult => {
    const s = samples.get(m)!;
    const med = (xs: number[]) => round(summarize(xs).median);
    return {
      seconds: m.seconds,
      file: m.codec.file,
      bytes: m.bytes,
      nativeRtimeMs: roundSummary(summarize(s.nativeRtime)),
      nativeWallMs: roundSummary(summarize(s.nativeWall)),
      nativeNoSimdRtimeMs: roundSummary(summarize(s.nativeNoSimd)),
      engineNodeMs: roundSummary(summarize(s.node)),
      engineChromiumMs: roundSummary(summarize(s.chromium)),
      engineChromiumWorkerMs: roundSummary(summarize(s.chromiumWorker)),
      ffmpegWasmMs: roundSummary(summarize(s.ffmpegWasm)),
      ffmpegWasmPhasesMs: { writeFile: med(s.fwWrite), exec: med(s.fwExec), readFile: med(s.fwRead) },
      ffmpegWasmExecNullMs: roundSummary(summarize(s.fwNull)),
    };
  };
  const codecResults: Record<string, CodecResult> = {};
  codecs.forEach((c, i) => {
    const long = samples.get(media.long[i])!;
    const S = (xs: number[]) => summarize(xs);
    codecResults[c.id] = {
      label: c.label,
      engineOverNative: round(ratioOfMins(S(long.node), S(long.nativeRtime)), 3),
      ffmpegWasmOverEngine: round(ratioOfMins(S(long.ffmpegWasm), S(long.chromium)), 3),
      engineChromiumOverNative: round(ratioOfMins(S(long.chromium), S(long.nativeRtime)), 3),
      engineOverNativeNoSimd: round(ratioOfMins(S(long.node), S(long.nativeNoSimd)), 3),
      short: lengthResult(media.short[i]),
      long: lengthResult(media.long[i]),
    };
  });

  // --- cold start: a fresh browser per repetition, the two decoders alternating ---
  const clip = media.short.find((m) => m.codec.id === "mp3") ?? media.short[0];
  const cold = { engine: [] as ColdRun[], ffmpegWasm: [] as ColdRun[] };
  if (!skip.has("cold")) {
    for (let r = 0; r < coldReps; r++) {
      log(`cold start ${r + 1}/${coldReps}`);
      for (const kind of r % 2 ? (["ffmpegWasm", "engine"] as const) : (["engine", "ffmpegWasm"] as const))
        cold[kind].push(await coldStart(server.origin, kind, clip));
    }
  }

  // --- download sizes ---
  const eng = engineSize(root);
  const ffw = ffmpegWasmSize(root);

  // --- page budget on the built site ---
  let pageBudget: BenchResults["pageBudget"];
  if (site) {
    log(`page budget: ${BUDGET_PAGE} on the built site (${site})`);
    const b = await measurePageBudget(server.origin, clip, quick ? 2 : 4);
    pageBudget = { ...b, firstRunMs: round(b.firstRunMs), laterRunMs: roundSummary(b.laterRunMs) };
  }

  // --- read_packet calls and time by buffer_size (engine in Node, long files) ---
  let bufferSizes: BenchResults["bufferSizes"];
  if (!skip.has("buffers") && !quick) {
    log(`buffer sizes`);
    bufferSizes = {};
    for (const id of ["mp3", "flac", "aac-m4a"]) {
      const m = media.long.find((x) => x.codec.id === id);
      if (!m) continue;
      const row: Record<string, { reads: number; ms: number }> = {};
      for (const size of [1024, 4096, 32768, 262144]) {
        const runs = Array.from({ length: 3 }, () => decodeNode(bytes.get(m)!, size));
        const best = runs.reduce((a, b) => (b.ms < a.ms ? b : a));
        row[size] = { reads: best.reads, ms: round(best.ms) };
      }
      bufferSizes[id] = row;
    }
  }

  // --- grading throughput (the teacher's CLI, one process per submission) ---
  let grading: BenchResults["grading"];
  if (!skip.has("grading")) {
    log(`grading: 100 read-packet submissions`);
    grading = benchGrading(root, 20);
    log(
      `grading: ${grading.seconds} s (${grading.perMinute} submissions/min on ${grading.jobs} jobs; target <= 60 s on 2 cores)`,
    );
  }

  const coldSummary = (xs: ColdRun[], k: "doneMs" | "readyMs" | "loadMs" | "scriptMs" | "firstRunMs") =>
    roundSummary(summarize(xs.map((x) => x[k])));
  const haveCold = cold.engine.length > 0;
  const os = existsSync("/etc/os-release")
    ? (/PRETTY_NAME="([^"]+)"/.exec(readFileSync("/etc/os-release", "utf8"))?.[1] ?? "Linux")
    : process.platform;
  const results: BenchResults = {
    date: new Date().toISOString(),
    quick,
    machine: {
      cpu: cpus()[0]?.model.trim() ?? "unknown",
      cores: cpus().length,
      memoryGiB: Math.round(totalmem() / 2 ** 30),
      os,
      loadAverage: { start: round(loadStart, 2), end: round(loadavg()[0], 2) },
    },
    versions: {
      engine: { ffmpeg: manifest.ffmpeg, emcc: manifest.emcc, wasmSha256: wasmSha },
      native: nativeVersion(),
      ffmpegWasm: {
        ffmpeg: packageVersion(root, "@ffmpeg/ffmpeg"),
        core: packageVersion(root, "@ffmpeg/core"),
      },
      node: process.version,
      chromium: chromiumVersion(),
      playwright: packageVersion(root, "playwright-core"),
    },
    method: {
      reps,
      coldReps: haveCold ? coldReps : 0,
      shortSeconds: lengths.short,
      longSeconds: lengths.long,
      interleaving:
        "each round runs every decoder once per file, in an order rotated every round; one warm-up run each first; min and median over rounds",
      native:
        "ffmpeg -threads 1 -benchmark -i FILE -f s16le /dev/null: rtime (decode, no process start) and wall time of the process",
      engineNode: "decodeWithCallbacks in Node, memory read_packet/seek, buffer 32 KiB, PCM counted not kept",
      engineChromium:
        "the playground's WorkerClient.run() → its module worker (the Run button's path), the memory-io lesson's read_packet/seek, buffer 32 KiB; timed on the page from bytes in memory to the whole file's f32 PCM back on the page (playbackSeconds covers the file; a playground keeps 120 s) and the waveform drawn from every sample. The PCM lands in a SharedArrayBuffer the worker reuses from Run to Run (the page is cross-origin isolated): later Runs write into pages already mapped, where ffmpeg.wasm's readFile copies into a fresh buffer",
      ffmpegWasm:
        "@ffmpeg/ffmpeg in the same page (module worker, single-thread core, local files): writeFile + exec(-threads 1 -i FILE -f f32le out.pcm) + readFile; timed on the page from bytes in memory to PCM on the page. Also exec alone with -f null (no output) to separate decoding from its file system. A fresh instance (terminate + load + one untimed exec) every round: one instance aborted after ~160 execs",
      coldStart:
        "fresh Chromium process and profile per run; page clock from navigation to the PCM of the 10 s clip (script, download over loopback, compile, worker start, decode); load = the page's script start → decoder ready",
      sizes:
        "gzip -9 of the files each decoder needs: engine .wasm + loader; ffmpeg.wasm core .wasm + loader + @ffmpeg/ffmpeg modules",
      pageBudget:
        "built site, fresh browser, service worker blocked: JS and wasm responses before and after the first Run of the first playground (own file: the 10 s clip); click → waveform painted",
    },
    codecs: codecResults,
    coldStart: {
      clip: clip.codec.file,
      engineMs: haveCold ? coldSummary(cold.engine, "doneMs") : { min: 0, median: 0, n: 0 },
      ffmpegWasmMs: haveCold ? coldSummary(cold.ffmpegWasm, "doneMs") : { min: 0, median: 0, n: 0 },
      engineReadyMs: haveCold ? coldSummary(cold.engine, "readyMs") : { min: 0, median: 0, n: 0 },
      ffmpegWasmReadyMs: haveCold ? coldSummary(cold.ffmpegWasm, "readyMs") : { min: 0, median: 0, n: 0 },
      engineLoadMs: haveCold ? coldSummary(cold.engine, "loadMs") : { min: 0, median: 0, n: 0 },
      ffmpegWasmLoadMs: haveCold ? coldSummary(cold.ffmpegWasm, "loadMs") : { min: 0, median: 0, n: 0 },
      engineFirstRunMs: haveCold ? coldSummary(cold.engine, "firstRunMs") : { min: 0, median: 0, n: 0 },
      ffmpegWasmFirstRunMs: haveCold
        ? coldSummary(cold.ffmpegWasm, "firstRunMs")
        : { min: 0, median: 0, n: 0 },
      scriptMs: haveCold
        ? coldSummary([...cold.engine, ...cold.ffmpegWasm], "scriptMs")
        : { min: 0, median: 0, n: 0 },
    },
    coldStartRatio: haveCold
      ? round(
          ratioOfMins(
            summarize(cold.ffmpegWasm.map((x) => x.doneMs)),
            summarize(cold.engine.map((x) => x.doneMs)),
          ),
          3,
        )
      : 0,
    engineGzipBytes: eng.gzip,
    engineRawBytes: eng.raw,
    ffmpegWasmGzipBytes: ffw.gzip,
    ffmpegWasmRawBytes: ffw.raw,
    ...(pageBudget ? { pageBudget } : {}),
    ...(bufferSizes ? { bufferSizes } : {}),
    ...(grading ? { grading } : {}),
  };

  const after = sha(join(root, "wasm/dist/avio-engine.wasm"));
  if (after !== wasmSha)
    log(
      `note: wasm/dist/avio-engine.wasm changed during the run (measured ${wasmSha.slice(0, 8)}…, now ${after.slice(0, 8)}…)`,
    );
  printTables(results, haveCold ? evaluateTargets(results) : null);
  writeFileSync(outPath, `${JSON.stringify(results, null, 2)}\n`);
  log(`wrote ${outPath} (download ratio ${downloadRatio(results).toFixed(1)}×)`);
} finally {
  await page?.close().catch(() => {});
  await server?.close();
  rmSync(work, { recursive: true, force: true });
}
