// The "avio" module learners import from: FFmpeg's custom I/O API and constants, nothing else.
// Host code (engine, runs, budgets) imports from host.ts; the runtime hands learner code a
// hardened copy of exactly these exports.
export * from "./constants.ts";
export {
  AVERROR,
  av_err2str,
  av_malloc,
  av_free,
  av_freep,
  AVIOContext,
  avio_alloc_context,
  avio_context_free,
} from "./api.ts";
export {
  AVFormatContext,
  avformat_alloc_context,
  avformat_open_input,
  avformat_find_stream_info,
  av_find_best_stream,
  av_dump_format,
  avformat_close_input,
  avformat_free_context,
} from "./format.ts";
export { decode_audio } from "./decode.ts";
export { av_seek_frame, avformat_seek_file, av_rescale_q, av_q2d, AV_TIME_BASE_Q } from "./seek.ts";
export {
  avformat_alloc_output_context2,
  avformat_new_stream,
  avformat_write_header,
  write_audio_samples,
  av_write_trailer,
} from "./mux.ts";
export type { StreamInfo, AVRational } from "./format.ts";
export type { SampleFormat, DecodeOptions, DecodeResult } from "./decode.ts";
export type { AVStream } from "./mux.ts";
export type { ReadPacket, WritePacket, Seek } from "./callbacks.ts";
