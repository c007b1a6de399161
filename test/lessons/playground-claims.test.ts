// Every playground in the English lessons runs through the real engine here, and what the
// lesson text says about it (src/lessons/_code/<slug>/claims.ts) must hold.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, dirname, join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { mediaUrl } from "../media.ts";
import { AVSEEK_SIZE } from "../../src/avio/constants.ts";
import type { Engine } from "../../src/avio/engine.ts";
import { loadEngine } from "../../src/avio/node.ts";
import type { PlaygroundClaim } from "../../src/lessons/_code/claim.ts";
import { runRequest, type ReadyRequest } from "../../src/runtime/run-request.ts";

const CODE = new URL("../../src/lessons/_code/", import.meta.url);
const LESSONS = new URL("../../src/lessons/en/", import.meta.url);

const modules = import.meta.glob<{ claims: PlaygroundClaim[] }>("../../src/lessons/_code/*/claims.ts", {
  eager: true,
});
const all = Object.entries(modules).flatMap(([path, mod]) =>
  mod.claims.map((claim) => ({ slug: basename(dirname(path)), claim })),
);

function code(slug: string, file: string): string {
  return readFileSync(new URL(`${slug}/${file}`, CODE), "utf8");
}

function request(slug: string, c: PlaygroundClaim): ReadyRequest {
  const bytes = readFileSync(mediaUrl(c.media));
  return {
    type: "run",
    id: 1,
    code: code(slug, c.file),
    mode: c.mode ?? "decode",
    media: {
      name: c.media,
      bytes: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
    },
    buffer_size: c.bufferSize ?? 4096,
    useSeek: c.useSeek ?? true,
    outputFormat: c.outputFormat,
    movflags: c.movflags,
  };
}

/** Top-level box types of an MP4 (32-bit sizes; what the muxer writes for files this small). */
function topLevelBoxes(b: Uint8Array): string[] {
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const types: string[] = [];
  for (let at = 0; at + 8 <= b.length; ) {
    const size = view.getUint32(at);
    types.push(String.fromCharCode(...b.subarray(at + 4, at + 8)));
    if (size < 8) break;
    at += size;
  }
  return types;
}

/** Native ffprobe (Debian's FFmpeg 5.1.9) on the output: the file a learner downloads is a valid one. */
function ffprobe(bytes: Uint8Array): { format_name: string; codec_name: string; duration_ts: number } {
  const dir = mkdtempSync(join(tmpdir(), "avio-claim-"));
  const file = join(dir, "out.mp4");
  try {
    writeFileSync(file, bytes);
    const r = spawnSync(
      "ffprobe",
      [
        "-v",
        "error",
        "-show_entries",
        "format=format_name:stream=codec_name,duration_ts",
        "-of",
        "json",
        file,
      ],
      { encoding: "utf8" },
    );
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr, "ffprobe reported errors").toBe("");
    const j = JSON.parse(r.stdout) as {
      format: { format_name: string };
      streams: { codec_name: string; duration_ts: number }[];
    };
    return {
      format_name: j.format.format_name,
      codec_name: j.streams[0]!.codec_name,
      duration_ts: j.streams[0]!.duration_ts,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

let engine: Engine;
beforeAll(async () => {
  engine = await loadEngine();
});

describe("lesson playground claims", () => {
  it("there are claims", () => {
    expect(all.length).toBeGreaterThan(0);
  });

  for (const { slug, claim } of all) {
    const label = `${slug}/${claim.file} (${claim.playground}, ${claim.media}${claim.bufferSize ? `, ${claim.bufferSize} B` : ""}${claim.useSeek === false ? ", no seek" : ""})`;

    if (claim.expect.status === "timeout") {
      // Not run in-process (it would hang the worker): the code must at least contain a loop.
      it(`${label}: times out (has a loop)`, () => {
        expect(code(slug, claim.file)).toMatch(/\b(while|for)\s*\(/);
      });
      continue;
    }

    it(`${label}: ${claim.expect.status}`, () => {
      const r = runRequest(engine, request(slug, claim));
      const e = claim.expect;
      const codes = r.diagnostics.map((d) => d.code);
      const summary = JSON.stringify({ status: r.status, error: r.error, codes });
      expect(r.status, summary).toBe(e.status);
      if (e.diagnostics) expect(codes).toEqual(e.diagnostics);
      if (e.includesDiagnostics) expect(codes).toEqual(expect.arrayContaining(e.includesDiagnostics));
      // A whole program's panels describe what it ran: Stream info, the waveform and the trace agree.
      if ((claim.mode ?? "decode") === "script" && r.waveform) {
        expect(r.info, "Stream info describes the decoded stream").toBeDefined();
        expect(r.info!.decodedSamples, "Stream info's samples are the waveform's").toBe(
          r.waveform.totalSamples,
        );
        expect(r.info!.bytesRead).toBe(r.trace.totals.read_packet?.bytes ?? 0);
        expect(r.info!.codec).not.toBe("");
      }
      const samples = r.info?.decodedSamples ?? r.waveform?.totalSamples ?? 0;
      if (e.samples === "> 0") expect(samples).toBeGreaterThan(0);
      else if (e.samples !== undefined) expect(samples).toBe(e.samples);
      if (e.logIncludes) {
        const text = [
          ...r.log.map((l) => l.text),
          r.error?.message ?? "",
          ...r.diagnostics.map((d) => d.message),
        ].join("\n");
        expect(text).toContain(e.logIncludes);
      }
      const reads = r.trace.totals.read_packet.calls;
      if (e.minReads !== undefined) expect(reads).toBeGreaterThanOrEqual(e.minReads);
      if (e.maxReads !== undefined) expect(reads).toBeLessThanOrEqual(e.maxReads);
      const first = r.trace.head.filter((t) => t.callback === "read_packet");
      if (e.firstReads)
        expect(first.slice(0, e.firstReads.length).map((t) => t.buf_size)).toEqual(e.firstReads);
      if (e.firstReturns)
        expect(first.slice(0, e.firstReturns.length).map((t) => t.returnedToFFmpeg)).toEqual(e.firstReturns);
      if (e.bufferReplaced !== undefined) {
        expect(r.buffer, "the run reports no AVIO buffer").toBeDefined();
        expect(r.buffer!.afterOpen !== 0 && r.buffer!.afterOpen !== r.buffer!.original).toBe(
          e.bufferReplaced,
        );
      }
      if (e.writes !== undefined) expect(r.trace.totals.write_packet.calls).toBe(e.writes);
      if (e.firstWrites)
        expect(
          r.trace.head
            .filter((t) => t.callback === "write_packet")
            .slice(0, e.firstWrites.length)
            .map((t) => t.buf_size),
        ).toEqual(e.firstWrites);
      if (e.whenceNever !== undefined) {
        const kept = [...r.trace.head, ...r.trace.tail].filter((t) => t.callback === "seek");
        expect(kept.length, "every seek call is in the trace").toBe(r.trace.totals.seek.calls);
        expect(kept.filter((t) => ((t.whence ?? 0) & e.whenceNever!) !== 0)).toEqual([]);
      }
      if (e.seekSets) {
        expect(r.trace.omitted, "the trace kept every call").toBe(0);
        const sets = [...r.trace.head, ...r.trace.tail].filter(
          (t) => t.callback === "seek" && ((t.whence ?? 0) & AVSEEK_SIZE) === 0,
        );
        expect(sets.map((t) => t.offset)).toEqual(e.seekSets);
      }
      if (e.consoleLines) {
        const printed = (r.console?.lines ?? []).map((l) => l.text);
        expect(printed.filter((t) => e.consoleLines!.includes(t))).toEqual(e.consoleLines);
      }
      const seeks = r.trace.totals.seek.calls;
      if (e.seeks === "> 0") expect(seeks).toBeGreaterThan(0);
      else if (e.seeks !== undefined) expect(seeks).toBe(e.seeks);
      if (e.outputDiffers)
        expect(r.diagnostics.find((d) => d.code === "output_differs")?.params).toMatchObject(e.outputDiffers);
      if (e.writeBytes !== undefined) expect(r.trace.totals.write_packet.bytes).toBe(e.writeBytes);
      if (e.boxes) expect(topLevelBoxes(r.output?.bytes ?? new Uint8Array(0))).toEqual(e.boxes);
      if (e.ffprobe) expect(ffprobe(r.output?.bytes ?? new Uint8Array(0))).toEqual(e.ffprobe);
    });
  }
});

describe("every playground in the English lessons is claimed", () => {
  const lessons = readdirSync(LESSONS).filter((f) => f.endsWith(".mdx"));
  for (const file of lessons) {
    const mdx = readFileSync(new URL(file, LESSONS), "utf8");
    // import name from '../_code/<slug>/<file>.ts?raw';
    const imports = new Map<string, { slug: string; file: string }>();
    for (const m of mdx.matchAll(
      /import\s+(\w+)\s+from\s+['"]\.\.\/_code\/([\w-]+)\/([\w.-]+\.ts)\?raw['"]/g,
    ))
      imports.set(m[1]!, { slug: m[2]!, file: m[3]! });
    const playgrounds = [...mdx.matchAll(/<Playground\b([^>]*?)\/>/gs)].map((m) => m[1]!);
    if (playgrounds.length === 0) continue;

    it(`${file}: each <Playground> starter is a claimed code file`, () => {
      for (const props of playgrounds) {
        const id = /\bid=["']([^"']+)["']/.exec(props)?.[1];
        const starter = /\bstarter=\{(\w+)\}/.exec(props)?.[1];
        expect(id, `a <Playground> in ${file} has no id`).toBeTruthy();
        expect(starter, `<Playground id="${id}"> in ${file} has no starter={…}`).toBeTruthy();
        const src = imports.get(starter!);
        expect(src, `${starter} is not imported from ../_code/<slug>/<file>.ts?raw in ${file}`).toBeTruthy();
        const claimed = all.filter(
          ({ slug, claim }) => slug === src!.slug && claim.file === src!.file && claim.playground === id,
        );
        expect(
          claimed.length,
          `no claim in src/lessons/_code/${src!.slug}/claims.ts for playground "${id}" (${src!.file})`,
        ).toBeGreaterThan(0);
        // The claim runs the media and mode the lesson shows.
        const media = /\bmedia=["']([^"']+)["']/.exec(props)?.[1];
        const mode = /\bmode=["']([^"']+)["']/.exec(props)?.[1] ?? "decode";
        const defaultMedia = mode === "mux" ? "wav-s16-44k-stereo.wav" : "mp3-cbr-44k-stereo.mp3";
        expect(
          claimed.some(
            ({ claim }) => claim.media === (media ?? defaultMedia) && (claim.mode ?? "decode") === mode,
          ),
          `a claim for "${id}" must use the playground's media and mode`,
        ).toBe(true);
      }
    });
  }
});
