// The committed build output is what its manifest says, and the TS constants
// are the values compiled into it.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import * as constants from "../../src/avio/constants.ts";
import { loadEngine } from "../../src/avio/node.ts";

const dist = new URL("../../wasm/dist/", import.meta.url);
const manifest = JSON.parse(readFileSync(new URL("manifest.json", dist), "utf8"));

describe("wasm/dist", () => {
  it("manifest sha256 matches the committed .wasm", () => {
    const sha = createHash("sha256")
      .update(readFileSync(new URL(manifest.wasm, dist)))
      .digest("hex");
    expect(sha).toBe(manifest.sha256);
  });

  it("records FFmpeg 5.1.9 from Debian's source package and emcc 3.1.6", () => {
    expect(manifest.ffmpeg).toBe("5.1.9");
    expect(manifest.ffmpegSource).toMatch(/Debian source package ffmpeg/);
    expect(manifest.emcc).toBe("3.1.6");
    expect(manifest.configure).toContain("--disable-iconv");
  });

  it("runs the FFmpeg the manifest names", async () => {
    const engine = await loadEngine();
    expect(engine.ffmpegVersion).toBe(manifest.ffmpeg);
  });

  it("src/avio/constants.ts equals the values compiled into the module (WASI errno, not Linux)", async () => {
    const engine = await loadEngine();
    const compiled = JSON.parse(engine.cstr(engine.module._wb_constants_json()));
    expect({ ...constants }).toEqual(compiled);
    expect(constants.EIO).not.toBe(5); // Linux's value would be a hand-typed bug
  });
});
