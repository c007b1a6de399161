// Numbers the lessons state that are not a single playground run: measured here again.
import { readFileSync } from "node:fs";
import { mediaUrl } from "../media.ts";
import { beforeAll, describe, expect, it } from "vitest";
import type { Engine } from "../../src/avio/engine.ts";
import { loadEngine } from "../../src/avio/node.ts";
import { runRequest } from "../../src/runtime/run-request.ts";
import { runRequestFor } from "../learner-code.ts";

const code = readFileSync(
  new URL("../../src/lessons/_code/buffer-size/count-reads.ts", import.meta.url),
  "utf8",
);

function run(media: string, buffer_size: number) {
  const req = runRequestFor(code, media, { buffer_size });
  const r = runRequest(engine, req);
  const reads = [...r.trace.head, ...r.trace.tail].filter((e) => e.callback === "read_packet");
  return { r, reads };
}

let engine: Engine;
beforeAll(async () => {
  engine = await loadEngine();
});

describe("buffer lesson", () => {
  it("libavformat replaced the buffer in 32 of 32 runs (4 inputs × 8 sizes)", () => {
    let replaced = 0;
    for (const media of [
      "mp3-cbr-44k-stereo.mp3",
      "flac-44k-stereo.flac",
      "wav-s16-44k-stereo.wav",
      "m4a-moov-end-48k-stereo.m4a",
    ])
      for (const size of [512, 1024, 4096, 16384, 32768, 65536, 262144, 1048576]) {
        const { r } = run(media, size);
        expect(r.status).toBe("ok");
        if (r.buffer && r.buffer.afterOpen !== 0 && r.buffer.afterOpen !== r.buffer.original) replaced++;
      }
    expect(replaced).toBe(32);
  });
});

describe("buffer-size lesson", () => {
  it("at 512 B the probe's first call asks for 2,048 bytes (PROBE_BUF_MIN)", () => {
    const { reads } = run("flac-44k-stereo.flac", 512);
    expect(reads.slice(0, 3).map((e) => e.buf_size)).toEqual([2048, 512, 512]);
  });
  it("at 512 B the WAV run asks for 2,048 (the probe), then 2,126 and 4,096 (wav_read_packet)", () => {
    const { reads } = run("wav-s16-44k-stereo.wav", 512);
    expect(reads.slice(0, 3).map((e) => e.buf_size)).toEqual([2048, 2126, 4096]);
  });
  it("at 256 KiB the FLAC refills ask for 262,144 then 209,561 bytes; three AVERROR_EOF answers at the end", () => {
    const { r, reads } = run("flac-44k-stereo.flac", 262144);
    expect(reads.slice(0, 3).map((e) => e.buf_size)).toEqual([262144, 262144, 209561]);
    expect(r.trace.totals.read_packet.errors).toBe(3);
  });
});

describe("transcode lesson", () => {
  const transcode = readFileSync(
    new URL("../../src/lessons/_code/transcode/transcode.ts", import.meta.url),
    "utf8",
  );
  const runTranscode = (code: string) => {
    const bytes = readFileSync(mediaUrl("mp3-cbr-44k-stereo.mp3"));
    return runRequest(engine, {
      type: "run",
      id: 1,
      code,
      mode: "script",
      media: {
        name: "mp3-cbr-44k-stereo.mp3",
        bytes: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
      },
      buffer_size: 4096,
      useSeek: true,
    });
  };
  it("with null instead of seek_out: still Done, and the log says unable to rewrite FLAC header", () => {
    const changed = transcode.replace("write_packet, seek_out);", "write_packet, null);");
    expect(changed).not.toBe(transcode);
    const r = runTranscode(changed);
    expect(r.status, JSON.stringify(r.error)).toBe("ok");
    expect(r.diagnostics).toEqual([]);
    expect(r.log.map((l) => l.text).join("\n")).toContain("unable to rewrite FLAC header.");
  });
  it("decoding the whole output block (zeros past out.size) still passes: why the mistake survives testing", () => {
    const changed = transcode.replace(
      "open_input(out.data.subarray(0, out.size), false)",
      "open_input(out.data, false)",
    );
    expect(changed).not.toBe(transcode);
    const r = runTranscode(changed);
    expect(r.status, JSON.stringify(r.error)).toBe("ok");
  });
});
