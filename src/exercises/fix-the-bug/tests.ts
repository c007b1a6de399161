// fix-the-bug: a read_packet that returns 0 at the end and assumes a 4 KiB buf.
import { AVERROR_EOF } from "../../avio/constants.ts";
import { expectDecodes, expectRead, memoryState, pattern, type ExerciseTest } from "../harness.ts";
import { text } from "../messages.ts";

export const requiredExports = ["read_packet"];

export const tests: ExerciseTest[] = [
  {
    name: "fills a small buf (buf_size 16) without overflowing it",
    names: { "zh-cn": "填充较小的 buf（buf_size 16），不越界" },
    run(ctx) {
      const data = pattern(10_000);
      expectRead(ctx, { data, pos: 0 }, 16, { ret: 16, bytes: data.subarray(0, 16) }, "limit", memoryState(10_000, 0));
    },
  },
  {
    name: "fills a large buf (buf_size 65536) as far as the data goes",
    names: { "zh-cn": "填充较大的 buf（buf_size 65536），数据有多少就填多少" },
    run(ctx) {
      const data = pattern(10_000);
      expectRead(ctx, { data, pos: 0 }, 65536, { ret: 10_000, bytes: data }, "count", memoryState(10_000, 0));
    },
  },
  {
    name: "returns AVERROR_EOF at the end, never 0",
    names: { "zh-cn": "读到末尾时返回 AVERROR_EOF，绝不返回 0" },
    run: (ctx) => expectRead(ctx, { data: pattern(10), pos: 10 }, 4096, { ret: AVERROR_EOF, retName: "AVERROR_EOF" }, "eof", memoryState(10, 10)),
  },
  {
    name: "decodes the FLAC sample (FFmpeg loops forever on 0 here)",
    names: { "zh-cn": "解码 FLAC 示例文件（在这里返回 0 会让 FFmpeg 无限循环）" },
    run: (ctx) => expectDecodes(ctx, "flac-44k-stereo.flac"),
  },
  {
    name: "decodes the MP3 sample with a 1 KiB buffer",
    names: { "zh-cn": "用 1 KiB 缓冲区解码 MP3 示例文件" },
    run: (ctx) => expectDecodes(ctx, "mp3-cbr-44k-stereo.mp3", { buffer_size: 1024 }),
  },
  {
    name: "decodes WAV with a 512-byte buffer",
    names: { "zh-cn": "用 512 字节的缓冲区解码 WAV" },
    hidden: true,
    run: (ctx) => expectDecodes(ctx, "wav-s16-22k-mono.wav", { buffer_size: 512, label: text("a hidden WAV", "WAV 文件（隐藏测试）") }),
  },
  {
    name: "decodes WebM with a 256 KiB buffer",
    names: { "zh-cn": "用 256 KiB 缓冲区解码 WebM" },
    hidden: true,
    run: (ctx) => expectDecodes(ctx, "webm-opus-48k-stereo.webm", { buffer_size: 262144, label: text("a hidden WebM file", "WebM 文件（隐藏测试）") }),
  },
];
