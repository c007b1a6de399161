// @vitest-environment happy-dom
// Each view rendered from a realistic RunResult: the named regions, rows and
// controls a learner (or a screen reader) finds, and clean re-renders.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { renderByteMap } from "../../src/playground/views/bytemap.ts";
import { renderDiagnostics } from "../../src/playground/views/diagnostics.ts";
import { clearView } from "../../src/playground/views/dom.ts";
import { renderInfo } from "../../src/playground/views/info.ts";
import { renderOutput } from "../../src/playground/views/output.ts";
import { Player } from "../../src/playground/views/player.ts";
import { strings } from "../../src/i18n/index.ts";
import { renderTrace } from "../../src/playground/views/trace.ts";
import { renderWaveform } from "../../src/playground/views/waveform.ts";
import { m4aMoovEndResult, mp3Result, muxResult, zeroLoopResult } from "./views-fixture.ts";

const en = strings("en").views;
const zh = strings("zh-cn").views;

let container: HTMLElement;
beforeEach(() => {
  container = document.createElement("div");
  document.body.append(container);
});
afterEach(() => {
  clearView(container);
  container.remove();
});

/** The element's accessible name, as far as these views produce one. */
function accessibleName(el: Element): string {
  const ids = el.getAttribute("aria-labelledby");
  if (ids)
    return ids
      .split(" ")
      .map((id) => document.getElementById(id)!.textContent)
      .join(" ");
  return el.getAttribute("aria-label") ?? "";
}

function regionNamed(name: string): HTMLElement {
  const found = [
    ...container.querySelectorAll<HTMLElement>("section[aria-labelledby], [role=region]"),
  ].filter((r) => accessibleName(r) === name);
  expect(found, `one region named "${name}"`).toHaveLength(1);
  return found[0]!;
}

const cellTexts = (row: Element) => [...row.children].map((c) => c.textContent!.trim());

describe("stream info", () => {
  it('is a description list in the region "Stream info"', () => {
    renderInfo(container, mp3Result(), en);
    const region = regionNamed("Stream info");
    const terms = [...region.querySelectorAll("dl dt")].map((dt) => dt.textContent);
    expect(terms).toEqual([
      "Container",
      "Codec",
      "Sample rate",
      "Channels",
      "Duration",
      "Bytes read",
      "Decoded samples",
      "AVIO buffer",
      "Run time",
    ]);
    expect(region.querySelector("dl")!.textContent).toContain("libavformat replaced the buffer");
  });

  it("says no stream was opened when FFmpeg failed before", () => {
    const result = zeroLoopResult();
    delete result.info;
    renderInfo(container, result, en);
    expect(regionNamed("Stream info").textContent).toContain(en.info.noStream);
  });

  it("re-renders in place", () => {
    renderInfo(container, mp3Result(), en);
    renderInfo(container, m4aMoovEndResult(), zh);
    expect(container.querySelectorAll("section")).toHaveLength(1);
    expect(regionNamed("流信息").textContent).toContain("196.9%");
  });
});

describe("callback trace", () => {
  it("lists calls with named arguments and returns, folding runs", () => {
    renderTrace(container, mp3Result().trace, en);
    const region = regionNamed("Callback trace");
    const rows = [...region.querySelectorAll("table.pg-trace > tbody > tr")];
    // The callback cell repeats the arguments for phones, where the Arguments column gives way (CSS).
    expect(cellTexts(rows[0]!)).toEqual([
      "1",
      "read_packet #1call 1buf_size=32768",
      "buf_size=32768",
      "32768",
      "0 → 32,768",
      "0.02",
    ]);
    expect(cellTexts(rows[1]!).slice(2, 4)).toEqual(["offset=0, whence=AVSEEK_SIZE", "361653"]);
    const buttons = [...region.querySelectorAll("button")];
    expect(buttons.map((b) => b.textContent)).toEqual([
      "▸read_packet × 5, 163,840 bytes",
      "▸read_packet × 6, 165,045 bytes",
    ]);
    const eof = rows.filter((r) => r.textContent!.includes("AVERROR_EOF"));
    expect(eof).toHaveLength(2);
    expect(eof.every((r) => r.classList.contains("is-eof"))).toBe(true);
  });

  it("expands a folded run with its button and reports the state", () => {
    renderTrace(container, mp3Result().trace, en);
    const button = regionNamed("Callback trace").querySelector("button")!;
    const members = document.getElementById(button.getAttribute("aria-controls")!)!;
    expect(button.getAttribute("aria-expanded")).toBe("false");
    expect(members.hidden).toBe(true);
    button.click();
    expect(button.getAttribute("aria-expanded")).toBe("true");
    expect(members.hidden).toBe(false);
    expect([...members.querySelectorAll("tr")].map((r) => r.firstElementChild!.textContent)).toEqual([
      "4",
      "5",
      "6",
      "7",
      "8",
    ]);
    button.click();
    expect(button.getAttribute("aria-expanded")).toBe("false");
    expect(members.hidden).toBe(true);
    button.click();
    expect(members.querySelectorAll("tr")).toHaveLength(5);
  });

  it("shows omitted calls, the zero returns and the safety net's change, with text", () => {
    renderTrace(container, zeroLoopResult().trace, en);
    const region = regionNamed("Callback trace");
    expect(region.querySelector(".pg-trace__omitted")!.textContent).toBe(
      "… 329 calls in between were counted but not kept …",
    );
    const last = [...region.querySelectorAll("table.pg-trace > tbody:not([hidden]) > tr")].at(-1)!;
    expect(last.classList.contains("is-error")).toBe(true);
    expect(last.querySelector(".pg-tag")!.textContent).toBe("⚠ safety net: FFmpeg got AVERROR_EXIT");
    const zeroRun = [...region.querySelectorAll(".pg-trace__run tr")].find((r) =>
      r.textContent!.includes("× 471"),
    )!;
    expect(zeroRun.textContent).toContain("never return 0");
  });

  it("totals each callback that ran", () => {
    renderTrace(container, zeroLoopResult().trace, en);
    const totals = regionNamed("Callback trace").querySelector("table.pg-totals")!;
    expect(totals.querySelector("caption")!.textContent).toBe("Totals");
    expect([...totals.querySelectorAll("tbody tr")].map((r) => cellTexts(r).slice(0, 4))).toEqual([
      ["read_packet", "1,022", "88,278", "1"],
      ["seek", "7", "0", "0"],
    ]);
  });

  it("an excerpt without totals (a failed test's calls) shows no empty totals table", () => {
    const { head } = zeroLoopResult().trace;
    const none = { calls: 0, bytes: 0, errors: 0, ms: 0 };
    renderTrace(
      container,
      {
        head: head.slice(0, 3),
        tail: [],
        omitted: 0,
        totals: { read_packet: none, write_packet: none, seek: none },
      },
      en,
    );
    const region = regionNamed("Callback trace");
    expect(region.querySelectorAll("tbody tr").length).toBeGreaterThan(0);
    expect(region.querySelector("table.pg-totals")).toBeNull();
  });
});

describe("byte map", () => {
  it('is an image named "Byte map…" described by a text summary', () => {
    renderByteMap(container, m4aMoovEndResult().byteMap, en);
    const img = regionNamed("Byte map").querySelector("[role=img]")!;
    expect(accessibleName(img)).toMatch(/^Byte map/);
    expect(document.getElementById(img.getAttribute("aria-describedby")!)!.textContent).toBe(
      "Read 2 ranges: 0–24.8 KiB, 44 B–24 KiB (after seek); 1 seek, 5 AVSEEK_SIZE queries.",
    );
    expect(img.querySelectorAll("rect.pg-bytemap__read")).toHaveLength(2);
    expect(img.querySelectorAll("path.pg-bytemap__arc")).toHaveLength(1);
    expect([...img.querySelectorAll("text")].map((t) => t.textContent)).toEqual([
      "0",
      "4 KiB",
      "8 KiB",
      "12 KiB",
      "16 KiB",
      "20 KiB",
      "24 KiB",
    ]);
  });

  it("colours reads from first to last", () => {
    renderByteMap(container, m4aMoovEndResult().byteMap, en);
    const fills = [...container.querySelectorAll("rect.pg-bytemap__read")].map((r) =>
      r.getAttribute("style"),
    );
    expect(fills[0]).toContain("var(--pg-map-late) 0%");
    expect(fills[1]).toContain("var(--pg-map-late) 100%");
  });

  it("says so when the input is empty", () => {
    renderByteMap(container, { size: 0, reads: [], seeks: [] }, en);
    expect(container.querySelector("svg")).toBeNull();
    expect(regionNamed("Byte map").textContent).toContain("The input file is empty.");
  });
});

describe("diagnostics", () => {
  it("lists each broken rule with severity, code, message and lesson link", () => {
    renderDiagnostics(container, zeroLoopResult(), en);
    const items = [...regionNamed("Diagnostics").querySelectorAll("li")];
    expect(items).toHaveLength(2);
    expect(items[0]!.querySelector(".pg-tag")!.textContent).toBe("✖ Error");
    expect(items[0]!.querySelector("code")!.textContent).toBe("read_packet_returned_zero");
    expect(items[0]!.textContent).toContain("read_packet returned 0 on call 23");
    expect(items[0]!.querySelector("a")!.getAttribute("href")).toBe("/lessons/read-packet/#never-return-0");
  });

  it("translates messages and prefixes lesson links for another locale", () => {
    renderDiagnostics(container, zeroLoopResult(), zh, { base: "/zh-cn" });
    const item = regionNamed("诊断").querySelector("li")!;
    expect(item.textContent).toContain("read_packet 在第 23 次调用时返回了 0");
    expect(item.querySelector("a")!.getAttribute("href")).toBe("/zh-cn/lessons/read-packet/#never-return-0");
  });

  it("says no rule was broken, and shows FFmpeg's log with levels", () => {
    renderDiagnostics(container, mp3Result(), en);
    const region = regionNamed("Diagnostics");
    expect(region.textContent).toContain("No rule broken.");
    expect(region.querySelector("ul")).toBeNull();
    const lines = [...region.querySelectorAll("pre .pg-log__line")];
    expect(lines).toHaveLength(6);
    expect(lines[0]!.textContent).toBe(
      "warning [mp3float @ 0x6a2e40] Could not update timestamps for skipped samples.\n",
    );
    expect(lines[0]!.classList.contains("is-problem")).toBe(true);
    expect(lines[1]!.classList.contains("is-problem")).toBe(false);
  });
});

describe("waveform and player", () => {
  it('draws the waveform as an image named "Waveform…"', () => {
    renderWaveform(container, mp3Result(), en);
    const canvas = container.querySelector("canvas")!;
    expect(canvas.getAttribute("role")).toBe("img");
    expect(accessibleName(canvas)).toBe("Waveform of the decoded audio, 22.6 s, 44,100 Hz, 2 channels");
  });

  /** Just enough of Web Audio to watch what the player does with it. */
  function fakeAudio() {
    const log: string[] = [];
    const sources: { onended: (() => void) | null }[] = [];
    const context = {
      currentTime: 0,
      destination: {},
      resume: async () => log.push("resume"),
      close: async () => log.push("close"),
      createBuffer: (channels: number, frames: number, rate: number) => {
        log.push(`buffer ${channels}×${frames} @${rate}`);
        return { copyToChannel: (_: Float32Array, c: number) => log.push(`copy ${c}`) };
      },
      createBufferSource: () => {
        const source = {
          buffer: null,
          onended: null as (() => void) | null,
          connect: () => {},
          disconnect: () => log.push("disconnect"),
          start: () => log.push("start"),
          stop: () => log.push("stop"),
        };
        sources.push(source);
        return source;
      },
    };
    return { log, sources, context, factory: () => context as unknown as AudioContext };
  }

  it("plays the PCM through Web Audio, moves the cursor, and stops", () => {
    const audio = fakeAudio();
    const player = new Player(container, en, audio.factory);
    player.render(mp3Result());
    const region = regionNamed("Decoded audio");
    const button = region.querySelector("button")!;
    const cursor = region.querySelector<HTMLElement>(".pg-player__cursor")!;
    expect(button.textContent).toBe("Play");
    expect(region.textContent).toContain("Playback covers the first 3.00 s.");
    const unplayable = region.querySelector<HTMLElement>(".pg-player__unplayable")!;
    expect(parseFloat(unplayable.style.left)).toBeCloseTo((3 / (995_328 / 44100)) * 100, 5);

    vi.useFakeTimers({ toFake: ["requestAnimationFrame", "cancelAnimationFrame"] });
    button.click();
    expect(player.playing).toBe(true);
    expect(button.textContent).toBe("Stop");
    expect(audio.log).toEqual(["resume", "buffer 2×132300 @44100", "copy 0", "copy 1", "start"]);
    expect(cursor.hidden).toBe(false);

    audio.context.currentTime = 995_328 / 44100 / 10; // a tenth of the waveform
    vi.advanceTimersToNextFrame();
    expect(cursor.style.left).toBe("10%");
    expect(region.querySelector(".pg-player__clock")!.textContent).toBe("2.26 / 22.6 s");

    button.click();
    expect(player.playing).toBe(false);
    expect(button.textContent).toBe("Play");
    expect(cursor.hidden).toBe(true);
    expect(audio.log.slice(-2)).toEqual(["stop", "disconnect"]);
    vi.useRealTimers();
  });

  it("returns to Play when the audio ends, and stops on re-render and destroy", () => {
    const audio = fakeAudio();
    const player = new Player(container, en, audio.factory);
    player.render(mp3Result());
    player.play();
    audio.sources[0]!.onended!();
    expect(player.playing).toBe(false);
    expect(container.querySelector("button")!.textContent).toBe("Play");

    player.play();
    player.render(m4aMoovEndResult());
    expect(player.playing).toBe(false);
    expect(container.querySelectorAll("section")).toHaveLength(1);
    // 2.00 s of PCM for 2.005 s of waveform is rounding, not a shortened playback.
    expect(container.querySelector(".pg-player__unplayable")).toBeNull();

    player.play();
    player.destroy();
    expect(player.playing).toBe(false);
    expect(audio.log.at(-1)).toBe("close");
    expect(container.childElementCount).toBe(0);
  });

  it("disables Play without Web Audio or without PCM", () => {
    new Player(container, en, null).render(mp3Result());
    expect(container.querySelector("button")!.disabled).toBe(true);
    expect(container.textContent).toContain(en.player.noWebAudio);
    const { playback: _, ...noPcm } = mp3Result();
    new Player(container, en, fakeAudio().factory).render(noPcm);
    expect(container.querySelector("button")!.disabled).toBe(true);
    expect(container.textContent).toContain(en.player.noPlayback);
  });
});

describe("output file", () => {
  it("annotates the WAV header, offers a download and an audio player", () => {
    const { output } = muxResult("wav", false);
    renderOutput(container, output!, en);
    const region = regionNamed("Output file");
    const link = region.querySelector("a")!;
    expect(link.textContent).toBe("Download output.wav");
    expect(link.getAttribute("download")).toBe("output.wav");
    expect(link.getAttribute("href")).toMatch(/^blob:/);
    expect(region.querySelector("audio")!.getAttribute("src")).toBe(link.getAttribute("href"));
    const hex = region.querySelector("pre.pg-hex")!.textContent!.split("\n");
    expect(hex[1]).toBe("00000000  52 49 46 46 ff ff ff ff 57 41 56 45 66 6d 74 20  RIFF....WAVEfmt ");
    expect(hex.filter((l) => /^[0-9a-f]{8} /.test(l))).toHaveLength(6);
    const fields = [...region.querySelectorAll("table.pg-fields tbody tr")].map(cellTexts);
    expect(fields[1]).toEqual([
      "4–7",
      "RIFF size (file size − 8)",
      "⚠ 0xFFFFFFFF — unknown: the muxer could not seek back to fill it in",
    ]);
    expect(fields.at(-1)).toEqual([
      "74–77",
      "data size",
      "⚠ 0xFFFFFFFF — unknown: the muxer could not seek back to fill it in",
    ]);
  });

  it("aligns the hex header in Chinese, whose characters are two columns wide", () => {
    renderOutput(container, muxResult("wav", true).output!, zh);
    expect(container.querySelector("pre.pg-hex")!.textContent!.split("\n")[0]).toBe(
      "偏移      00 01 02 03 04 05 06 07 08 09 0a 0b 0c 0d 0e 0f  ASCII",
    );
  });

  it("annotates FLAC STREAMINFO", () => {
    renderOutput(container, muxResult("flac", true).output!, en);
    const fields = [...container.querySelectorAll("table.pg-fields tbody tr")].map(cellTexts);
    expect(fields.find((f) => f[1] === "total samples")).toEqual(["21–25", "total samples", "88,200"]);
    expect(fields.find((f) => f[1] === "sample rate (Hz)")).toEqual(["18–20", "sample rate (Hz)", "44,100"]);
  });

  it("revokes the blob URL when re-rendered, and says when the bytes are not the format", () => {
    const revoke = vi.spyOn(URL, "revokeObjectURL");
    renderOutput(container, muxResult("wav", true).output!, en);
    const first = container.querySelector("a")!.getAttribute("href");
    renderOutput(container, { format: "flac", bytes: new Uint8Array([1, 2, 3]) }, en);
    expect(revoke).toHaveBeenCalledWith(first);
    expect(container.textContent).toContain("These bytes do not start with a FLAC header.");
    revoke.mockRestore();
  });
});
