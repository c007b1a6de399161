// avio_ctx.seekable as C code sets it: 0 keeps a seek callback for AVSEEK_SIZE
// while demuxers stop jumping (ogg_get_length() in libavformat/oggdec.c returns
// early when !(pb->seekable & AVIO_SEEKABLE_NORMAL)).
import { beforeAll, describe, expect, it } from "vitest";
import { av_free, av_malloc, avio_alloc_context, avio_context_free } from "../../src/avio/index.ts";
import { AVIO_SEEKABLE_NORMAL, AVSEEK_SIZE } from "../../src/avio/constants.ts";
import type { Engine } from "../../src/avio/engine.ts";
import { memory_read_packet, memory_seek, type BufferData } from "../../src/avio/memory.ts";
import { loadEngine } from "../../src/avio/node.ts";
import { decodeBytes, fixture } from "./helpers.ts";

let engine: Engine;
beforeAll(async () => {
  engine = await loadEngine();
});

describe("avio_ctx.seekable", () => {
  it("starts as AVIO_SEEKABLE_NORMAL with a seek callback and reads back what is set", () => {
    const buffer = av_malloc(4096);
    const ctx = avio_alloc_context(
      buffer,
      4096,
      0,
      { data: new Uint8Array(1), pos: 0 },
      memory_read_packet,
      null,
      memory_seek,
    )!;
    expect(ctx.seekable).toBe(AVIO_SEEKABLE_NORMAL);
    ctx.seekable = 0;
    expect(ctx.seekable).toBe(0);
    expect(ctx.buffer_size).toBe(4096); // the neighbouring fields are untouched
    expect(ctx.write_flag).toBe(0);
    ctx.seekable = AVIO_SEEKABLE_NORMAL;
    expect(ctx.seekable).toBe(AVIO_SEEKABLE_NORMAL);
    av_free(ctx.buffer);
    ctx.buffer = 0;
    avio_context_free(ctx);
  });

  it("0 stops the Ogg demuxer's jump to the end; AVSEEK_SIZE still reaches seek", () => {
    const data = fixture("ogg-vorbis-44k-stereo.ogg");
    const calls = (seekable?: number) => {
      const seen: number[] = [];
      const seek = (o: BufferData, offset: number, whence: number) => (
        seen.push(whence & AVSEEK_SIZE ? -1 : offset), memory_seek(o, offset, whence)
      );
      const { outcome } = decodeBytes(engine, data, { seek, seekable });
      expect(outcome.ok).toBe(true);
      return seen;
    };
    const seekable = calls();
    expect(seekable.some((offset) => offset > data.length - 65536 && offset > 0)).toBe(true); // near the end: the last granule
    const forwardOnly = calls(0);
    expect(forwardOnly).toContain(-1);
    expect(forwardOnly.filter((offset) => offset >= 0)).toEqual([]);
  });
});
