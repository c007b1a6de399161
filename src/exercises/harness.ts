// What an exercise's tests.ts is written against: a context that gives the
// learner's exports, the real engine and media, and helpers that fail with a
// keyed message naming the broken rule. Shared by the browser Check and the CLI.
import SparkMD5 from "spark-md5";
import type { Engine } from "../avio/engine.ts";
import { memory_read_packet, memory_seek } from "../avio/memory.ts";
import { decodeWithCallbacks, muxWithCallbacks, type DecodeRequest } from "../avio/lifecycle.ts";
import type { Diagnostic } from "../avio/diagnostics.ts";
import type { TraceEntry } from "../avio/trace.ts";
import { returnName } from "../avio/trace-text.ts";
import { missingText, supportedComponents, type MissingComponent } from "../avio/missing.ts";
import { strings } from "../i18n/index.ts";
import { mapText, type Lang, type MessageKey, type MessageParams, type Text } from "./messages.ts";

/** Where media come from: files in Node, fetched URLs in the browser. */
export interface MediaSource {
  bytes(name: string): Promise<Uint8Array>;
}

export interface ExerciseContext {
  /** The learner's module exports. */
  exports: Record<string, unknown>;
  engine: Engine;
  media: MediaSource;
}

export interface ExerciseTest {
  /** Stable English name: results JSON, JUnit and the mutants' expect-fail lines key on it. Never rename. */
  name: string;
  /** The name shown in the other languages (English shows `name`). */
  names: Record<Exclude<Lang, "en">, string>;
  /** Hidden tests use media the statement does not list; their names say what they check, not which file. */
  hidden?: boolean;
  run(ctx: ExerciseContext): void | Promise<void>;
}

/** The test's name as shown in `lang`. */
export function testTitle(t: Pick<ExerciseTest, "name" | "names">, lang: Lang): string {
  return lang === "en" ? t.name : t.names[lang];
}

/** A test failed: the rule broken, as a message key and its facts. */
export class Failure extends Error {
  readonly key: MessageKey;
  readonly params: MessageParams;
  /** Trace excerpt that shows the failure, if a decode was involved. */
  readonly trace?: TraceEntry[];
  /** The safety-net finding behind the failure: its `message` param is re-worded per language. */
  readonly diagnostic?: Diagnostic;
  constructor(key: MessageKey, params: MessageParams = {}, trace?: TraceEntry[], diagnostic?: Diagnostic) {
    super(key);
    this.key = key;
    this.params = params;
    this.trace = trace;
    this.diagnostic = diagnostic;
  }
}

export function fail(
  key: MessageKey,
  params: MessageParams = {},
  trace?: TraceEntry[],
  diagnostic?: Diagnostic,
): never {
  throw new Failure(key, params, trace, diagnostic);
}

export function learnerFunction(ctx: ExerciseContext, name: string): (...args: unknown[]) => unknown {
  const f = ctx.exports[name];
  if (typeof f !== "function") fail("missing_export", { name });
  return f as (...args: unknown[]) => unknown;
}

/** Calls a learner function; an exception becomes a failure naming the call. */
export function callLearner(
  ctx: ExerciseContext,
  name: string,
  args: unknown[],
  shown: string | Text,
): unknown {
  const f = learnerFunction(ctx, name);
  try {
    return f(...args);
  } catch (e) {
    fail("threw", { call: shown, error: e instanceof Error ? `${e.name}: ${e.message}` : String(e) });
  }
}

export function md5Hex(bytes: ArrayBufferView): string {
  const spark = new SparkMD5.ArrayBuffer();
  spark.append(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  return spark.end();
}

/** FFmpeg's error, and when it failed for want of a decoder or demuxer this build leaves out, which (per language). */
function failureText(engine: Engine, error: string, missing: MissingComponent | undefined): string | Text {
  if (!missing) return error;
  const supported = supportedComponents(engine);
  return mapText(error, (e, lang) =>
    strings(lang).exercises.phrases.failedFor(e, missingText(missing, supported, lang)),
  );
}

function firstError(diagnostics: Diagnostic[]): Diagnostic | undefined {
  return diagnostics.find((d) => d.severity === "error") ?? diagnostics[0];
}

/** Samples and s16le MD5 of `data` decoded with the engine's own memory callbacks. */
export function referenceDecode(
  engine: Engine,
  data: Uint8Array,
  seek: boolean,
): { samples: number; md5: string } {
  const spark = new SparkMD5.ArrayBuffer();
  const out = decodeWithCallbacks(engine, {
    opaque: { data, pos: 0 },
    read_packet: memory_read_packet,
    seek: seek ? memory_seek : null,
    sample_fmt: "s16",
    keep_samples: 0,
    on_samples: (s) => spark.append(s.buffer.slice(s.byteOffset, s.byteOffset + s.byteLength) as ArrayBuffer),
  });
  return { samples: out.samples, md5: spark.end() };
}

/**
 * Decodes `media` through the learner's callbacks and compares with the same
 * engine reading the bytes with FFmpeg's own example callbacks (sample count
 * and s16le MD5). Fails on any safety-net finding.
 */
export async function expectDecodes(
  ctx: ExerciseContext,
  name: string,
  opts: { opaque?: (data: Uint8Array) => unknown; seek?: boolean; buffer_size?: number; label?: Text } = {},
): Promise<void> {
  const data = await ctx.media.bytes(name);
  const ref = referenceDecode(ctx.engine, data, !!opts.seek);
  const label = opts.label ?? name;
  const spark = new SparkMD5.ArrayBuffer();
  const req: DecodeRequest<unknown> = {
    opaque: opts.opaque ? opts.opaque(data) : { data, pos: 0 },
    read_packet: learnerFunction(ctx, "read_packet") as DecodeRequest<unknown>["read_packet"],
    seek: opts.seek ? (learnerFunction(ctx, "seek") as DecodeRequest<unknown>["seek"]) : null,
    buffer_size: opts.buffer_size ?? 4096,
    sample_fmt: "s16",
    keep_samples: 0,
    source_size: data.length,
    // Generous for any correct reader (one pass plus probing), small enough that a broken one fails fast.
    // Partial reads are legal (even one byte per call), so allow one call per byte.
    // Bytes: a correct reader delivers the file about once (plus probing).
    budget: {
      maxReadCalls: 64 + Math.max(data.length, Math.ceil((8 * data.length) / (opts.buffer_size ?? 4096))),
      maxReadBytes: 4 * data.length + (1 << 20),
    },
    on_samples: (s) => spark.append(s.buffer.slice(s.byteOffset, s.byteOffset + s.byteLength) as ArrayBuffer),
  };
  const out = decodeWithCallbacks(ctx.engine, req);
  const trace = [...out.report.trace.head.slice(0, 12), ...out.report.trace.tail.slice(-8)];
  const d = firstError(out.report.diagnostics);
  if (d) fail("diagnostic", { media: label, message: d.message, code: d.code }, trace, d);
  if (!out.ok)
    fail(
      "ffmpeg_failed",
      {
        media: label,
        stage: out.stage ?? "?",
        error: failureText(ctx.engine, out.error ?? "?", out.missing),
      },
      trace,
    );
  if (out.samples !== ref.samples)
    fail("sample_count", { media: label, got: out.samples, want: ref.samples }, trace);
  const md5 = spark.end();
  if (md5 !== ref.md5) fail("pcm_differs", { media: label }, trace);
}

export { decodeWithCallbacks, muxWithCallbacks };

/** `{ 100 bytes, pos: 0 }`: an in-memory opaque as a call shows it. */
export function memoryState(size: number, pos?: number): Text {
  const p = pos === undefined ? "" : `, pos: ${pos}`;
  return mapText("", (_, lang) => strings(lang).exercises.phrases.memoryState(size, p));
}

/** Deterministic bytes 0..n-1 (mod 251, so no period lines up with a buffer size). */
export function pattern(n: number, seed = 0): Uint8Array {
  return Uint8Array.from({ length: n }, (_, i) => (i * 7 + seed) % 251);
}

/** A buf with guard bytes around it: writing outside [0, buf_size) is detectable. */
export function guardedBuffer(size: number): { buf: Uint8Array; outside: () => boolean } {
  const GUARD = 32;
  const all = new Uint8Array(size + 2 * GUARD).fill(0xa5);
  const buf = all.subarray(GUARD, GUARD + size);
  buf.fill(0);
  const outside = () =>
    all.subarray(0, GUARD).some((b) => b !== 0xa5) || all.subarray(GUARD + size).some((b) => b !== 0xa5);
  return { buf, outside };
}

export function firstDifference(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return i;
  return a.length === b.length ? -1 : n;
}

/**
 * Calls read_packet(opaque, buf, buf_size) once and checks the return value and
 * the bytes it wrote against `want` (bytes: what buf[0..ret) must hold).
 */
export function expectRead(
  ctx: ExerciseContext,
  opaque: unknown,
  buf_size: number,
  want: { ret: number; bytes?: Uint8Array; retName?: string },
  rule: string,
  describe: string | Text,
): void {
  const { buf, outside } = guardedBuffer(buf_size);
  const call = mapText(describe, (d) => `read_packet(${d}, buf, ${buf_size})`);
  const ret = callLearner(ctx, "read_packet", [opaque, buf, buf_size], call);
  if (outside()) fail("unit_overflow", { call, limit: buf_size, rule: "limit" });
  if (ret !== want.ret)
    fail("unit_return", {
      call,
      got: typeof ret === "number" ? returnName(ret) : String(ret),
      want: want.retName ?? String(want.ret),
      rule,
    });
  if (want.bytes) {
    const at = firstDifference(buf.subarray(0, want.bytes.length), want.bytes);
    if (at >= 0) fail("unit_bytes", { call, index: at, rule: "count" });
  }
}

/**
 * A test's own code threw (not the learner's code, not a `fail(...)`): a bug in the exercise's
 * tests.ts. It ends as an "error" that names the test and says whose bug it is, so a student is
 * never blamed for the author's mistake, and `check:exercise` reports it as an authoring error.
 */
export class AuthoringError extends Error {
  readonly test: string;
  constructor(test: string, cause: unknown) {
    const what = cause instanceof Error ? `${cause.name}: ${cause.message}` : String(cause);
    super(`the exercise's tests.ts has a bug (not the submission): test "${test}" threw ${what}`, { cause });
    this.name = "AuthoringError";
    this.test = test;
  }
}

/**
 * Each test run with the learner's exported functions wrapped, so that whatever the learner's
 * code throws is remembered as the learner's; anything else a test throws, other than a
 * Failure, is an AuthoringError. The catalog applies this to every exercise it loads.
 */
export function guardAuthoring<M extends { tests: ExerciseTest[] }>(m: M): M {
  const tests = m.tests.map((t) => ({
    ...t,
    async run(ctx: ExerciseContext) {
      const thrown = new Set<unknown>();
      const exports: Record<string, unknown> = {};
      for (const [name, value] of Object.entries(ctx.exports)) {
        exports[name] =
          typeof value !== "function"
            ? value
            : function (this: unknown, ...args: unknown[]) {
                try {
                  return Reflect.apply(value as (...a: unknown[]) => unknown, this, args);
                } catch (e) {
                  thrown.add(e);
                  throw e;
                }
              };
      }
      try {
        await t.run({ ...ctx, exports });
      } catch (e) {
        if (e instanceof Failure || e instanceof AuthoringError || thrown.has(e)) throw e;
        throw new AuthoringError(t.name, e);
      }
    },
  }));
  return { ...m, tests };
}
