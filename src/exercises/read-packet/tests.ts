// read-packet: the memory read_packet of FFmpeg's avio_reading.c.
import { AVERROR_EOF } from "../../avio/constants.ts";
import { expectDecodes, expectRead, fail, pattern, type ExerciseTest } from "../harness.ts";

export const requiredExports = ["read_packet"];

export const tests: ExerciseTest[] = [
  {
    name: "copies the first buf_size bytes and returns how many",
    run(ctx) {
      const data = pattern(100);
      const opaque = { data, pos: 0 };
      expectRead(ctx, opaque, 16, { ret: 16, bytes: data.subarray(0, 16) }, "count", "{ 100 bytes, pos: 0 }");
      if (opaque.pos !== 16) fail("unit_state", { call: "read_packet(…, 16)", field: "opaque.pos", got: opaque.pos, want: 16, rule: "partial" });
    },
  },
  {
    name: "continues where the last read stopped",
    run(ctx) {
      const data = pattern(100);
      const opaque = { data, pos: 0 };
      expectRead(ctx, opaque, 30, { ret: 30, bytes: data.subarray(0, 30) }, "count", "{ 100 bytes, pos: 0 }");
      expectRead(ctx, opaque, 30, { ret: 30, bytes: data.subarray(30, 60) }, "partial", "{ 100 bytes, pos: 30 }");
    },
  },
  {
    name: "near the end returns only the bytes that are left",
    run(ctx) {
      const data = pattern(10);
      expectRead(ctx, { data, pos: 6 }, 8, { ret: 4, bytes: data.subarray(6) }, "partial", "{ 10 bytes, pos: 6 }");
    },
  },
  {
    name: "returns AVERROR_EOF at the end, never 0",
    run(ctx) {
      expectRead(ctx, { data: pattern(10), pos: 10 }, 8, { ret: AVERROR_EOF, retName: "AVERROR_EOF" }, "eof", "{ 10 bytes, pos: 10 }");
      expectRead(ctx, { data: new Uint8Array(0), pos: 0 }, 8, { ret: AVERROR_EOF, retName: "AVERROR_EOF" }, "eof", "{ 0 bytes, pos: 0 }");
    },
  },
  {
    name: "never writes more than buf_size bytes",
    run(ctx) {
      const data = pattern(5000);
      expectRead(ctx, { data, pos: 0 }, 7, { ret: 7, bytes: data.subarray(0, 7) }, "limit", "{ 5000 bytes, pos: 0 }");
    },
  },
  { name: "decodes the MP3 sample exactly as FFmpeg does", run: (ctx) => expectDecodes(ctx, "mp3-cbr-44k-stereo.mp3") },
  { name: "decodes the FLAC sample exactly as FFmpeg does", run: (ctx) => expectDecodes(ctx, "flac-44k-stereo.flac") },
  { name: "decodes the WAV sample exactly as FFmpeg does", run: (ctx) => expectDecodes(ctx, "wav-s16-44k-stereo.wav") },
  { name: "decodes a VBR MP3 with an ID3v2 tag", hidden: true, run: (ctx) => expectDecodes(ctx, "mp3-vbr-id3-48k-mono.mp3", { label: "a hidden MP3" }) },
  { name: "decodes Vorbis in Matroska", hidden: true, run: (ctx) => expectDecodes(ctx, "mka-vorbis-22k-mono.mka", { label: "a hidden MKA" }) },
  { name: "decodes 32-bit float WAV with a 1 KiB buffer", hidden: true, run: (ctx) => expectDecodes(ctx, "wav-f32-48k-mono.wav", { buffer_size: 1024, label: "a hidden WAV" }) },
  { name: "decodes Ogg Vorbis with a 64 KiB buffer", hidden: true, run: (ctx) => expectDecodes(ctx, "ogg-vorbis-44k-stereo.ogg", { buffer_size: 65536, label: "a hidden Ogg file" }) },
];
