// decode_audio: the decode loop of FFmpeg's doc/examples/decode_audio.c, run inside wasm.
import { currentEngine as engine, intArg } from "./api.ts";
import { callLearnerKeep, learnerFunction, readProperty } from "./boundary.ts";
import * as K from "./constants.ts";
import { checkFormat, hostFormatName, hostStreamInfo, type AVFormatContext } from "./format.ts";
import { missingDecoder } from "./missing.ts";

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
  e.refuseInsideFFmpeg("decode_audio");
  intArg(stream_index, "decode_audio", "stream_index");
  // Each option read once, here; on_samples is called from inside wasm, so what it throws is kept and
  // rethrown after FFmpeg has returned (an exception must not unwind through wasm frames).
  const option = (key: string) => {
    const r = readProperty(options, key);
    if (!r.ok) throw new TypeError(`decode_audio: reading options.${key} threw`);
    return r.value;
  };
  const f32 = option("sample_fmt") === "f32";
  const onSamples = learnerFunction(option("on_samples"));
  let thrown: { error: unknown } | null = null;
  const info = hostStreamInfo(s, stream_index);
  e.run.noteDecoding({
    format: hostFormatName(s),
    codec: info.codec_name,
    sampleRate: info.sample_rate,
    channels: info.channels,
    channelLayout: info.ch_layout,
    duration: info.duration,
  });
  const handle = e.owned.newHandle();
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
    e.run.noteDecoded(n);
    channels = frameChannels;
    sampleRate = frameRate;
    if (!onSamples && !e.pcmTap) return false;
    // A view of FFmpeg's output buffer: no copy for the tap, which reads it at once. The learner's
    // on_samples gets its own copy, which it may keep.
    const buffer = e.module.HEAPU8.buffer;
    const view = f32
      ? new Float32Array(buffer, data, n * channels)
      : new Int16Array(buffer, data, n * channels);
    e.pcmTap?.(view, n, channels, sampleRate);
    if (!onSamples || thrown) return thrown !== null;
    const r = callLearnerKeep(onSamples, [view.slice(), n]);
    if (r.ok) return r.value === true;
    thrown = { error: r.error };
    return true;
  });
  try {
    const ret = e.insideFFmpeg(() => e.module._wb_decoder_run(dec));
    if (thrown) throw (thrown as { error: unknown }).error;
    const decode_errors = e.module._wb_decoder_errors(dec);
    return { ret, nb_samples: nb, sample_rate: sampleRate, channels, decode_errors };
  } finally {
    e.setPcmSink(handle, null);
    e.module._wb_decoder_close(dec);
  }
}
