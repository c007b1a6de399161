// fix-the-bug: a read_packet that returns 0 at the end and assumes a 4 KiB buf.
import { AVERROR_EOF } from "../../avio/constants.ts";
import { expectDecodes, expectRead, pattern, type ExerciseTest } from "../harness.ts";

export const requiredExports = ["read_packet"];

export const tests: ExerciseTest[] = [
  {
    name: "fills a small buf (buf_size 16) without overflowing it",
    run(ctx) {
      const data = pattern(10_000);
      expectRead(ctx, { data, pos: 0 }, 16, { ret: 16, bytes: data.subarray(0, 16) }, "limit", "{ 10000 bytes, pos: 0 }");
    },
  },
  {
    name: "fills a large buf (buf_size 65536) as far as the data goes",
    run(ctx) {
      const data = pattern(10_000);
      expectRead(ctx, { data, pos: 0 }, 65536, { ret: 10_000, bytes: data }, "count", "{ 10000 bytes, pos: 0 }");
    },
  },
  {
    name: "returns AVERROR_EOF at the end, never 0",
    run: (ctx) => expectRead(ctx, { data: pattern(10), pos: 10 }, 4096, { ret: AVERROR_EOF, retName: "AVERROR_EOF" }, "eof", "{ 10 bytes, pos: 10 }"),
  },
  { name: "decodes the FLAC sample (FFmpeg loops forever on 0 here)", run: (ctx) => expectDecodes(ctx, "flac-44k-stereo.flac") },
  { name: "decodes the MP3 sample with a 1 KiB buffer", run: (ctx) => expectDecodes(ctx, "mp3-cbr-44k-stereo.mp3", { buffer_size: 1024 }) },
  { name: "decodes WAV with a 512-byte buffer", hidden: true, run: (ctx) => expectDecodes(ctx, "wav-s16-22k-mono.wav", { buffer_size: 512, label: "a hidden WAV" }) },
  { name: "decodes WebM with a 256 KiB buffer", hidden: true, run: (ctx) => expectDecodes(ctx, "webm-opus-48k-stereo.webm", { buffer_size: 262144, label: "a hidden WebM file" }) },
];
