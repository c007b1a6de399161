// npm run --silent decode -- FILE [--buffer-size N] [--no-seek] [--out PCM_FILE] [--trace] [--lang en|zh-cn]
// Decodes FILE through the wasm engine with in-memory read_packet/seek callbacks
// and prints one JSON line (see README "Decode CLI").
import { createHash } from "node:crypto";
import { closeSync, openSync, readFileSync, writeSync } from "node:fs";
import { parseArgs } from "node:util";
import { memory_read_packet, memory_seek } from "../src/avio/memory.ts";
import { missingText, supportedComponents } from "../src/avio/missing.ts";
import type { Locale } from "../src/i18n/locales.ts";
import { loadEngine } from "../src/avio/node.ts";
import { decodeWithCallbacks } from "../src/avio/lifecycle.ts";
import { formatTrace } from "../src/avio/trace-text.ts";

function usage(message: string): never {
  process.stderr.write(
    `decode: ${message}\nusage: npm run --silent decode -- FILE [--buffer-size N] [--no-seek] [--out PCM_FILE] [--trace] [--lang en|zh-cn]\n`,
  );
  process.exit(2);
}

let args;
try {
  args = parseArgs({
    allowPositionals: true,
    options: {
      "buffer-size": { type: "string" },
      "no-seek": { type: "boolean" },
      out: { type: "string" },
      trace: { type: "boolean" },
      lang: { type: "string" },
    },
  });
} catch (e) {
  usage((e as Error).message);
}
const [file] = args.positionals;
if (!file || args.positionals.length > 1) usage("give exactly one input FILE");
const bufferSize = args.values["buffer-size"] === undefined ? 4096 : Number(args.values["buffer-size"]);
if (!Number.isInteger(bufferSize) || bufferSize < 1)
  usage("--buffer-size takes a positive whole number of bytes");
const lang = args.values.lang ?? "en";
if (lang !== "en" && lang !== "zh-cn") usage("--lang takes en or zh-cn");

let data: Uint8Array;
try {
  data = readFileSync(file);
} catch (e) {
  process.stdout.write(`${JSON.stringify({ error: (e as Error).message })}\n`);
  process.exit(1);
}

const engine = await loadEngine();
const md5 = createHash("md5");
const out = args.values.out ? openSync(args.values.out, "w") : null;
const outcome = decodeWithCallbacks(engine, {
  opaque: { data, pos: 0 },
  read_packet: memory_read_packet,
  seek: args.values["no-seek"] ? null : memory_seek,
  buffer_size: bufferSize,
  sample_fmt: "s16",
  source_size: data.length,
  keep_samples: 0,
  on_samples: (s) => {
    const bytes = new Uint8Array(s.buffer, s.byteOffset, s.byteLength);
    md5.update(bytes);
    if (out !== null) writeSync(out, bytes);
  },
});
if (out !== null) closeSync(out);

if (args.values.trace) process.stderr.write(`${formatTrace(outcome.report)}\n`);

const t = outcome.report.trace.totals;
if (!outcome.ok && !(outcome.stage === "decode" && outcome.samples > 0 && !engine.stopped)) {
  // FFmpeg's message stays in "error"; when the cause is a decoder or demuxer this build lacks,
  // "missing" names it and "explanation" says so in the chosen language (also on stderr).
  const failure: Record<string, unknown> = { error: outcome.error ?? "unknown error", stage: outcome.stage };
  if (outcome.missing) {
    failure.missing = outcome.missing;
    failure.explanation = missingText(outcome.missing, supportedComponents(engine), lang as Locale);
    process.stderr.write(`decode: ${failure.explanation}\n`);
  }
  process.stdout.write(`${JSON.stringify(failure)}\n`);
  process.exit(1);
}
process.stdout.write(
  `${JSON.stringify({
    format: outcome.info!.format,
    codec: outcome.info!.codec,
    sampleRate: outcome.info!.sampleRate,
    channels: outcome.info!.channels,
    samples: outcome.samples,
    md5: md5.digest("hex"),
    reads: t.read_packet.calls,
    seeks: t.seek.calls,
  })}\n`,
);
