// Whole programs (script mode): Stream info describes the stream the program decoded, read by host
// code from FFmpeg's structs (issue #24, point 3) — not from what learner code set on its objects.
import { beforeAll, describe, expect, it } from "vitest";
import type { Engine } from "../../src/avio/engine.ts";
import { loadEngine } from "../../src/avio/node.ts";
import { runRequest } from "../../src/runtime/run-request.ts";
import { references } from "../avio/helpers.ts";
import { READ_PACKET, runRequestFor } from "../learner-code.ts";

let engine: Engine;
beforeAll(async () => {
  engine = await loadEngine();
});

const program = (tamper: string) => `
import { av_malloc, avio_alloc_context, avformat_alloc_context, avformat_open_input, avformat_find_stream_info, av_find_best_stream, decode_audio, avformat_close_input, av_freep, avio_context_free, AVMEDIA_TYPE_AUDIO } from "avio";
${READ_PACKET}
export function main(input: Uint8Array) {
  const avio_ctx = avio_alloc_context(av_malloc(4096), 4096, 0, { data: input, pos: 0 }, read_packet, null, null)!;
  const fmt_ctx = avformat_alloc_context();
  fmt_ctx.pb = avio_ctx;
  if (avformat_open_input(fmt_ctx, null, null, null) < 0) return;
  avformat_find_stream_info(fmt_ctx, null);
  const idx = av_find_best_stream(fmt_ctx, AVMEDIA_TYPE_AUDIO, -1, -1, null, 0);
  ${tamper}
  decode_audio(fmt_ctx, idx, { sample_fmt: "f32" });
  avformat_close_input(fmt_ctx);
  av_freep(avio_ctx, "buffer");
  avio_context_free(avio_ctx);
}`;

describe("script mode's Stream info", () => {
  it("is what FFmpeg opened and what decode_audio delivered", () => {
    const r = runRequest(engine, runRequestFor(program(""), "flac-44k-stereo.flac", { mode: "script" }));
    expect(r.status).toBe("ok");
    expect(r.info).toMatchObject({
      format: "flac",
      codec: "flac",
      sampleRate: 44100,
      channels: 2,
      channelLayout: "stereo",
      decodedSamples: references["flac-44k-stereo.flac"].samples,
      bytesRead: r.trace.totals.read_packet!.bytes,
    });
    expect(r.info!.decodedSamples).toBe(r.waveform!.totalSamples);
  });

  it("attack: own properties that shadow stream() and format_name are never asked", () => {
    const tamper = `Object.defineProperty(fmt_ctx, "stream", { value: () => ({ codec_name: "fake", sample_rate: 1, channels: 9, ch_layout: "9 ch", duration: 1 }) });
  Object.defineProperty(fmt_ctx, "format_name", { get() { throw new Error("read me"); } });`;
    const r = runRequest(engine, runRequestFor(program(tamper), "flac-44k-stereo.flac", { mode: "script" }));
    expect(r.status, JSON.stringify(r.error)).toBe("ok");
    expect(r.info).toMatchObject({ format: "flac", codec: "flac", sampleRate: 44100, channels: 2 });
  });
});
