// cleanup: the full lifecycle with no leak and no double free; the engine's
// memory checker and the heap itself are the judges.
import { returnName } from "../../avio/trace-text.ts";
import { callLearner, fail, referenceDecode, shownReturn, type ExerciseContext, type ExerciseTest } from "../harness.ts";
import { mapText, phrases, text, type Text } from "../messages.ts";
import { useEngine } from "../../avio/api.ts";

export const requiredExports = ["main"];

/**
 * Runs main(media) as one engine run; fails on any leak or bad free, and on heap growth. When
 * main should succeed it must return 0 and must have decoded the whole file: the samples it
 * decoded (counted at the engine's PCM tap) equal FFmpeg's own count for the file.
 */
async function expectClean(ctx: ExerciseContext, media: string | Uint8Array, label: Text, wantOk: boolean | null) {
  const call = mapText(label, (l) => `main(${l})`);
  const data = typeof media === "string" ? await ctx.media.bytes(media) : media;
  const want = wantOk ? referenceDecode(ctx.engine, data, false).samples : 0;
  useEngine(ctx.engine);
  const heapBefore = ctx.engine.heapInUse();
  let decoded = 0;
  const tap = ctx.engine.pcmTap;
  ctx.engine.pcmTap = (_samples, n) => void (decoded += n);
  ctx.engine.beginSession({ sourceSize: data.length });
  let ret: unknown;
  try {
    ret = callLearner(ctx, "main", [data.slice()], call);
  } finally {
    ctx.engine.pcmTap = tap;
    // endSession reports what is still allocated and frees it for the next test.
    var report = ctx.engine.endSession();
  }
  const trace = [...report.trace.head.slice(0, 8), ...report.trace.tail.slice(-4)];
  if (report.trace.totals.read_packet.calls === 0) fail("no_lifecycle", {}, trace);
  const bad = report.diagnostics.find((d) => d.code.startsWith("leak_") || d.code.includes("free"));
  if (bad) fail("leak_or_free", { message: bad.message }, trace, bad);
  if (wantOk !== null && (typeof ret !== "number" || (wantOk ? ret !== 0 : ret >= 0)))
    fail("unit_return", { call, got: shownReturn(ret), want: wantOk ? "0" : phrases.negative_averror, rule: "" });
  if (wantOk && decoded !== want) fail("sample_count", { media: label, got: decoded, want }, trace);
  const grown = ctx.engine.heapInUse() - heapBefore;
  if (grown > 0)
    fail("leak_or_free", { message: text(`${grown} bytes of the wasm heap stayed allocated after main() returned.`, `main() 返回后，wasm 堆上仍有 ${grown} 字节没有释放。`) });
}

/**
 * An MP4 that opens but holds no track (ftyp, then a moov with only its mvhd): FFmpeg's mov
 * demuxer opens it and avformat_find_stream_info succeeds, so it is av_find_best_stream that
 * fails (AVERROR_STREAM_NOT_FOUND), after the format context is open.
 */
function mp4WithoutTracks(): Uint8Array {
  const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));
  const box = (type: string, body: number[]) => {
    const size = 8 + body.length;
    return [size >>> 24, (size >>> 16) & 255, (size >>> 8) & 255, size & 255, ...ascii(type), ...body];
  };
  const mvhd = new Uint8Array(100); // version 0: times, timescale, duration, rate, volume, matrix, next track id
  const v = new DataView(mvhd.buffer);
  v.setUint32(12, 1000); // timescale
  v.setUint32(20, 0x00010000); // rate 1.0
  v.setUint16(24, 0x0100); // volume 1.0
  for (const [at, x] of [[36, 0x00010000], [52, 0x00010000], [68, 0x40000000]] as const) v.setUint32(at, x); // identity matrix
  v.setUint32(96, 1); // next track id
  return new Uint8Array([...box("ftyp", [...ascii("isom"), 0, 0, 2, 0, ...ascii("isomiso2mp41")]), ...box("moov", box("mvhd", [...mvhd]))]);
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
    name: "frees everything when the file has no audio stream",
    names: { "zh-cn": "文件中没有音频流时释放全部内存" },
    hidden: true,
    run: (ctx) => expectClean(ctx, mp4WithoutTracks(), text("an MP4 without any track", "没有任何轨道的 MP4"), false),
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
