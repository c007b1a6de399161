// chunked-source: read_packet over uneven chunks, no seeking.
import { AVERROR_EOF } from "../../avio/constants.ts";
import { expectDecodes, expectRead, pattern, type ExerciseTest } from "../harness.ts";
import { text } from "../messages.ts";

export const requiredExports = ["read_packet"];

/** Splits data into chunks of pseudo-random sizes in [min, max] (seeded, so failures reproduce). */
export function split(data: Uint8Array, min: number, max: number, seed: number): Uint8Array[] {
  const chunks: Uint8Array[] = [];
  let x = seed;
  for (let at = 0; at < data.length; ) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    const size = min + (x % (max - min + 1));
    chunks.push(data.subarray(at, at + size));
    at += size;
    if (x % 7 === 0) chunks.push(new Uint8Array(0)); // empty chunks happen too
  }
  return chunks;
}

const source = (chunks: Uint8Array[]) => ({ chunks, index: 0, offset: 0 });
const chunked = (min: number, max: number, seed: number) => (data: Uint8Array) => source(split(data, min, max, seed));

export const tests: ExerciseTest[] = [
  {
    name: "reads inside the first chunk",
    names: { "zh-cn": "在第一个块内读取" },
    run(ctx) {
      const a = pattern(10);
      expectRead(ctx, source([a, pattern(5, 3)]), 4, { ret: 4, bytes: a.subarray(0, 4) }, "count", "{ chunks: [10, 5] }");
    },
  },
  {
    name: "crosses a chunk boundary in one read",
    names: { "zh-cn": "一次读取跨过块的边界" },
    run(ctx) {
      const a = pattern(3);
      const b = pattern(5, 9);
      const want = new Uint8Array([...a, ...b.subarray(0, 3)]);
      expectRead(ctx, source([a, b]), 6, { ret: 6, bytes: want }, "chunks", "{ chunks: [3, 5] }");
    },
  },
  {
    name: "skips empty chunks",
    names: { "zh-cn": "跳过空块" },
    run(ctx) {
      const a = pattern(2);
      const b = pattern(4, 5);
      const want = new Uint8Array([...a, ...b]);
      expectRead(ctx, source([a, new Uint8Array(0), new Uint8Array(0), b]), 10, { ret: 6, bytes: want }, "chunks", "{ chunks: [2, 0, 0, 4] }");
    },
  },
  {
    name: "successive reads continue in the middle of a chunk",
    names: { "zh-cn": "连续读取时从块的中间接着读" },
    run(ctx) {
      const a = pattern(10);
      const op = source([a]);
      expectRead(ctx, op, 4, { ret: 4, bytes: a.subarray(0, 4) }, "count", "{ chunks: [10] }");
      expectRead(ctx, op, 4, { ret: 4, bytes: a.subarray(4, 8) }, "partial", text("{ chunks: [10], after 4 bytes }", "{ chunks: [10], 已读 4 字节 }"));
    },
  },
  {
    name: "returns AVERROR_EOF after the last chunk, never 0",
    names: { "zh-cn": "最后一个块读完后返回 AVERROR_EOF，绝不返回 0" },
    run(ctx) {
      const op = { chunks: [pattern(3), new Uint8Array(0)], index: 1, offset: 0 };
      expectRead(ctx, op, 8, { ret: AVERROR_EOF, retName: "AVERROR_EOF" }, "eof", text("{ chunks: [3, 0], at the end }", "{ chunks: [3, 0], 已到末尾 }"));
    },
  },
  {
    name: "decodes an MP3 split into chunks of 1–9000 bytes",
    names: { "zh-cn": "解码切成 1–9000 字节小块的 MP3" },
    run: (ctx) => expectDecodes(ctx, "mp3-cbr-44k-stereo.mp3", { opaque: chunked(1, 9000, 7) }),
  },
  {
    name: "decodes ADTS AAC split into chunks of 1–100 bytes",
    names: { "zh-cn": "解码切成 1–100 字节小块的 ADTS AAC" },
    hidden: true,
    run: (ctx) => expectDecodes(ctx, "aac-adts-44k-stereo.aac", { opaque: chunked(1, 100, 11), label: text("a hidden AAC stream", "AAC 流（隐藏测试）") }),
  },
  {
    name: "decodes Ogg Vorbis split into chunks of 5000–70000 bytes",
    names: { "zh-cn": "解码切成 5000–70000 字节大块的 Ogg Vorbis" },
    hidden: true,
    run: (ctx) => expectDecodes(ctx, "ogg-vorbis-44k-stereo.ogg", { opaque: chunked(5000, 70000, 3), label: text("a hidden Ogg stream", "Ogg 流（隐藏测试）") }),
  },
  {
    name: "decodes FLAC in one-byte chunks with a 512-byte buffer",
    names: { "zh-cn": "用 512 字节的缓冲区解码切成单字节块的 FLAC" },
    hidden: true,
    run: (ctx) =>
      expectDecodes(ctx, "flac-22k-mono.flac", { opaque: chunked(1, 1, 1), buffer_size: 512, label: text("a hidden FLAC stream", "FLAC 流（隐藏测试）") }),
  },
];
