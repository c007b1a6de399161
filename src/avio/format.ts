// AVFormatContext, the input side: open a demuxer on a custom pb, read stream info, close.
// Output contexts are made in mux.ts; both are freed here.
import { currentEngine as engine, HOST, intArg, ioRecordOf, type AVIOContext } from "./api.ts";
import { hex } from "./heap.ts";
import { missingDemuxer } from "./missing.ts";

interface FormatState {
  ptr: number;
  freed: boolean;
  /** Output streams' muxer+encoder states (wasm/glue/mux_encode.c), in stream order. */
  muxers: number[];
}

// Kept in a WeakMap, not in fields, so learner code cannot rewrite it.
const formatState = new WeakMap<AVFormatContext, FormatState>();

function fmt(s: AVFormatContext): FormatState {
  const st = formatState.get(s);
  if (!st) throw new TypeError("not an AVFormatContext from avformat_alloc_context");
  return st;
}

/** @internal The context's C pointer; throws if it was freed (`fn` names the call in the message). */
export function checkFormat(s: AVFormatContext, fn: string): number {
  const st = fmt(s);
  if (st.freed || !st.ptr)
    throw new Error(
      `${fn}: this AVFormatContext was already freed (avformat_open_input frees it when it fails).`,
    );
  return st.ptr;
}

/**
 * @internal The pointer of an opened input (avformat_open_input succeeded, not yet closed): what
 * av_seek_frame and avformat_seek_file need (on any other context s->iformat is NULL in C).
 */
export function checkInput(s: AVFormatContext, fn: string): number {
  const p = checkFormat(s, fn);
  if (engine().owned.formatKind(p) !== "input")
    throw new Error(`${fn}: this AVFormatContext is not an opened input; call avformat_open_input first.`);
  return p;
}

/** AVRational: a fraction, e.g. a stream's time_base {num: 1, den: 44100}. */
export interface AVRational {
  num: number;
  den: number;
}

/** @internal The output streams' muxer states (mux.ts adds them; freeing the context frees them). */
export function muxersOf(s: AVFormatContext): number[] {
  return fmt(s).muxers;
}

export interface StreamInfo {
  index: number;
  codec_type: number;
  codec_name: string;
  sample_rate: number;
  channels: number;
  /** FFmpeg's name of the channel layout (av_channel_layout_describe): "stereo", "5.1", "6 channels". */
  ch_layout: string;
  /** Seconds, or -1 if unknown. */
  duration: number;
  bit_rate: number;
  /** AVStream.time_base: the unit of this stream's timestamps (av_seek_frame's, with this stream's index). */
  time_base: AVRational;
}

/** A live view of AVFormatContext. */
export class AVFormatContext {
  #pb: AVIOContext | null = null;
  /** @internal */
  /** @internal */
  constructor(host: typeof HOST, ptr: number) {
    if (host !== HOST) throw new TypeError("AVFormatContext: use avformat_alloc_context()");
    formatState.set(this, { ptr, freed: false, muxers: [] });
  }
  /** The I/O context. Set it before avformat_open_input to use custom I/O. */
  get pb(): AVIOContext | null {
    return this.#pb;
  }
  set pb(pb: AVIOContext | null) {
    engine().module._wb_fmt_set_pb(checkFormat(this, "pb"), pb ? ioRecordOf(pb).ptr : 0);
    this.#pb = pb;
  }
  /** AVFormatContext.flags (AVFMT_FLAG_CUSTOM_IO appears once avformat_open_input saw a preset pb). */
  get flags(): number {
    return engine().module._wb_fmt_flags(checkFormat(this, "flags"));
  }
  /** Bytes libavformat may read while probing (default 5,000,000). Set before avformat_open_input. */
  set probesize(n: number) {
    engine().module._wb_fmt_set_probesize(
      checkFormat(this, "probesize"),
      intArg(n, "probesize", "probesize"),
    );
  }
  /** Short name of the demuxer or muxer, e.g. "mp3" or "mov,mp4,m4a,3gp,3g2,mj2". */
  get format_name(): string {
    return hostFormatName(this);
  }
  get nb_streams(): number {
    return engine().module._wb_nb_streams(checkFormat(this, "nb_streams"));
  }
  stream(index: number): StreamInfo {
    return hostStreamInfo(this, index);
  }
}

// What host code reads of a context goes through these, never through the object's own properties:
// the context is the learner's object, and an own property of theirs (fmt.stream = …) must not
// answer for FFmpeg.

/** @internal fmt.format_name for host code: the short name of the demuxer or muxer, from FFmpeg's struct. */
export function hostFormatName(s: AVFormatContext): string {
  const e = engine();
  return e.cstr(e.module._wb_format_name(checkFormat(s, "format_name")));
}

/** @internal fmt.stream(index) for host code: what FFmpeg's structs say of one stream. */
export function hostStreamInfo(s: AVFormatContext, index: number): StreamInfo {
  const e = engine();
  const p = checkFormat(s, "stream");
  const n = e.module._wb_nb_streams(p);
  intArg(index, "stream", "index");
  if (index < 0 || index >= n)
    throw new RangeError(
      `stream index ${index} is not a stream of this context (nb_streams = ${n}).` +
        (index < 0
          ? ` It looks like an AVERROR: ${e.err2str(index)} — check what av_find_best_stream returned.`
          : ""),
    );
  const [codec_type, sample_rate, channels, duration, bit_rate, fmt_bit_rate] = e.scratchF64(6, (out) =>
    e.module._wb_stream_info(p, index, out),
  );
  const [num, den] = e.scratchF64(2, (out) => e.module._wb_stream_time_base(p, index, out));
  return {
    index,
    codec_type,
    codec_name: e.cstr(e.module._wb_codec_name(p, index)),
    sample_rate,
    channels,
    ch_layout: e.cstr(e.module._wb_channel_layout(p, index)),
    duration,
    bit_rate: bit_rate || fmt_bit_rate,
    time_base: { num: num!, den: den! },
  };
}

/** avformat_alloc_context: an empty context to set `pb` on. */
export function avformat_alloc_context(): AVFormatContext {
  const e = engine();
  const ptr = e.module._wb_avformat_alloc_context() >>> 0;
  e.owned.holdFormat(ptr, "allocated");
  return new AVFormatContext(HOST, ptr);
}

/**
 * avformat_open_input(&fmt_ctx, NULL, NULL, NULL): probes the bytes your read_packet returns and opens the demuxer.
 * On failure FFmpeg frees the context (in C it sets fmt_ctx to NULL): don't use it again. It never frees your pb.
 */
export function avformat_open_input(
  s: AVFormatContext,
  url: string | null = null,
  _fmt: null = null,
  _options: null = null,
): number {
  const e = engine();
  const p = checkFormat(s, "avformat_open_input");
  e.refuseInsideFFmpeg("avformat_open_input");
  if (url !== null)
    throw new Error(
      "avformat_open_input: this engine has no protocols; pass url = null and set fmt_ctx.pb to your AVIOContext.",
    );
  if (!s.pb) throw new Error("avformat_open_input: set fmt_ctx.pb = avio_ctx first (custom I/O).");
  const ret = e.insideFFmpeg(() => e.module._wb_avformat_open_input(p));
  if (ret < 0) {
    fmt(s).freed = true;
    e.owned.forgetFormat(p);
    e.report("ffmpeg_error", { fn: "avformat_open_input", error: e.err2str(ret), code: ret });
    // "Invalid data" may mean valid data for a demuxer this build leaves out: name it.
    e.noteMissing(missingDemuxer(e, ret));
  } else e.owned.holdFormat(p, "input");
  return ret;
}

/** avformat_find_stream_info: reads (and decodes) some packets to fill in stream parameters. */
export function avformat_find_stream_info(s: AVFormatContext, _options: null = null): number {
  const e = engine();
  const p = checkFormat(s, "avformat_find_stream_info");
  e.refuseInsideFFmpeg("avformat_find_stream_info");
  return e.insideFFmpeg(() => e.module._wb_avformat_find_stream_info(p));
}

/** av_find_best_stream: the index of the best stream of `type`, or a negative AVERROR. */
export function av_find_best_stream(
  s: AVFormatContext,
  type: number,
  _wanted = -1,
  _related = -1,
  _decoder_ret: null = null,
  _flags = 0,
): number {
  return engine().module._wb_av_find_best_stream(
    checkFormat(s, "av_find_best_stream"),
    intArg(type, "av_find_best_stream", "type"),
  );
}

/** av_dump_format: FFmpeg's human-readable summary of the context, returned as text. */
export function av_dump_format(s: AVFormatContext, _index = 0, _url = "", is_output = 0): string {
  const e = engine();
  const from = e.logLength;
  e.module._wb_av_dump_format(checkFormat(s, "av_dump_format"), is_output ? 1 : 0);
  return e
    .takeLog(from)
    .map((l) => l.text)
    .join("\n");
}

/** avformat_close_input(&fmt_ctx): closes the demuxer and frees the context. A custom pb is NOT freed. */
export function avformat_close_input(s: AVFormatContext | null): void {
  if (!s) return;
  const e = engine();
  if (fmt(s).freed) {
    e.report("double_free", { what: "AVFormatContext", ptr: hex(fmt(s).ptr) });
    return;
  }
  e.refuseInsideFFmpeg("avformat_close_input");
  e.owned.closeFormat(fmt(s).ptr);
  fmt(s).freed = true;
}

/** avformat_free_context: frees a context that was never opened (or an output context). */
export function avformat_free_context(s: AVFormatContext | null): void {
  if (!s) return;
  const e = engine();
  if (fmt(s).freed) {
    e.report("double_free", { what: "AVFormatContext", ptr: hex(fmt(s).ptr) });
    return;
  }
  e.refuseInsideFFmpeg("avformat_free_context");
  for (const mux of fmt(s).muxers) e.module._wb_mux_free(mux);
  fmt(s).muxers = [];
  e.owned.freeFormat(fmt(s).ptr);
  fmt(s).freed = true;
}
