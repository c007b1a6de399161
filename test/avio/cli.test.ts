// npm run --silent decode -- FILE [...]: one JSON line, exit codes as documented.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { mediaPath } from "../media.ts";
import { references } from "./helpers.ts";

const root = fileURLToPath(new URL("../../", import.meta.url));
const fx = mediaPath;

function decode(...args: string[]) {
  const r = spawnSync(process.execPath, ["scripts/decode.ts", ...args], { cwd: root, encoding: "utf8" });
  return {
    status: r.status,
    stdout: r.stdout,
    stderr: r.stderr,
    json: r.stdout.trim() ? JSON.parse(r.stdout) : null,
  };
}

describe("decode CLI", () => {
  it("prints exactly the documented fields, matching native FFmpeg", () => {
    const ref = references["flac-44k-stereo.flac"];
    const r = decode(fx("flac-44k-stereo.flac"));
    expect(r.status).toBe(0);
    expect(r.stdout.trim().split("\n")).toHaveLength(1);
    expect(Object.keys(r.json)).toEqual([
      "format",
      "codec",
      "sampleRate",
      "channels",
      "samples",
      "md5",
      "reads",
      "seeks",
    ]);
    expect(r.json).toMatchObject({
      format: "flac",
      codec: "flac",
      sampleRate: 44100,
      channels: 2,
      samples: ref.samples,
      md5: ref.md5,
    });
    expect(r.json.reads).toBeGreaterThan(0);
  });

  it("--buffer-size changes the number of read_packet calls, not the audio", () => {
    const small = decode(fx("wav-s16-44k-stereo.wav"), "--buffer-size", "1024").json;
    const large = decode(fx("wav-s16-44k-stereo.wav"), "--buffer-size", "65536").json;
    expect(small.md5).toBe(large.md5);
    expect(small.reads).toBeGreaterThan(large.reads * 8);
  });

  it("--no-seek: no seek calls; mp3 end padding is then not trimmed", () => {
    const r = decode(fx("mp3-cbr-44k-stereo.mp3"), "--no-seek").json;
    expect(r.seeks).toBe(0);
    expect(r.samples).toBeGreaterThan(references["mp3-cbr-44k-stereo.mp3"].samples);
  });

  it("--out writes the s16le PCM whose MD5 is printed; --trace writes the trace to stderr", () => {
    const tmp = mkdtempSync(join(tmpdir(), "avio-cli-"));
    const out = join(tmp, "out.pcm");
    const r = decode(fx("ogg-vorbis-44k-stereo.ogg"), "--out", out, "--trace");
    const written = readFileSync(out);
    rmSync(tmp, { recursive: true, force: true });
    expect(createHash("md5").update(written).digest("hex")).toBe(r.json.md5);
    expect(r.json.md5).toBe(references["ogg-vorbis-44k-stereo.ogg"].md5);
    expect(r.stderr).toMatch(/read_packet\s+#1\s+buf_size=4096/);
    expect(r.stderr).toMatch(/AVERROR_EOF/);
    expect(r.stderr).toMatch(/^totals: read_packet \d+ calls/m);
  });

  it("FFmpeg's message and exit 1 for input it cannot open", () => {
    const r = decode(fx("garbage.bin"));
    expect(r.status).toBe(1);
    expect(r.json.error).toBe("Invalid data found when processing input");
  });

  it("a codec this build cannot decode: FFmpeg's error, what is missing, and an explanation", () => {
    const r = decode(fx("unsupported-adpcm-ima-22k-mono.wav"));
    expect(r.status).toBe(1);
    expect(r.json).toMatchObject({
      error: "Decoder not found",
      stage: "decode",
      missing: { kind: "decoder", name: "adpcm_ima_wav", description: "ADPCM IMA WAV" },
    });
    expect(r.json.explanation).toMatch(
      /^This workbook's FFmpeg has no decoder for adpcm_ima_wav \(ADPCM IMA WAV\).*Decoders built in: .*pcm_s24le/,
    );
    expect(r.stderr).toContain(r.json.explanation);
  });

  it("a format without a demuxer here, explained in Chinese with --lang zh-cn", () => {
    const r = decode(fx("unsupported-caf-22k-mono.caf"), "--lang", "zh-cn");
    expect(r.status).toBe(1);
    expect(r.json).toMatchObject({
      error: "Invalid data found when processing input",
      stage: "avformat_open_input",
      missing: { kind: "demuxer", name: "caf" },
    });
    expect(r.json.explanation).toMatch(/^本工作簿的 FFmpeg 没有这种格式的解封装器：探测发现这是 Apple CAF/);
    expect(decode(fx("garbage.bin")).json.missing).toMatchObject({
      kind: "demuxer",
      name: null,
      probe: { bytes: 8192, signature: null },
    });
  });

  it("exit 1 with an error for a missing file; exit 2 for bad usage", () => {
    expect(decode("no/such/file.mp3").status).toBe(1);
    const bad = decode(fx("garbage.bin"), "--buffer-size", "zero");
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/--buffer-size/);
    expect(decode().status).toBe(2);
    expect(decode(fx("garbage.bin"), "--lang", "fr").status).toBe(2);
  });
});
