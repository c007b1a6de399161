// The output side (write_flag = 1): a muxer context, streams with their encoders, header,
// samples, trailer — every byte goes out through the learner's write_packet (and seek).
import { currentEngine as engine, HOST, intArg } from "./api.ts";
import { copyInt16, readProperty } from "./boundary.ts";
import { readDictionary } from "./dictionary.ts";
import { AVFormatContext, checkFormat, muxersOf } from "./format.ts";

/** Muxers built in, by FFmpeg's names: "ipod" is the one for .m4a; mp4, ipod and mov are all movenc.c. */
export type OutputFormatName = "wav" | "flac" | "mp4" | "ipod" | "mov";
/** Encoders built in: pcm_s16le (WAV), flac (FLAC), alac (MP4/M4A/MOV). */
export type EncoderName = "pcm_s16le" | "flac" | "alac";
const FORMATS: readonly string[] = ["wav", "flac", "mp4", "ipod", "mov"];
const ENCODERS: readonly string[] = ["pcm_s16le", "flac", "alac"];
const FILENAME_MAX = 255;

/** An output stream with its encoder (pcm_s16le for WAV, flac for FLAC, alac for MP4/M4A). */
export interface AVStream {
  index: number;
  encoder: string;
  sample_rate: number;
  channels: number;
}

// The muxer behind each stream, and the channel count it was opened with: a learner may change the
// fields of the AVStream it holds, never what the engine passes to wasm.
const streams = new WeakMap<AVStream, { ptr: number; channels: number }>();

/**
 * avformat_alloc_output_context2(&oc, NULL, format_name, filename): a muxer context ("wav", "flac",
 * "mp4", "ipod" = m4a, "mov"). With a custom pb, filename is only oc->url: the ipod muxer warns
 * unless it ends in .m4a/.m4v/.m4b, and io_open is handed it. Null on failure.
 */
export function avformat_alloc_output_context2(
  _oformat: null,
  format_name: OutputFormatName,
  filename: string | null = null,
): AVFormatContext | null {
  const e = engine();
  if (
    filename !== null &&
    (typeof filename !== "string" || filename.length > FILENAME_MAX || filename.includes("\0"))
  )
    throw new TypeError(
      `avformat_alloc_output_context2: filename must be null or a string of at most ${FILENAME_MAX} characters`,
    );
  if (typeof format_name !== "string" || !FORMATS.includes(format_name))
    throw new TypeError(
      `avformat_alloc_output_context2: format_name must be one of ${FORMATS.map((f) => `"${f}"`).join(", ")}`,
    );
  const [oc, err] = e.withCString(format_name, (name) =>
    filename === null
      ? e.outInt((out) => e.module._wb_avformat_alloc_output_context2(name, 0, out) >>> 0)
      : e.withCString(filename, (file) =>
          e.outInt((out) => e.module._wb_avformat_alloc_output_context2(name, file, out) >>> 0),
        ),
  );
  if (!oc) {
    e.report("ffmpeg_error", { fn: "avformat_alloc_output_context2", error: e.err2str(err), code: err });
    return null;
  }
  e.owned.holdFormat(oc, "output");
  return new AVFormatContext(HOST, oc);
}

/** avformat_new_stream plus its encoder: interleaved s16 samples in, `encoder` packets out. */
export function avformat_new_stream(
  oc: AVFormatContext,
  params: { encoder: EncoderName; sample_rate: number; channels: number },
): AVStream | null {
  const e = engine();
  const p = checkFormat(oc, "avformat_new_stream");
  // Each field read once, here: what is checked is what wasm gets.
  const field = (key: string) => {
    const r = readProperty(params, key);
    if (!r.ok) throw new TypeError(`avformat_new_stream: reading params.${key} threw`);
    return r.value;
  };
  const encoder = field("encoder");
  if (typeof encoder !== "string" || !ENCODERS.includes(encoder))
    throw new TypeError(
      `avformat_new_stream: params.encoder must be one of ${ENCODERS.map((f) => `"${f}"`).join(", ")}`,
    );
  const sample_rate = intArg(field("sample_rate"), "avformat_new_stream", "params.sample_rate");
  const channels = intArg(field("channels"), "avformat_new_stream", "params.channels");
  const [mux, err] = e.withCString(encoder, (name) =>
    e.outInt((out) => e.module._wb_mux_new_stream(p, name, sample_rate, channels, out) >>> 0),
  );
  if (!mux) {
    e.report("ffmpeg_error", { fn: "avcodec_open2", error: e.err2str(err), code: err });
    return null;
  }
  const muxers = muxersOf(oc);
  const st: AVStream = Object.freeze({ index: muxers.length, encoder, sample_rate, channels });
  streams.set(st, { ptr: mux, channels });
  muxers.push(mux);
  return st;
}

function streamOf(st: AVStream): { ptr: number; channels: number } {
  const s = streams.get(st);
  if (s === undefined) throw new TypeError("not an AVStream from avformat_new_stream");
  return s;
}

/**
 * avformat_write_header(oc, &options): the muxer writes its header through write_packet. `options`
 * is FFmpeg's AVDictionary as a plain object of strings, e.g. { movflags: "frag_keyframe+empty_moov" };
 * it is copied once, here. An option no part of the muxer takes is logged as a warning, not an error.
 */
export function avformat_write_header(
  oc: AVFormatContext,
  options: Record<string, string> | null = null,
): number {
  const e = engine();
  const p = checkFormat(oc, "avformat_write_header");
  const read = readDictionary(options);
  if (!read.ok) throw new TypeError(`avformat_write_header: options ${read.why}`);
  const strings = read.entries.flat();
  const m = e.module;
  // kv: 2n pointers to C strings, all freed after the call (the glue copies them into the AVDictionary).
  const kv = m._malloc(Math.max(4, strings.length * 4));
  const held: number[] = [];
  try {
    for (let i = 0; i < strings.length; i++) {
      const n = m.lengthBytesUTF8(strings[i]) + 1;
      const s = m._malloc(n);
      held.push(s);
      m.stringToUTF8(strings[i], s, n);
      m.HEAP32[(kv >> 2) + i] = s;
    }
    return m._wb_avformat_write_header(p, kv, read.entries.length);
  } finally {
    for (const s of held) m._free(s);
    m._free(kv);
  }
}

/** Encodes interleaved s16 samples and writes the packets (av_interleaved_write_frame). */
export function write_audio_samples(st: AVStream, samples: Int16Array): number {
  const e = engine();
  const s = streamOf(st);
  const copy = copyInt16(samples);
  if (!copy) throw new TypeError("write_audio_samples: samples must be an Int16Array");
  const bytes = new Uint8Array(copy.buffer);
  return e.withBytes(bytes, (p) =>
    e.module._wb_mux_write_s16(s.ptr, p, Math.floor(copy.length / s.channels)),
  );
}

/** Flushes the encoders, then av_write_trailer (WAV, FLAC and MP4 seek back to patch their headers here). */
export function av_write_trailer(oc: AVFormatContext): number {
  const e = engine();
  const p = checkFormat(oc, "av_write_trailer");
  for (const mux of muxersOf(oc)) {
    const r = e.module._wb_mux_flush(mux);
    if (r < 0) return r;
  }
  return e.module._wb_av_write_trailer(p);
}
