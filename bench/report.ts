// Console tables of one bench run: times per codec and length, ratios, cold
// start, sizes, page budget, and each target with met / MISSED.
import type { BenchResults, TargetResult } from "../src/site/performance.ts";
import { downloadRatio, formatTargetValue } from "../src/site/performance.ts";

const ms = (n: number) => n.toFixed(1).padStart(9);
const x = (n: number) => `${n.toFixed(2)}×`.padStart(8);
const kib = (n: number) => `${(n / 1024).toFixed(0)} KiB`;

export const TARGET_TEXT: Record<TargetResult["id"], string> = {
  engineOverNative: "engine / native (long files, every codec)",
  ffmpegWasmOverEngine: "ffmpeg.wasm / engine (long files, every codec)",
  runOverNative: "the Run in Chromium / native (long files, every codec)",
  runOverNode: "the Run in Chromium / engine in Node (long files)",
  firstRunOverLater: "first Run / later Run on a lesson page",
  engineDownload: "engine download (gzip)",
  pageScript: "lesson page JS before the first Run (gzip)",
  grading: "grading 100 submissions (s)",
};

export function printTables(r: BenchResults, targets: TargetResult[] | null): void {
  const out = (s = "") => console.log(s);
  for (const len of ["short", "long"] as const) {
    const first = Object.values(r.codecs)[0];
    out(
      `\n${first[len].seconds} s files — min of ${r.method.reps} interleaved reps, ms (median in brackets for the wasm decoders)`,
    );
    if (len === "short")
      out(
        "  native: decode to /dev/null (rtime); node: engine decode, PCM counted not kept; chromium: the learner's Run (compile, decode, trace, waveform) with the whole file's f32 PCM on the page (shared buffer reused across Runs); ffmpeg.wasm: writeFile + exec + readFile (fresh copy)",
      );
    out(
      `${"codec".padEnd(13)}${"native rt".padStart(9)}${"wall".padStart(9)}${"no-SIMD".padStart(9)}${"node".padStart(9)}${"chromium".padStart(18)}${"ffmpeg.wasm".padStart(20)}  eng/nat  chr/nat chr/node  ffw/chr`,
    );
    for (const [id, c] of Object.entries(r.codecs)) {
      const l = c[len];
      const med = (t: { min: number; median: number }) =>
        `${ms(t.min)} (${t.median.toFixed(0)})`.padStart(18);
      out(
        `${id.padEnd(13)}${ms(l.nativeRtimeMs.min)}${ms(l.nativeWallMs.min)}${ms(l.nativeNoSimdRtimeMs.min)}${ms(l.engineNodeMs.min)}${med(l.engineChromiumMs)}${med(l.ffmpegWasmMs).padStart(20)} ${x(l.engineNodeMs.min / l.nativeRtimeMs.min)} ${x(l.engineChromiumMs.min / l.nativeRtimeMs.min)} ${x(l.engineChromiumMs.min / l.engineNodeMs.min)} ${x(l.ffmpegWasmMs.min / l.engineChromiumMs.min)}`,
      );
    }
  }
  out(
    `\nffmpeg.wasm steps, long files (median ms): ${Object.entries(r.codecs)
      .map(
        ([id, c]) =>
          `${id} write ${c.long.ffmpegWasmPhasesMs.writeFile} / exec ${c.long.ffmpegWasmPhasesMs.exec} / read ${c.long.ffmpegWasmPhasesMs.readFile} / exec -f null ${c.long.ffmpegWasmExecNullMs.median}`,
      )
      .join("; ")}`,
  );
  if (r.coldStart.engineMs.n) {
    const c = r.coldStart;
    out(
      `\ncold start (${c.clip}, fresh browser, ${c.engineMs.n} reps, ms min/median): engine ${c.engineMs.min}/${c.engineMs.median} (ready ${c.engineReadyMs.min}, load ${c.engineLoadMs.min}), ffmpeg.wasm ${c.ffmpegWasmMs.min}/${c.ffmpegWasmMs.median} (ready ${c.ffmpegWasmReadyMs.min}, load ${c.ffmpegWasmLoadMs.min}) → ${r.coldStartRatio.toFixed(2)}×; load alone ${(c.ffmpegWasmLoadMs.min / c.engineLoadMs.min).toFixed(2)}×; navigation → script ${c.scriptMs.median} ms median; first decode engine ${c.engineFirstRunMs.median} / ffmpeg.wasm ${c.ffmpegWasmFirstRunMs.median} ms median`,
    );
  }
  out(
    `download gzip: engine ${kib(r.engineGzipBytes)} (raw ${kib(r.engineRawBytes)}), ffmpeg.wasm ${kib(r.ffmpegWasmGzipBytes)} (raw ${kib(r.ffmpegWasmRawBytes)}) → ${downloadRatio(r).toFixed(1)}×`,
  );
  if (r.pageBudget) {
    const b = r.pageBudget;
    out(
      `page budget ${b.page}: before Run ${b.beforeRun.files} files ${kib(b.beforeRun.raw)} raw / ${kib(b.beforeRun.gzip)} gzip; after the first Run ${b.afterRun.files} files ${kib(b.afterRun.raw)} / ${kib(b.afterRun.gzip)}`,
    );
    out(
      `  Run → waveform (${b.clip}): first ${b.firstRunMs} ms, later min ${b.laterRunMs.min} / median ${b.laterRunMs.median} ms`,
    );
  }
  if (targets) {
    out(`\ntargets`);
    for (const t of targets) {
      const rel = t.kind === "max" ? "≤" : "≥";
      const worst = t.worstCodec ? ` (worst: ${t.worstCodec})` : "";
      out(
        `  ${t.met ? "met   " : "MISSED"} ${TARGET_TEXT[t.id].padEnd(48)} ${formatTargetValue("en", t.unit, t.value)} ${rel} ${formatTargetValue("en", t.unit, t.limit)}${worst}`,
      );
      if (t.perCodec && !t.met)
        out(
          `         ${t.perCodec.map((p) => `${p.codec} ${p.value.toFixed(2)}${p.met ? "" : "✗"}`).join(", ")}`,
        );
    }
  }
  if (r.machine.loadAverage.start > r.machine.cores || r.machine.loadAverage.end > r.machine.cores) {
    out(
      `\nnote: load average ${r.machine.loadAverage.start} → ${r.machine.loadAverage.end} on ${r.machine.cores} cores: the machine was busy, times are noisy`,
    );
  }
}
