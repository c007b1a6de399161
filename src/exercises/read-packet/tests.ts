// read-packet: the memory read_packet of FFmpeg's avio_reading.c.
import { AVERROR_EOF } from "../../avio/constants.ts";
import { expectDecodes, expectRead, fail, memoryState, pattern, readInt, type ExerciseTest } from "../harness.ts";
import { text } from "../messages.ts";

export const requiredExports = ["read_packet"];

export const tests: ExerciseTest[] = [
  {
    name: "copies the first buf_size bytes and returns how many",
    names: { "zh-cn": "复制前 buf_size 个字节，并返回复制的字节数" },
    run(ctx) {
      const data = pattern(100);
      const opaque = { data, pos: 0 };
      expectRead(ctx, opaque, 16, { ret: 16, bytes: data.subarray(0, 16) }, "count", memoryState(100, 0));
      const pos = readInt(opaque, "pos", "read_packet(…, 16)");
      if (pos !== 16) fail("unit_state", { call: "read_packet(…, 16)", field: "opaque.pos", got: pos, want: 16, rule: "partial" });
    },
  },
  {
    name: "continues where the last read stopped",
    names: { "zh-cn": "下一次读取从上次停下的位置继续" },
    run(ctx) {
      const data = pattern(100);
      const opaque = { data, pos: 0 };
      expectRead(ctx, opaque, 30, { ret: 30, bytes: data.subarray(0, 30) }, "count", memoryState(100, 0));
      expectRead(ctx, opaque, 30, { ret: 30, bytes: data.subarray(30, 60) }, "partial", memoryState(100, 30));
      // opaque.data as a view into the middle of a larger buffer (byteOffset 100), as a slice of a download can be.
      const view = pattern(300, 1).subarray(100, 200);
      const bytes = view.subarray(10, 26);
      expectRead(ctx, { data: view, pos: 10 }, 16, { ret: 16, bytes, bytesRule: "byte_offset" }, "count", memoryState(100, 10));
    },
  },
  {
    name: "near the end returns only the bytes that are left",
    names: { "zh-cn": "接近末尾时只返回剩下的字节" },
    run(ctx) {
      const data = pattern(10);
      expectRead(ctx, { data, pos: 6 }, 8, { ret: 4, bytes: data.subarray(6) }, "partial", memoryState(10, 6));
    },
  },
  {
    name: "returns AVERROR_EOF at the end, never 0",
    names: { "zh-cn": "读到末尾时返回 AVERROR_EOF，绝不返回 0" },
    run(ctx) {
      expectRead(ctx, { data: pattern(10), pos: 10 }, 8, { ret: AVERROR_EOF, retName: "AVERROR_EOF" }, "eof", memoryState(10, 10));
      expectRead(ctx, { data: new Uint8Array(0), pos: 0 }, 8, { ret: AVERROR_EOF, retName: "AVERROR_EOF" }, "eof", memoryState(0, 0));
    },
  },
  {
    name: "never writes more than buf_size bytes",
    names: { "zh-cn": "写入的字节数从不超过 buf_size" },
    run(ctx) {
      const data = pattern(5000);
      expectRead(ctx, { data, pos: 0 }, 7, { ret: 7, bytes: data.subarray(0, 7) }, "limit", memoryState(5000, 0));
    },
  },
  { name: "decodes the MP3 sample exactly as FFmpeg does", names: { "zh-cn": "解码 MP3 示例文件，结果与 FFmpeg 完全一致" }, run: (ctx) => expectDecodes(ctx, "mp3-cbr-44k-stereo.mp3") },
  { name: "decodes the FLAC sample exactly as FFmpeg does", names: { "zh-cn": "解码 FLAC 示例文件，结果与 FFmpeg 完全一致" }, run: (ctx) => expectDecodes(ctx, "flac-44k-stereo.flac") },
  { name: "decodes the WAV sample exactly as FFmpeg does", names: { "zh-cn": "解码 WAV 示例文件，结果与 FFmpeg 完全一致" }, run: (ctx) => expectDecodes(ctx, "wav-s16-44k-stereo.wav") },
  {
    name: "decodes a VBR MP3 with an ID3v2 tag",
    names: { "zh-cn": "解码带 ID3v2 标签的 VBR MP3" },
    hidden: true,
    run: (ctx) => expectDecodes(ctx, "mp3-vbr-id3-48k-mono.mp3", { label: text("a hidden MP3", "MP3 文件（隐藏测试）") }),
  },
  {
    name: "decodes Vorbis in Matroska",
    names: { "zh-cn": "解码 Matroska 封装的 Vorbis" },
    hidden: true,
    run: (ctx) => expectDecodes(ctx, "mka-vorbis-22k-mono.mka", { label: text("a hidden MKA", "MKA 文件（隐藏测试）") }),
  },
  {
    name: "decodes 32-bit float WAV with a 1 KiB buffer",
    names: { "zh-cn": "用 1 KiB 缓冲区解码 32 位浮点 WAV" },
    hidden: true,
    run: (ctx) => expectDecodes(ctx, "wav-f32-48k-mono.wav", { buffer_size: 1024, label: text("a hidden WAV", "WAV 文件（隐藏测试）") }),
  },
  {
    name: "decodes Ogg Vorbis with a 64 KiB buffer",
    names: { "zh-cn": "用 64 KiB 缓冲区解码 Ogg Vorbis" },
    hidden: true,
    run: (ctx) => expectDecodes(ctx, "ogg-vorbis-44k-stereo.ogg", { buffer_size: 65536, label: text("a hidden Ogg file", "Ogg 文件（隐藏测试）") }),
  },
];
