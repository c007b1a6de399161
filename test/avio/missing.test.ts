// Errors that name what this build lacks: a decoder (the container opened, the codec has no
// decoder here) or a demuxer (FFmpeg says "Invalid data found", but the data is valid for a
// demuxer that is not built in), in English and Chinese, with what is supported.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AVERROR_DECODER_NOT_FOUND, AVERROR_INVALIDDATA } from "../../src/avio/constants.ts";
import type { Engine } from "../../src/avio/engine.ts";
import { missingText, sniffSignature, supportedComponents } from "../../src/avio/missing.ts";
import { loadEngine } from "../../src/avio/node.ts";
import { decodeBytes, fixture, isUnsupported, references } from "./helpers.ts";

let engine: Engine;
beforeAll(async () => {
  engine = await loadEngine();
});

const manifest = JSON.parse(
  readFileSync(new URL("../../wasm/dist/manifest.json", import.meta.url), "utf8"),
) as { configure: string[] };
const enabled = (kind: string) =>
  manifest.configure
    .filter((f) => f.startsWith(`--enable-${kind}=`))
    .flatMap((f) => f.split("=")[1]!.split(","));

describe("what is built in", () => {
  it("supportedComponents lists exactly the decoders and demuxers wasm/build.sh enables", () => {
    const s = supportedComponents(engine);
    expect(s.decoders.map((d) => d.name).sort()).toEqual(enabled("decoder").sort());
    // Demuxer names may list several ("mov,mp4,m4a,3gp,3g2,mj2"); configure takes the first.
    expect(s.demuxers.map((d) => d.name.split(",")[0]).sort()).toEqual(enabled("demuxer").sort());
    for (const c of [...s.decoders, ...s.demuxers]) expect(c.description).not.toBe("");
  });
});

describe("a codec without a decoder here", () => {
  const name = "unsupported-adpcm-ima-22k-mono.wav";
  it("fails in decode with AVERROR_DECODER_NOT_FOUND and names the codec as native FFmpeg does", () => {
    const { outcome } = decodeBytes(engine, fixture(name));
    expect(outcome.stage).toBe("decode");
    expect(outcome.ret).toBe(AVERROR_DECODER_NOT_FOUND);
    expect(outcome.info?.format).toBe("wav"); // the demuxer did its part
    expect(outcome.missing).toEqual({
      kind: "decoder",
      name: references[name]!.codec,
      description: "ADPCM IMA WAV",
    });
  });

  it("says so in English and Chinese, with every decoder that is built in", () => {
    const { outcome } = decodeBytes(engine, fixture(name));
    const supported = supportedComponents(engine);
    const en = missingText(outcome.missing!, supported, "en");
    const zh = missingText(outcome.missing!, supported, "zh-cn");
    expect(en).toMatch(/^This workbook's FFmpeg has no decoder for adpcm_ima_wav \(ADPCM IMA WAV\)/);
    expect(zh).toMatch(/^本工作簿的 FFmpeg 没有 adpcm_ima_wav（ADPCM IMA WAV）的解码器/);
    for (const d of supported.decoders) {
      expect(en).toContain(d.name);
      expect(zh).toContain(d.name);
    }
  });
});

describe("a codec FFmpeg does not know at all", () => {
  it("a WAV whose format tag no FFmpeg maps to a codec: the tag, and no promise that converting helps", () => {
    const data = fixture("wav-s16-22k-mono.wav");
    data[20] = 0x34; // WAVEFORMATEX.wFormatTag = 0x1234
    data[21] = 0x12;
    const { outcome } = decodeBytes(engine, data);
    expect(outcome.ret).toBe(AVERROR_DECODER_NOT_FOUND);
    expect(outcome.missing).toEqual({ kind: "decoder", name: null, description: null, tag: "0x1234" });
    expect(missingText(outcome.missing!, supportedComponents(engine))).toMatch(
      /^The container opened, but its audio is in a codec FFmpeg does not know \(the container's codec tag is 0x1234\)/,
    );
    expect(missingText(outcome.missing!, supportedComponents(engine), "zh-cn")).toContain(
      "编解码器标签为 0x1234",
    );
  });
});

describe("a format without a demuxer here", () => {
  it("CAF: FFmpeg's AVERROR_INVALIDDATA, and missing names the caf demuxer", () => {
    const { outcome } = decodeBytes(engine, fixture("unsupported-caf-22k-mono.caf"));
    expect(outcome.stage).toBe("avformat_open_input");
    expect(outcome.ret).toBe(AVERROR_INVALIDDATA);
    expect(outcome.missing).toMatchObject({
      kind: "demuxer",
      name: "caf",
      description: "Apple CAF (Core Audio Format)",
    });
    expect(outcome.missing!.probe).toMatchObject({
      signature: { demuxer: "caf" },
      closest: null,
      head: expect.stringMatching(/^63 61 66 66 /),
    });
    const supported = supportedComponents(engine);
    const en = missingText(outcome.missing!, supported, "en");
    const zh = missingText(outcome.missing!, supported, "zh-cn");
    expect(en).toContain(
      "no demuxer for this format: probing found Apple CAF (Core Audio Format) data, which FFmpeg reads with its caf demuxer",
    );
    expect(zh).toContain("没有这种格式的解封装器");
    expect(zh).toContain("caf 解封装器");
    for (const d of supported.demuxers) {
      expect(en).toContain(d.name);
      expect(zh).toContain(d.name);
    }
  });

  it("bytes no demuxer recognises: probing found no signature and no built-in demuxer scored", () => {
    const { outcome } = decodeBytes(engine, fixture("garbage.bin"));
    expect(outcome.missing).toEqual({
      kind: "demuxer",
      name: null,
      description: null,
      probe: {
        bytes: 8192,
        head: "d3 a7 50 7f 56 56 96 f1 e8 b2 67 c9 fe 09 f3 73",
        signature: null,
        closest: null,
      },
    });
    expect(missingText(outcome.missing!, supportedComponents(engine))).toContain(
      "probing the first 8192 bytes (d3 a7 50 7f",
    );
    expect(missingText(outcome.missing!, supportedComponents(engine), "zh-cn")).toContain(
      "探测了开头的 8192 个字节",
    );
  });

  it("no bytes at all: the text points at read_packet, not at a format", () => {
    const { outcome } = decodeBytes(engine, fixture("empty.bin"));
    expect(outcome.missing?.probe?.bytes).toBe(0);
    expect(missingText(outcome.missing!, supportedComponents(engine))).toMatch(
      /^There was nothing to probe: read_packet/,
    );
    expect(missingText(outcome.missing!, supportedComponents(engine), "zh-cn")).toMatch(
      /^没有可供探测的数据：read_packet/,
    );
  });

  it("no bytes because read_packet answered AVERROR_INVALIDDATA: FFmpeg's message stands, not 'nothing to probe'", () => {
    // av_probe_input_buffer2() returns a non-EOF error from avio_read() as itself (libavformat/format.c).
    const { outcome } = decodeBytes(engine, fixture("flac-44k-stereo.flac"), {
      read_packet: () => AVERROR_INVALIDDATA,
    });
    expect(outcome.ok).toBe(false);
    expect(outcome.missing).toBeUndefined();
  });

  it("probing sees what read_packet delivered from position 0, whatever the buffer size", () => {
    const { outcome } = decodeBytes(engine, fixture("unsupported-caf-22k-mono.caf"), { buffer_size: 7 });
    expect(outcome.missing?.name).toBe("caf");
  });

  it("broken data for a demuxer that is built in keeps FFmpeg's message and names nothing missing", () => {
    for (const name of ["truncated-m4a-moov-end.m4a"]) {
      const { outcome } = decodeBytes(engine, fixture(name));
      expect(outcome.ret).toBe(AVERROR_INVALIDDATA);
      expect(outcome.missing).toBeUndefined();
    }
  });

  it("every file this build decodes has nothing missing", () => {
    for (const [name, ref] of Object.entries(references)) {
      if (ref.nativeExit !== 0 || isUnsupported(name)) continue;
      expect(decodeBytes(engine, fixture(name)).outcome.missing, name).toBeUndefined();
    }
  });
});

describe("the run report carries it, whoever calls the API", () => {
  it("learner-style code calling avformat_open_input and decode_audio itself: endSession().missing", async () => {
    const api = await import("../../src/avio/index.ts");
    const { memory_read_packet, memory_seek } = await import("../../src/avio/memory.ts");
    const { AVMEDIA_TYPE_AUDIO } = await import("../../src/avio/constants.ts");
    const open = (name: string) => {
      const avio = api.avio_alloc_context(
        api.av_malloc(4096),
        4096,
        0,
        { data: fixture(name), pos: 0 },
        memory_read_packet,
        null,
        memory_seek,
      )!;
      const fmt = api.avformat_alloc_context();
      fmt.pb = avio;
      return { avio, fmt, ret: api.avformat_open_input(fmt, null, null, null) };
    };
    const close = (avio: InstanceType<typeof api.AVIOContext>) => {
      api.av_freep(avio, "buffer");
      api.avio_context_free(avio);
    };

    engine.beginSession();
    const caf = open("unsupported-caf-22k-mono.caf");
    expect(caf.ret).toBe(AVERROR_INVALIDDATA);
    close(caf.avio);
    expect(engine.endSession().missing).toMatchObject({ kind: "demuxer", name: "caf" });

    engine.beginSession();
    const adpcm = open("unsupported-adpcm-ima-22k-mono.wav");
    expect(adpcm.ret).toBe(0);
    expect(api.avformat_find_stream_info(adpcm.fmt, null)).toBeGreaterThanOrEqual(0);
    const index = api.av_find_best_stream(adpcm.fmt, AVMEDIA_TYPE_AUDIO, -1, -1, null, 0);
    expect(api.decode_audio(adpcm.fmt, index).ret).toBe(AVERROR_DECODER_NOT_FOUND);
    api.avformat_close_input(adpcm.fmt);
    close(adpcm.avio);
    const report = engine.endSession();
    expect(report.missing).toEqual({ kind: "decoder", name: "adpcm_ima_wav", description: "ADPCM IMA WAV" });
    expect(report.diagnostics.map((d) => d.code)).toEqual(["ffmpeg_error"]); // no leak reported

    engine.beginSession(); // a new run starts clean
    expect(engine.endSession().missing).toBeUndefined();
  });

  it("decodeWithCallbacks: outcome.missing is report.missing", () => {
    const { outcome } = decodeBytes(engine, fixture("unsupported-caf-22k-mono.caf"));
    expect(outcome.report.missing).toBe(outcome.missing);
  });
});

describe("signatures name the demuxer native FFmpeg picks", () => {
  // Files native ffmpeg writes in formats this build has no demuxer for (plus RF64, which the
  // wav demuxer reads): the signature table must agree with ffprobe, and the engine must say
  // which demuxer is missing.
  const made: [string, string[]][] = [
    ["au", ["-c:a", "pcm_s16be", "-f", "au"]],
    ["w64", ["-c:a", "pcm_s16le", "-f", "w64"]],
    ["voc", ["-c:a", "pcm_u8", "-f", "voc"]],
    ["wv", ["-c:a", "wavpack", "-f", "wv"]],
    ["tta", ["-c:a", "tta", "-f", "tta"]],
    ["asf", ["-c:a", "wmav2", "-f", "asf"]],
    ["avi", ["-c:a", "pcm_s16le", "-f", "avi"]],
    ["flv", ["-c:a", "pcm_s16le", "-f", "flv"]],
    ["wav", ["-c:a", "pcm_s16le", "-rf64", "always", "-f", "wav"]],
  ];
  const dir = mkdtempSync(join(tmpdir(), "avio-missing-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each(made)("%s", (demuxer, args) => {
    const file = join(dir, `sample.${demuxer}`);
    const mk = spawnSync("ffmpeg", [
      "-v",
      "error",
      "-y",
      "-f",
      "lavfi",
      "-i",
      "sine=f=440:r=22050:d=0.2",
      ...args,
      file,
    ]);
    expect(mk.status, String(mk.stderr)).toBe(0);
    const probe = spawnSync(
      "ffprobe",
      ["-v", "error", "-show_entries", "format=format_name", "-of", "csv=p=0", file],
      { encoding: "utf8" },
    );
    const data = new Uint8Array(readFileSync(file));
    expect(probe.stdout.trim().split(",")).toContain(sniffSignature(data)?.demuxer);
    const { outcome } = decodeBytes(engine, data);
    if (demuxer === "wav") expect(outcome.ok).toBe(true);
    else expect(outcome.missing).toMatchObject({ kind: "demuxer", name: demuxer });
  });

  it("fixtures of built-in formats: a signature, if any, names the demuxer ffprobe reported", () => {
    for (const [name, ref] of Object.entries(references)) {
      const sig = sniffSignature(fixture(name));
      if (sig && ref.format) expect(ref.format.split(","), name).toContain(sig.demuxer);
    }
  });
});
