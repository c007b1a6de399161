// The whole avio lifecycle for playgrounds that vary only the callbacks (decodeWithCallbacks,
// muxWithCallbacks): in the order of FFmpeg's avio_reading.c, written with the same
// API the learner uses — so what it does is what a lesson shows.
import {
  AVERROR,
  type AVIOContext,
  ioRecordOf,
  av_err2str,
  av_free,
  av_freep,
  av_malloc,
  avio_alloc_context,
  avio_context_free,
  useEngine,
} from "./api.ts";
import { decode_audio, type SampleFormat } from "./decode.ts";
import { readDictionary } from "./dictionary.ts";
import {
  av_dump_format,
  av_find_best_stream,
  avformat_alloc_context,
  avformat_close_input,
  avformat_find_stream_info,
  avformat_free_context,
  avformat_open_input,
} from "./format.ts";
import {
  type EncoderName,
  type OutputFormatName,
  av_write_trailer,
  avformat_alloc_output_context2,
  avformat_new_stream,
  avformat_write_header,
  write_audio_samples,
} from "./mux.ts";
import { AVERROR_EXIT, AVMEDIA_TYPE_AUDIO, EINVAL, ENOMEM } from "./constants.ts";
import type { ReadPacket, Seek, WritePacket } from "./callbacks.ts";
import type { Engine } from "./engine.ts";
import type { Budget, SessionReport, StreamSummary } from "./session.ts";

export type { StreamSummary } from "./session.ts";
import type { MissingComponent } from "./missing-types.ts";

export type Stage =
  | "av_malloc"
  | "avio_alloc_context"
  | "avformat_open_input"
  | "avformat_find_stream_info"
  | "av_find_best_stream"
  | "decode"
  | "avformat_alloc_output_context2"
  | "avformat_new_stream"
  | "avformat_write_header"
  | "write"
  | "av_write_trailer"
  | "engine";

export interface DecodeRequest<O> {
  /** Stop after opening (avformat_open_input, find_stream_info, av_find_best_stream): no decoding. */
  open_only?: boolean;
  opaque: O;
  read_packet: ReadPacket<O>;
  seek?: Seek<O> | null;
  buffer_size?: number;
  sample_fmt?: SampleFormat;
  /** Every converted chunk, as it is decoded (e.g. to hash or downsample a long file). */
  on_samples?: (samples: Int16Array | Float32Array, nb_samples: number) => void;
  /** Called once the stream is known, before the first sample (e.g. to size a buffer). */
  on_info?: (info: StreamSummary) => void;
  /** Keep at most this many samples per channel of PCM in the result (default: all). */
  keep_samples?: number;
  /** Size of the source if known (checks AVSEEK_SIZE answers). */
  source_size?: number;
  /** Set avio_ctx->seekable to this after avio_alloc_context (e.g. 0 for a forward-only source that keeps seek for AVSEEK_SIZE). */
  seekable?: number;
  budget?: Partial<Budget>;
}

export interface DecodeOutcome {
  ok: boolean;
  /** 0, or the AVERROR of the step that failed. */
  ret: number;
  /** av_err2str(ret) when ret < 0. */
  error?: string;
  /** The step that failed. */
  stage?: Stage;
  /**
   * What this build of FFmpeg lacks, when that is why it failed: the decoder of the stream's codec
   * (ret AVERROR_DECODER_NOT_FOUND) or a demuxer for the input's format (ret AVERROR_INVALIDDATA
   * from avformat_open_input, with what probing found). missingText() words it for the learner.
   * The same as report.missing.
   */
  missing?: MissingComponent;
  info: StreamSummary | null;
  /** Samples per channel decoded. */
  samples: number;
  /** Interleaved PCM (up to keep_samples per channel). */
  pcm: Int16Array | Float32Array | null;
  /** av_dump_format's text after avformat_find_stream_info. */
  dump: string;
  /** The buffer you allocated and the one the context used after opening (libavformat may replace it). */
  buffer: { original: number; afterOpen: number };
  /** Bytes read_packet delivered. */
  bytesRead: number;
  report: SessionReport;
}

const emptyReport = (): SessionReport => ({
  trace: { head: [], tail: [], omitted: 0, totals: {} as never },
  diagnostics: [],
  log: [],
  byteMap: { reads: [], seeks: [] },
});

function concat<T extends Int16Array | Float32Array>(chunks: T[], total: number, f32: boolean): T {
  const out = (f32 ? new Float32Array(total) : new Int16Array(total)) as T;
  let at = 0;
  for (const c of chunks) {
    out.set(c as never, at);
    at += c.length;
  }
  return out;
}

/** Opens, probes and decodes the best audio stream through the given callbacks; never throws for FFmpeg errors. */
export function decodeWithCallbacks<O>(engine: Engine, req: DecodeRequest<O>): DecodeOutcome {
  useEngine(engine);
  engine.beginSession({ budget: req.budget, sourceSize: req.source_size });
  const size = req.buffer_size ?? 4096;
  const f32 = req.sample_fmt === "f32";
  const out: DecodeOutcome = {
    ok: false,
    ret: 0,
    info: null,
    samples: 0,
    pcm: null,
    dump: "",
    buffer: { original: 0, afterOpen: 0 },
    bytesRead: 0,
    report: emptyReport(),
  };
  const fail = (stage: Stage, ret: number) => {
    out.stage = stage;
    out.ret = ret;
    out.error = av_err2str(ret);
  };
  let avio: AVIOContext | null = null;
  let fmt = null as ReturnType<typeof avformat_alloc_context> | null;
  try {
    const buffer = av_malloc(size);
    out.buffer.original = buffer;
    if (!buffer) fail("av_malloc", AVERROR(ENOMEM));
    else {
      avio = avio_alloc_context(buffer, size, 0, req.opaque, req.read_packet, null, req.seek ?? null);
      if (!avio) {
        av_free(buffer);
        fail("avio_alloc_context", AVERROR(ENOMEM));
      } else if (req.seekable !== undefined) avio.seekable = req.seekable;
    }
    let bestStream = -1;
    if (avio) {
      fmt = avformat_alloc_context();
      fmt.pb = avio;
      let ret = avformat_open_input(fmt, null, null, null);
      out.buffer.afterOpen = avio.buffer;
      if (ret < 0) {
        fmt = null; // FFmpeg freed it
        fail("avformat_open_input", ret);
      } else if ((ret = avformat_find_stream_info(fmt, null)) < 0) {
        fail("avformat_find_stream_info", ret);
      } else if ((ret = av_find_best_stream(fmt, AVMEDIA_TYPE_AUDIO, -1, -1, null, 0)) < 0) {
        fail("av_find_best_stream", ret);
      } else {
        const index = ret;
        out.dump = av_dump_format(fmt, 0, "", 0);
        const st = fmt.stream(index);
        out.info = {
          format: fmt.format_name,
          codec: st.codec_name,
          sampleRate: st.sample_rate,
          channels: st.channels,
          channelLayout: st.ch_layout,
          duration: st.duration,
        };
        bestStream = index;
        req.on_info?.(out.info);
      }
      // open_only: the question was whether FFmpeg opens the input; no decoding.
      if (fmt && bestStream >= 0 && !req.open_only) {
        const index = bestStream;
        const st = fmt.stream(index);
        const keep = req.keep_samples ?? Infinity;
        const chunks: (Int16Array | Float32Array)[] = [];
        let kept = 0;
        const wantSamples = req.on_samples !== undefined || keep > 0;
        const r = decode_audio(fmt, index, {
          sample_fmt: req.sample_fmt,
          // Without a consumer, skip copying PCM out of wasm memory.
          on_samples: !wantSamples
            ? undefined
            : (samples, n) => {
                req.on_samples?.(samples, n);
                if (kept < keep) {
                  const take = Math.min(n, keep - kept);
                  chunks.push(take === n ? samples : samples.subarray(0, take * st.channels));
                  kept += take;
                }
              },
        });
        out.samples = r.nb_samples;
        if (out.info) out.info.channels = r.channels;
        out.pcm = concat(chunks, kept * r.channels, f32);
        if (r.ret < 0) fail("decode", r.ret);
        else if (engine.stopped) fail("decode", AVERROR_EXIT);
      }
      if (avio) out.bytesRead = ioRecordOf(avio).bytesRead;
    }
  } catch (e) {
    if (e instanceof WebAssembly.RuntimeError) {
      engine.poisoned = true;
      out.stage = "engine";
      out.ret = -1;
      out.error = `FFmpeg aborted: ${e.message}`;
    } else throw e;
  } finally {
    if (!engine.poisoned) {
      // The cleanup order the lifecycle lesson teaches.
      avformat_close_input(fmt);
      if (avio) {
        av_freep(avio, "buffer");
        avio_context_free(avio);
      }
    }
  }
  out.ok = out.ret >= 0 && out.stage === undefined;
  out.report = engine.endSession({ checkLeaks: !engine.poisoned });
  if (out.report.missing) out.missing = out.report.missing;
  return out;
}

/** What mux mode produces: a container and the encoder behind it (one place for the pairing). */
export type MuxFormat = "wav" | "flac" | "mp4" | "m4a";
const MUXERS: Record<MuxFormat, { muxer: OutputFormatName; encoder: EncoderName }> = {
  wav: { muxer: "wav", encoder: "pcm_s16le" },
  flac: { muxer: "flac", encoder: "flac" },
  // FFmpeg's muxer for .m4a is "ipod"; alac because PCM is refused in mp4/ipod (movenc.c
  // mov_init() via the codec tag lists) and flac in mp4 needs strict=experimental in 5.1.9.
  mp4: { muxer: "mp4", encoder: "alac" },
  m4a: { muxer: "ipod", encoder: "alac" },
};

export interface MuxRequest<O> {
  format: MuxFormat;
  /** avformat_write_header's options (e.g. movflags), as FFmpeg's AVDictionary of strings. */
  options?: Record<string, string> | null;
  pcm: Int16Array;
  sample_rate: number;
  channels: number;
  opaque: O;
  write_packet: WritePacket<O>;
  seek?: Seek<O> | null;
  buffer_size?: number;
}

export interface MuxOutcome {
  ok: boolean;
  ret: number;
  error?: string;
  stage?: Stage;
  report: SessionReport;
}

/** Encodes interleaved s16 PCM and muxes it to WAV, FLAC, MP4 or M4A through write_packet (+ seek). */
export function muxWithCallbacks<O>(engine: Engine, req: MuxRequest<O>): MuxOutcome {
  useEngine(engine);
  engine.beginSession();
  const out: MuxOutcome = { ok: false, ret: 0, report: emptyReport() };
  const fail = (stage: Stage, ret: number) => {
    out.stage ??= stage;
    if (out.ret >= 0) out.ret = ret;
    out.error ??= av_err2str(ret);
  };
  const size = req.buffer_size ?? 4096;
  const buffer = av_malloc(size);
  const avio = avio_alloc_context(buffer, size, 1, req.opaque, null, req.write_packet, req.seek ?? null);
  const { muxer, encoder } = MUXERS[req.format];
  // The name the output view downloads it as; the ipod muxer wants .m4a (movenc.c mov_find_codec_tag()).
  const oc = avformat_alloc_output_context2(null, muxer, `output.${req.format}`);
  try {
    if (!avio || !oc) fail(avio ? "avformat_alloc_output_context2" : "avio_alloc_context", AVERROR(EINVAL));
    else {
      oc.pb = avio;
      const st = avformat_new_stream(oc, {
        encoder,
        sample_rate: req.sample_rate,
        channels: req.channels,
      });
      let ret: number;
      // The options are read here first, so a bad value (from a page's text field) is a failed
      // header, not a TypeError out of the Run.
      const options = readDictionary(req.options);
      if (!options.ok) {
        out.error = `avformat_write_header: options ${options.why}`;
        fail("avformat_write_header", AVERROR(EINVAL));
      } else if (!st) fail("avformat_new_stream", AVERROR(EINVAL));
      else if ((ret = avformat_write_header(oc, Object.fromEntries(options.entries))) < 0)
        fail("avformat_write_header", ret);
      else if ((ret = write_audio_samples(st, req.pcm)) < 0) fail("write", ret);
      else if ((ret = av_write_trailer(oc)) < 0) fail("av_write_trailer", ret);
    }
  } finally {
    avformat_free_context(oc);
    if (avio) {
      av_freep(avio, "buffer");
      avio_context_free(avio);
    } else av_free(buffer);
  }
  out.ok = out.stage === undefined;
  out.report = engine.endSession();
  return out;
}
