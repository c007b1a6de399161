// cleanup: the full lifecycle with no leak and no double free; the engine's
// memory checker and the heap itself are the judges.
import { returnName } from "../../avio/trace-text.ts";
import { callLearner, fail, type ExerciseContext, type ExerciseTest } from "../harness.ts";
import { mapText, phrases, text, type Text } from "../messages.ts";
import { useEngine } from "../../avio/api.ts";

export const requiredExports = ["main"];

/** Runs main(media) as one engine run; fails on any leak or bad free, and on heap growth. */
async function expectClean(ctx: ExerciseContext, media: string, label: Text, wantOk: boolean | null) {
  const call = mapText(label, (l) => `main(${l})`);
  const data = await ctx.media.bytes(media);
  useEngine(ctx.engine);
  const heapBefore = ctx.engine.heapInUse();
  ctx.engine.beginRun({ sourceSize: data.length });
  let ret: unknown;
  try {
    ret = callLearner(ctx, "main", [data], call);
  } finally {
    // endRun reports what is still allocated and frees it for the next test.
    var report = ctx.engine.endRun();
  }
  const trace = [...report.trace.head.slice(0, 8), ...report.trace.tail.slice(-4)];
  if (report.trace.totals.read_packet.calls === 0) fail("no_lifecycle", {}, trace);
  const bad = report.diagnostics.find((d) => d.code.startsWith("leak_") || d.code.includes("free") || d.code === "use_after_free");
  if (bad) fail("leak_or_free", { message: bad.message }, trace, bad);
  if (wantOk !== null && (typeof ret !== "number" || (wantOk ? ret < 0 : ret >= 0)))
    fail("unit_return", { call, got: typeof ret === "number" ? returnName(ret) : String(ret), want: wantOk ? "0" : phrases.negative_averror, rule: "" });
  const grown = ctx.engine.heapInUse() - heapBefore;
  if (grown > 0)
    fail("leak_or_free", { message: text(`${grown} bytes of the wasm heap stayed allocated after main() returned.`, `main() 返回后，wasm 堆上仍有 ${grown} 字节没有释放。`) });
}

export const tests: ExerciseTest[] = [
  {
    name: "decodes the MP3 sample and frees everything",
    names: { "zh-cn": "解码 MP3 示例文件，并释放全部内存" },
    run: (ctx) => expectClean(ctx, "mp3-cbr-44k-stereo.mp3", text("the MP3 sample", "MP3 示例文件"), true),
  },
  {
    name: "frees everything when avformat_open_input fails",
    names: { "zh-cn": "avformat_open_input 失败时释放全部内存" },
    run: (ctx) => expectClean(ctx, "garbage.bin", text("random bytes", "随机字节"), false),
  },
  {
    name: "frees everything when decoding fails midway",
    names: { "zh-cn": "解码中途失败时释放全部内存" },
    hidden: true,
    run: (ctx) => expectClean(ctx, "m4a-moov-end-48k-stereo.m4a", text("a hidden M4A (no seek)", "M4A 文件（隐藏测试，不提供 seek）"), false),
  },
  {
    name: "frees everything on an empty input",
    names: { "zh-cn": "输入为空时释放全部内存" },
    hidden: true,
    run: (ctx) => expectClean(ctx, "empty.bin", text("0 bytes", "0 字节"), false),
  },
  {
    name: "decodes a FLAC file and frees everything",
    names: { "zh-cn": "解码 FLAC 文件，并释放全部内存" },
    hidden: true,
    run: (ctx) => expectClean(ctx, "flac-22k-mono.flac", text("a hidden FLAC file", "FLAC 文件（隐藏测试）"), true),
  },
];
