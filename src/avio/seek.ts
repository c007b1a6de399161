// Seeking from the application: av_seek_frame() and avformat_seek_file() (libavformat/seek.c),
// and the time-base arithmetic to call them with. Both run inside wasm and call the learner's own
// read_packet/seek through the bridge, which guards every call; while they run, a callback cannot
// free or seek the context FFmpeg is using (Engine.insideFFmpeg).
import { currentEngine as engine, intArg } from "./api.ts";
import { readProperty } from "./boundary.ts";
import { AV_TIME_BASE } from "./constants.ts";
import { checkInput, type AVFormatContext, type AVRational } from "./format.ts";

const INT_MIN = -(2 ** 31);
const INT_MAX = 2 ** 31 - 1;

/** An argument C declares `int`: an integer within int's range (a larger one would be cut in C). */
function int32Arg(v: unknown, fn: string, name: string): number {
  const n = intArg(v, fn, name);
  if (n < INT_MIN || n > INT_MAX) throw new RangeError(`${fn}: ${name} must fit in a C int, got ${n}`);
  return n;
}

/** stream_index: -1 (the default stream, timestamps in AV_TIME_BASE units) or a stream of `s`. */
function streamArg(p: number, v: unknown, fn: string): number {
  const i = int32Arg(v, fn, "stream_index");
  const n = engine().module._wb_nb_streams(p);
  // av_seek_frame() does not check: seek_frame_internal() indexes s->streams[stream_index] as given.
  if (i < -1 || i >= n)
    throw new RangeError(
      `${fn}: stream_index ${i} is not -1 or a stream of this context (nb_streams = ${n}).`,
    );
  return i;
}

/**
 * av_seek_frame(s, stream_index, timestamp, flags): seek so that the next av_read_frame() returns the
 * key frame at (or, with AVSEEK_FLAG_BACKWARD, before) `timestamp`, in stream_index's time_base, or
 * in AV_TIME_BASE units when stream_index is -1; with AVSEEK_FLAG_BYTE `timestamp` is a byte position.
 * Returns >= 0 on success, a negative value (often -1, not an AVERROR) on failure. Timestamps must be
 * integers within JavaScript's exact range (±2^53 − 1).
 */
export function av_seek_frame(
  s: AVFormatContext,
  stream_index: number,
  timestamp: number,
  flags: number,
): number {
  const e = engine();
  const fn = "av_seek_frame";
  const p = checkInput(s, fn);
  const index = streamArg(p, stream_index, fn);
  const ts = intArg(timestamp, fn, "timestamp");
  const f = int32Arg(flags, fn, "flags");
  e.refuseInsideFFmpeg(fn);
  return e.insideFFmpeg(() => e.module._wb_av_seek_frame(p, index, ts, f));
}

/**
 * avformat_seek_file(s, stream_index, min_ts, ts, max_ts, flags): seek to a timestamp as close to `ts`
 * as the demuxer can, within [min_ts, max_ts]. Returns >= 0 on success, a negative value on failure
 * (-1 when min_ts > ts or max_ts < ts). For "no bound" pass Number.MIN_SAFE_INTEGER /
 * Number.MAX_SAFE_INTEGER where C passes INT64_MIN / INT64_MAX.
 */
export function avformat_seek_file(
  s: AVFormatContext,
  stream_index: number,
  min_ts: number,
  ts: number,
  max_ts: number,
  flags: number,
): number {
  const e = engine();
  const fn = "avformat_seek_file";
  const p = checkInput(s, fn);
  // avformat_seek_file() checks stream_index itself (AVERROR(EINVAL)) before anything uses it.
  const index = int32Arg(stream_index, fn, "stream_index");
  const lo = intArg(min_ts, fn, "min_ts");
  const at = intArg(ts, fn, "ts");
  const hi = intArg(max_ts, fn, "max_ts");
  const f = int32Arg(flags, fn, "flags");
  e.refuseInsideFFmpeg(fn);
  return e.insideFFmpeg(() => e.module._wb_avformat_seek_file(p, index, lo, at, hi, f));
}

/** A rational argument, each field read once (a getter runs at most once, inside a guard). */
function rationalArg(q: unknown, fn: string, name: string): AVRational {
  const field = (key: "num" | "den") => {
    const r = readProperty(q, key);
    if (!r.ok) throw new TypeError(`${fn}: reading ${name}.${key} threw`);
    const n = int32Arg(r.value, fn, `${name}.${key}`);
    if (n <= 0) throw new RangeError(`${fn}: ${name}.${key} must be positive, got ${n}`);
    return n;
  };
  if (typeof q !== "object" || q === null)
    throw new TypeError(`${fn}: ${name} must be an AVRational {num, den}`);
  return { num: field("num"), den: field("den") };
}

/** AV_TIME_BASE_Q: {1, AV_TIME_BASE}, the time base of AVFormatContext.duration and of stream_index -1. */
export const AV_TIME_BASE_Q: AVRational = Object.freeze({ num: 1, den: AV_TIME_BASE });

/**
 * av_rescale_q(a, bq, cq): a × bq / cq, rounded to the nearest integer (FFmpeg's own arithmetic, in
 * wasm). E.g. seconds to a stream's timestamps: av_rescale_q(seconds, {num: 1, den: 1}, st.time_base).
 */
export function av_rescale_q(a: number, bq: AVRational, cq: AVRational): number {
  const fn = "av_rescale_q";
  const x = intArg(a, fn, "a");
  const b = rationalArg(bq, fn, "bq");
  const c = rationalArg(cq, fn, "cq");
  const r = engine().module._wb_av_rescale_q(x, b.num, b.den, c.num, c.den);
  if (!Number.isSafeInteger(r))
    throw new RangeError(`${fn}: the result does not fit in JavaScript's exact integers (±2^53 − 1)`);
  return r;
}

/** av_q2d(q): the rational as a number, e.g. a timestamp × av_q2d(st.time_base) is seconds. */
export function av_q2d(q: AVRational): number {
  const r = rationalArg(q, "av_q2d", "q");
  return r.num / r.den;
}
