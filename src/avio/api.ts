// The learner-facing API: FFmpeg's C functions, one TS function each, in the
// same order and with the same arguments as FFmpeg's doc/examples, so lesson
// code reads line for line like the C beside it. Pointers are numbers;
// FFmpeg structs are small objects whose fields read the live C struct.
import * as K from "./constants.ts";
import type { ReadPacket, Seek, WritePacket } from "./callbacks.ts";
import { hex, type Engine, type IORecord } from "./engine.ts";
import { missingDecoder, missingDemuxer } from "./missing.ts";

let current: Engine | null = null;

/** @internal Makes `engine` the one the functions below act on (the runtime does this before learner code runs). */
export function useEngine(engine: Engine): void {
  current = engine;
}

function engine(): Engine {
  if (!current)
    throw new Error("The FFmpeg engine is not loaded yet: await loadEngine() before calling the avio API.");
  return current;
}

// ---- errors ---------------------------------------------------------------

/** AVERROR(e): FFmpeg's error code for errno e (a negative number). */
export function AVERROR(e: number): number {
  return -Math.abs(e);
}

/** The text FFmpeg gives for an error code, e.g. "End of file". */
export function av_err2str(errnum: number): string {
  return engine().err2str(errnum);
}

// ---- memory ---------------------------------------------------------------

/** av_malloc: `size` bytes from FFmpeg's allocator. Returns a pointer (0 on failure). */
export function av_malloc(size: number): number {
  const e = engine();
  const ptr = e.module._wb_av_malloc(size) >>> 0;
  if (ptr) {
    e.allocations.set(ptr, size);
    e.freedPointers.delete(ptr);
  }
  return ptr;
}

/** av_free: frees memory from av_malloc. Freeing 0 does nothing, as in C. */
export function av_free(ptr: number): void {
  const e = engine();
  if (!ptr) return;
  if (e.allocations.has(ptr)) {
    e.allocations.delete(ptr);
    e.module._wb_av_free(ptr);
    e.freedPointers.add(ptr);
    return;
  }
  for (const rec of e.liveIOs()) {
    if (rec.bufferFreed) continue;
    const cur = e.currentBuffer(rec);
    if (ptr === cur) {
      e.module._wb_av_free(ptr);
      rec.bufferFreed = true;
      e.freedPointers.add(ptr);
      return;
    }
    if (ptr === rec.originalBuffer) {
      e.report("double_free_replaced_buffer", { ptr: hex(ptr), current: hex(cur) });
      return;
    }
  }
  if (e.freedPointers.has(ptr)) e.report("double_free", { what: "this pointer", ptr: hex(ptr) });
  else e.report("invalid_free", { ptr: hex(ptr) });
}

/** av_freep(&obj.key): frees obj[key] and sets it to 0 — TS has no `&`, so pass the holder and the field name. */
export function av_freep<T extends object, Key extends keyof T>(holder: T, key: Key): void {
  av_free(holder[key] as unknown as number);
  (holder as Record<Key, unknown>)[key] = 0;
}

// ---- AVIOContext ----------------------------------------------------------

// The engine's records behind the objects learner code holds. Kept in WeakMaps, not in fields:
// learner code must not be able to rewrite what the safety net and the leak check rely on.
const ioRecords = new WeakMap<AVIOContext, IORecord>();
const formatState = new WeakMap<AVFormatContext, { ptr: number; freed: boolean }>();
const streamPtrs = new WeakMap<AVStream, number>();

/** @internal The engine's record of an AVIOContext (host code only). */
export function ioRecordOf(ctx: AVIOContext): IORecord {
  const rec = ioRecords.get(ctx);
  if (!rec) throw new TypeError("not an AVIOContext from avio_alloc_context");
  return rec;
}

function fmt(s: AVFormatContext): { ptr: number; freed: boolean } {
  const st = formatState.get(s);
  if (!st) throw new TypeError("not an AVFormatContext from avformat_alloc_context");
  return st;
}

function checkFormat(s: AVFormatContext, fn: string): number {
  const st = fmt(s);
  if (st.freed || !st.ptr)
    throw new Error(
      `${fn}: this AVFormatContext was already freed (avformat_open_input frees it when it fails).`,
    );
  return st.ptr;
}

/** offsetof(AVIOContext, seekable) on wasm32 (FFmpeg 5.1's libavformat/avio.h: 21 pointer-sized or int fields and one int64 before it). */
const AVIOCONTEXT_SEEKABLE_OFFSET = 88;

/** A live view of FFmpeg's AVIOContext (fields read from the C struct on every access). */
export class AVIOContext {
  /** @internal */
  constructor(rec: IORecord) {
    ioRecords.set(this, rec);
  }
  private get(name: string): number {
    if (ioRecordOf(this).freed) throw new Error("AVIOContext used after avio_context_free");
    return engine().field(ioRecordOf(this).ptr, name);
  }
  /** The buffer FFmpeg uses now. libavformat may replace the one you passed in: free this one. */
  get buffer(): number {
    return ioRecordOf(this).bufferFreed ? 0 : this.get("buffer") >>> 0;
  }
  /** Only `av_freep(avio_ctx, "buffer")` writes this (to 0). */
  set buffer(v: number) {
    if (v !== 0) throw new Error("avio_ctx.buffer can only be cleared (av_freep sets it to 0)");
  }
  get buffer_size(): number {
    return this.get("buffer_size");
  }
  /** AVIO_SEEKABLE_NORMAL when a seek callback was given, 0 otherwise (until you set it). */
  get seekable(): number {
    return this.get("seekable");
  }
  /**
   * `avio_ctx->seekable = 0`: demuxers then read forward instead of jumping, and your seek
   * only hears AVSEEK_SIZE and the moves avio_seek() cannot make inside its buffer.
   */
  set seekable(v: number) {
    if (v === this.seekable) return;
    const e = engine();
    // The C glue only reads fields; write `int seekable` in place and read it back through
    // the glue, so a different struct layout fails here instead of corrupting another field.
    const at = (ioRecordOf(this).ptr + AVIOCONTEXT_SEEKABLE_OFFSET) >> 2;
    const old = e.module.HEAP32[at]!;
    e.module.HEAP32[at] = v;
    if (this.get("seekable") !== v) {
      e.module.HEAP32[at] = old;
      throw new Error("avio_ctx.seekable: this engine build's AVIOContext layout is not FFmpeg 5.1's");
    }
  }
  /** Byte position in the stream of the end of the buffered data. */
  get pos(): number {
    return this.get("pos");
  }
  get eof_reached(): number {
    return this.get("eof_reached");
  }
  /** The error read_packet/write_packet last returned, or 0. */
  get error(): number {
    return this.get("error");
  }
  get write_flag(): number {
    return this.get("write_flag");
  }
  get bytes_read(): number {
    return this.get("bytes_read");
  }
  get opaque(): unknown {
    return ioRecordOf(this).opaque;
  }
  /** The pointer you passed to avio_alloc_context (for lessons that show it being replaced). */
  get original_buffer(): number {
    return ioRecordOf(this).originalBuffer;
  }
}

/**
 * avio_alloc_context: an AVIOContext whose I/O goes through your callbacks.
 * @param buffer memory from av_malloc; the context owns it from now on and libavformat may replace it.
 * @param buffer_size its size; each read_packet call is asked for at most this many bytes.
 * @param write_flag 1 if FFmpeg writes (output, write_packet), 0 if it reads (input, read_packet).
 * @param opaque your state, handed back as the first argument of every callback.
 * @param read_packet refills the buffer; returns bytes written (1..buf_size) or a negative AVERROR, AVERROR_EOF at the end — never 0.
 * @param write_packet receives buf_size bytes FFmpeg produced; must not modify them.
 * @param seek moves to a byte position (whence SEEK_SET/CUR/END) or answers AVSEEK_SIZE; null if the source cannot seek.
 */
export function avio_alloc_context<O>(
  buffer: number,
  buffer_size: number,
  write_flag: number,
  opaque: O,
  read_packet: ReadPacket<O> | null,
  write_packet: WritePacket<O> | null,
  seek: Seek<O> | null,
): AVIOContext | null {
  const e = engine();
  if (!e.allocations.has(buffer)) {
    e.report("buffer_not_av_malloc", { ptr: hex(buffer) });
    return null;
  }
  const rec = e.registerIO(
    { opaque, read_packet, write_packet, seek, originalBuffer: buffer, bufferSize: buffer_size },
    (handle) =>
      e.module._wb_avio_alloc_context(
        buffer,
        buffer_size,
        write_flag ? 1 : 0,
        handle,
        read_packet ? 1 : 0,
        write_packet ? 1 : 0,
        seek ? 1 : 0,
      ) >>> 0,
  );
  if (!rec) return null;
  e.allocations.delete(buffer); // owned by the context now
  return new AVIOContext(rec);
}

/** avio_context_free(&avio_ctx): frees the context (not its buffer: av_freep(avio_ctx, "buffer") first). */
export function avio_context_free(s: AVIOContext | null): void {
  if (!s) return;
  const e = engine();
  if (ioRecordOf(s).freed) {
    e.report("double_free", { what: "AVIOContext", ptr: hex(ioRecordOf(s).ptr) });
    return;
  }
  if (!ioRecordOf(s).bufferFreed) {
    const cur = e.currentBuffer(ioRecordOf(s));
    e.report("leak_avio_buffer", { ptr: hex(cur), size: ioRecordOf(s).bufferSize });
    e.module._wb_av_free(cur); // keep the module clean for the next run
  }
  e.freeIO(ioRecordOf(s));
}

// ---- AVFormatContext (input) ----------------------------------------------

export interface StreamInfo {
  index: number;
  codec_type: number;
  codec_name: string;
  sample_rate: number;
  channels: number;
  /** Seconds, or -1 if unknown. */
  duration: number;
  bit_rate: number;
}

/** A live view of AVFormatContext. */
export class AVFormatContext {
  #pb: AVIOContext | null = null;
  /** @internal */
  constructor(ptr: number) {
    formatState.set(this, { ptr, freed: false });
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
    engine().module._wb_fmt_set_probesize(checkFormat(this, "probesize"), n);
  }
  /** Short name of the demuxer or muxer, e.g. "mp3" or "mov,mp4,m4a,3gp,3g2,mj2". */
  get format_name(): string {
    const e = engine();
    return e.cstr(e.module._wb_format_name(checkFormat(this, "format_name")));
  }
  get nb_streams(): number {
    return engine().module._wb_nb_streams(checkFormat(this, "nb_streams"));
  }
  stream(index: number): StreamInfo {
    const e = engine();
    const p = checkFormat(this, "stream");
    const n = e.module._wb_nb_streams(p);
    if (!Number.isInteger(index) || index < 0 || index >= n)
      throw new RangeError(
        `stream index ${index} is not a stream of this context (nb_streams = ${n}).` +
          (index < 0
            ? ` It looks like an AVERROR: ${e.err2str(index)} — check what av_find_best_stream returned.`
            : ""),
      );
    const [codec_type, sample_rate, channels, duration, bit_rate, fmt_bit_rate] = e.scratchF64(6, (out) =>
      e.module._wb_stream_info(p, index, out),
    );
    return {
      index,
      codec_type,
      codec_name: e.cstr(e.module._wb_codec_name(p, index)),
      sample_rate,
      channels,
      duration,
      bit_rate: bit_rate || fmt_bit_rate,
    };
  }
}

/** avformat_alloc_context: an empty context to set `pb` on. */
export function avformat_alloc_context(): AVFormatContext {
  const e = engine();
  const ptr = e.module._wb_avformat_alloc_context() >>> 0;
  e.formatContexts.set(ptr, "allocated");
  return new AVFormatContext(ptr);
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
  if (url !== null)
    throw new Error(
      "avformat_open_input: this engine has no protocols; pass url = null and set fmt_ctx.pb to your AVIOContext.",
    );
  if (!s.pb) throw new Error("avformat_open_input: set fmt_ctx.pb = avio_ctx first (custom I/O).");
  const ret = e.module._wb_avformat_open_input(p);
  if (ret < 0) {
    fmt(s).freed = true;
    e.formatContexts.delete(p);
    e.report("ffmpeg_error", { fn: "avformat_open_input", error: e.err2str(ret), code: ret });
    // "Invalid data" may mean valid data for a demuxer this build leaves out: name it.
    e.noteMissing(missingDemuxer(e, ret));
  } else e.formatContexts.set(p, "input");
  return ret;
}

/** avformat_find_stream_info: reads (and decodes) some packets to fill in stream parameters. */
export function avformat_find_stream_info(s: AVFormatContext, _options: null = null): number {
  return engine().module._wb_avformat_find_stream_info(checkFormat(s, "avformat_find_stream_info"));
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
  return engine().module._wb_av_find_best_stream(checkFormat(s, "av_find_best_stream"), type);
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
  const kind = e.formatContexts.get(fmt(s).ptr);
  if (kind === "input") e.module._wb_avformat_close_input(fmt(s).ptr);
  else e.module._wb_avformat_free_context(fmt(s).ptr);
  e.formatContexts.delete(fmt(s).ptr);
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
  for (const st of outputStreams.get(s) ?? []) e.module._wb_mux_free(streamPtrs.get(st)!);
  outputStreams.delete(s);
  e.module._wb_avformat_free_context(fmt(s).ptr);
  e.formatContexts.delete(fmt(s).ptr);
  fmt(s).freed = true;
}

// ---- decoding -------------------------------------------------------------

export type SampleFormat = "s16" | "f32";

export interface DecodeOptions {
  /** Interleaved output format (libswresample converts every frame to it). */
  sample_fmt?: SampleFormat;
  /** Called with each converted chunk; the array is a copy you may keep. Return true to stop. */
  on_samples?: (samples: Int16Array | Float32Array, nb_samples: number) => boolean | void;
}

export interface DecodeResult {
  /** 0 at the end of the stream, otherwise the AVERROR that stopped decoding. */
  ret: number;
  /** Samples per channel delivered. */
  nb_samples: number;
  sample_rate: number;
  channels: number;
  /** Packets the decoder rejected as invalid (decoding went on, as the ffmpeg CLI does). */
  decode_errors: number;
}

/**
 * The decode loop of FFmpeg's decode_audio.c, run inside wasm for speed:
 * av_read_frame → avcodec_send_packet → avcodec_receive_frame → swr_convert to interleaved samples.
 */
export function decode_audio(
  s: AVFormatContext,
  stream_index: number,
  options: DecodeOptions = {},
): DecodeResult {
  const e = engine();
  const p = checkFormat(s, "decode_audio");
  const f32 = options.sample_fmt === "f32";
  const info = s.stream(stream_index);
  const handle = e.newHandle();
  const [dec, err] = e.outInt(
    (out) => e.module._wb_decoder_open(p, stream_index, f32 ? 1 : 0, handle, out) >>> 0,
  );
  if (!dec) {
    e.report("ffmpeg_error", { fn: "avcodec_open2", error: e.err2str(err), code: err });
    if (err === K.AVERROR_DECODER_NOT_FOUND) e.noteMissing(missingDecoder(e, p, stream_index));
    return {
      ret: err,
      nb_samples: 0,
      sample_rate: info.sample_rate,
      channels: info.channels,
      decode_errors: 0,
    };
  }
  let nb = 0;
  let channels = info.channels;
  let sampleRate = info.sample_rate;
  e.setPcmSink(handle, (data, n, frameChannels, frameRate) => {
    nb += n;
    channels = frameChannels;
    sampleRate = frameRate;
    if (!options.on_samples && !e.pcmTap) return false;
    // A view of FFmpeg's output buffer: no copy for the tap, which reads it at once. The learner's
    // on_samples gets its own copy, which it may keep.
    const buffer = e.module.HEAPU8.buffer;
    const view = f32
      ? new Float32Array(buffer, data, n * channels)
      : new Int16Array(buffer, data, n * channels);
    e.pcmTap?.(view, n, channels, sampleRate);
    return options.on_samples?.(view.slice(), n) === true;
  });
  try {
    const ret = e.module._wb_decoder_run(dec);
    const decode_errors = e.module._wb_decoder_errors(dec);
    return { ret, nb_samples: nb, sample_rate: sampleRate, channels, decode_errors };
  } finally {
    e.setPcmSink(handle, null);
    e.module._wb_decoder_close(dec);
  }
}

// ---- output (write_flag = 1) ------------------------------------------------

/** An output stream with its encoder (pcm_s16le for WAV, flac for FLAC). */
export interface AVStream {
  index: number;
  encoder: string;
  sample_rate: number;
  channels: number;
}

const outputStreams = new WeakMap<AVFormatContext, AVStream[]>();

/** avformat_alloc_output_context2(&oc, NULL, format_name, NULL): a muxer context ("wav" or "flac"). Null on failure. */
export function avformat_alloc_output_context2(
  _oformat: null,
  format_name: "wav" | "flac",
  _filename: null = null,
): AVFormatContext | null {
  const e = engine();
  const [oc, err] = e.withCString(format_name, (name) =>
    e.outInt((out) => e.module._wb_avformat_alloc_output_context2(name, out) >>> 0),
  );
  if (!oc) {
    e.report("ffmpeg_error", { fn: "avformat_alloc_output_context2", error: e.err2str(err), code: err });
    return null;
  }
  e.formatContexts.set(oc, "output");
  return new AVFormatContext(oc);
}

/** avformat_new_stream plus its encoder: interleaved s16 samples in, `encoder` packets out. */
export function avformat_new_stream(
  oc: AVFormatContext,
  params: { encoder: "pcm_s16le" | "flac"; sample_rate: number; channels: number },
): AVStream | null {
  const e = engine();
  const p = checkFormat(oc, "avformat_new_stream");
  const [mux, err] = e.withCString(params.encoder, (name) =>
    e.outInt((out) => e.module._wb_mux_new_stream(p, name, params.sample_rate, params.channels, out) >>> 0),
  );
  if (!mux) {
    e.report("ffmpeg_error", { fn: "avcodec_open2", error: e.err2str(err), code: err });
    return null;
  }
  const list = outputStreams.get(oc) ?? [];
  const st: AVStream = { index: list.length, ...params };
  streamPtrs.set(st, mux);
  list.push(st);
  outputStreams.set(oc, list);
  return st;
}

function streamPtr(st: AVStream): number {
  const p = streamPtrs.get(st);
  if (p === undefined) throw new TypeError("not an AVStream from avformat_new_stream");
  return p;
}

/** avformat_write_header: the muxer writes its header through write_packet. */
export function avformat_write_header(oc: AVFormatContext, _options: null = null): number {
  return engine().module._wb_avformat_write_header(checkFormat(oc, "avformat_write_header"));
}

/** Encodes interleaved s16 samples and writes the packets (av_interleaved_write_frame). */
export function write_audio_samples(st: AVStream, samples: Int16Array): number {
  const e = engine();
  const bytes = samples.byteLength;
  const p = e.module._malloc(bytes);
  try {
    e.module.HEAPU8.set(new Uint8Array(samples.buffer, samples.byteOffset, bytes), p);
    return e.module._wb_mux_write_s16(streamPtr(st), p, samples.length / st.channels);
  } finally {
    e.module._free(p);
  }
}

/** Flushes the encoders, then av_write_trailer (WAV and FLAC seek back to patch their headers here). */
export function av_write_trailer(oc: AVFormatContext): number {
  const e = engine();
  const p = checkFormat(oc, "av_write_trailer");
  for (const st of outputStreams.get(oc) ?? []) {
    const r = e.module._wb_mux_flush(streamPtrs.get(st)!);
    if (r < 0) return r;
  }
  return e.module._wb_av_write_trailer(p);
}
