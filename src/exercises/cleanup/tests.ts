// cleanup: the full lifecycle with no leak and no double free; the engine's
// memory checker and the heap itself are the judges.
import { callLearner, fail, type ExerciseContext, type ExerciseTest } from "../harness.ts";
import { useEngine } from "../../avio/api.ts";

export const requiredExports = ["main"];

/** Runs main(media) as one engine run; fails on any leak or bad free, and on heap growth. */
async function expectClean(ctx: ExerciseContext, media: string, label: string, wantOk: boolean | null) {
  const data = await ctx.media.bytes(media);
  useEngine(ctx.engine);
  const heapBefore = ctx.engine.heapInUse();
  ctx.engine.beginRun({ sourceSize: data.length });
  let ret: unknown;
  try {
    ret = callLearner(ctx, "main", [data], `main(${label})`);
  } finally {
    // endRun reports what is still allocated and frees it for the next test.
    var report = ctx.engine.endRun();
  }
  const trace = [...report.trace.head.slice(0, 8), ...report.trace.tail.slice(-4)];
  if (report.trace.totals.read_packet.calls === 0) fail("no_lifecycle", {}, trace);
  const bad = report.diagnostics.find((d) => d.code.startsWith("leak_") || d.code.includes("free") || d.code === "use_after_free");
  if (bad) fail("leak_or_free", { message: bad.message }, trace, bad);
  if (wantOk !== null && (typeof ret !== "number" || (wantOk ? ret < 0 : ret >= 0)))
    fail("unit_return", { call: `main(${label})`, got: String(ret), want: wantOk ? "0" : "a negative AVERROR", rule: "" });
  const grown = ctx.engine.heapInUse() - heapBefore;
  if (grown > 0) fail("leak_or_free", { message: `${grown} bytes of the wasm heap stayed allocated after main() returned.` });
}

export const tests: ExerciseTest[] = [
  { name: "decodes the MP3 sample and frees everything", run: (ctx) => expectClean(ctx, "mp3-cbr-44k-stereo.mp3", "the MP3 sample", true) },
  { name: "frees everything when avformat_open_input fails", run: (ctx) => expectClean(ctx, "garbage.bin", "random bytes", false) },
  { name: "frees everything when decoding fails midway", hidden: true, run: (ctx) => expectClean(ctx, "m4a-moov-end-48k-stereo.m4a", "a hidden M4A (no seek)", false) },
  { name: "frees everything on an empty input", hidden: true, run: (ctx) => expectClean(ctx, "empty.bin", "0 bytes", false) },
  { name: "decodes a FLAC file and frees everything", hidden: true, run: (ctx) => expectClean(ctx, "flac-22k-mono.flac", "a hidden FLAC file", true) },
];
