// seek: whence values, AVSEEK_SIZE, AVSEEK_FORCE, invalid positions, and the
// moov-at-end M4A that cannot be decoded without seeking.
import { AVSEEK_FORCE, AVSEEK_SIZE, SEEK_CUR, SEEK_END, SEEK_SET } from "../../avio/constants.ts";
import type { RuleKey } from "../messages.ts";
import { callLearner, expectDecodes, fail, pattern, type ExerciseContext, type ExerciseTest } from "../harness.ts";

export const requiredExports = ["read_packet", "seek"];

const SIZE = 1000;

/** seek(opaque at `from`, offset, whence) must return `want` and leave pos at `pos`. */
function expectSeek(ctx: ExerciseContext, from: number, offset: number, whence: number, whenceText: string, want: number | "negative", pos: number, rule: RuleKey) {
  const opaque = { data: pattern(SIZE), pos: from };
  const call = `seek({ ${SIZE} bytes, pos: ${from} }, ${offset}, ${whenceText})`;
  const ret = callLearner(ctx, "seek", [opaque, offset, whence], call);
  if (typeof ret !== "number" || !Number.isInteger(ret)) fail("unit_return", { call, got: String(ret), want: want === "negative" ? "a negative AVERROR" : want, rule });
  if (want === "negative" ? ret >= 0 : ret !== want) fail("unit_return", { call, got: ret, want: want === "negative" ? "a negative AVERROR" : want, rule });
  if (opaque.pos !== pos) fail("unit_state", { call, field: "opaque.pos", got: opaque.pos, want: pos, rule });
}

export const tests: ExerciseTest[] = [
  { name: "SEEK_SET moves to offset and returns it", run: (ctx) => expectSeek(ctx, 0, 100, SEEK_SET, "SEEK_SET", 100, 100, "seek_set") },
  { name: "SEEK_CUR moves relative to the current position", run: (ctx) => expectSeek(ctx, 500, -10, SEEK_CUR, "SEEK_CUR", 490, 490, "seek_cur") },
  { name: "SEEK_END moves relative to the end", run: (ctx) => expectSeek(ctx, 0, -10, SEEK_END, "SEEK_END", SIZE - 10, SIZE - 10, "seek_end") },
  { name: "AVSEEK_SIZE returns the size without moving", run: (ctx) => expectSeek(ctx, 123, 0, AVSEEK_SIZE, "AVSEEK_SIZE", SIZE, 123, "seek_size") },
  {
    name: "AVSEEK_FORCE is ignored",
    run: (ctx) => expectSeek(ctx, 0, 200, SEEK_SET | AVSEEK_FORCE, "SEEK_SET | AVSEEK_FORCE", 200, 200, "seek_force"),
  },
  {
    name: "a position before the start is refused with a negative AVERROR",
    run: (ctx) => expectSeek(ctx, 50, -1, SEEK_SET, "SEEK_SET", "negative", 50, "seek_invalid"),
  },
  {
    name: "a position past the end is refused with a negative AVERROR",
    run: (ctx) => expectSeek(ctx, 50, 11, SEEK_END, "SEEK_END", "negative", 50, "seek_invalid"),
  },
  {
    name: "the M4A with moov at the end decodes",
    run: (ctx) => expectDecodes(ctx, "m4a-moov-end-48k-stereo.m4a", { seek: true }),
  },
  { name: "an MP3 decodes with its end padding trimmed", hidden: true, run: (ctx) => expectDecodes(ctx, "mp3-cbr-44k-stereo.mp3", { seek: true, label: "a hidden MP3" }) },
  { name: "Opus in Ogg decodes (FFmpeg probes the tail for the duration)", hidden: true, run: (ctx) => expectDecodes(ctx, "opus-48k-stereo.opus", { seek: true, label: "a hidden Opus file" }) },
  { name: "WebM decodes with a 1 KiB buffer", hidden: true, run: (ctx) => expectDecodes(ctx, "webm-opus-48k-stereo.webm", { seek: true, buffer_size: 1024, label: "a hidden WebM file" }) },
  { name: "a faststart M4A decodes", hidden: true, run: (ctx) => expectDecodes(ctx, "m4a-faststart-44k-mono.m4a", { seek: true, label: "a hidden M4A" }) },
];
