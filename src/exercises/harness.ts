// What an exercise's tests.ts is written against: a context that gives the
// learner's exports, the real engine and media, and helpers that fail with a
// keyed message naming the broken rule. Shared by the browser Check and the CLI.
import * as boundary from "../avio/boundary.ts";
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
  /** What passing this test is worth in a report's score (default 1; see report.ts awardPoints). */
  points?: number;
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

/**
 * The learner's exported function, to hand to the engine (decodeWithCallbacks, muxWithCallbacks),
 * which calls it through src/avio/boundary.ts. Tests never call it themselves: callLearner does.
 */
export function learnerFunction(ctx: ExerciseContext, name: string): (...args: unknown[]) => unknown {
  const f = ctx.exports[name];
  if (typeof f !== "function") fail(missingExportKey(ctx.exports), { name });
  return f as (...args: unknown[]) => unknown;
}

/**
 * Why a required function is absent, each with its own fix: a module that exports nothing (an empty
 * or unsaved file), one whose only function is `export default`, or one that exports other names.
 */
export function missingExportKey(
  exports: Record<string, unknown>,
): "empty_module" | "default_export" | "missing_export" {
  const names = Object.keys(exports);
  if (names.length === 0) return "empty_module";
  return names.includes("default") ? "default_export" : "missing_export";
}

/** V8's text for `buf.set(src)` with a src that does not fit: read_packet copied more than buf_size bytes. */
const SET_OVERFLOW = /^RangeError: (offset is out of bounds|Source is too large)/;

/** "a value that cannot be shown", in every language: what a thrown value with no plain name or message reads as. */
const unshowable = (): Text => mapText("", (_, lang) => strings(lang).runtime.unshowable);

/** Calls a learner function (this === undefined, through the boundary); an exception becomes a failure naming the call. */
export function callLearner(
  ctx: ExerciseContext,
  name: string,
  args: unknown[],
  shown: string | Text,
): unknown {
  const f = boundary.learnerFunction(learnerFunction(ctx, name))!;
  const r = boundary.callLearner(f, args);
  // Only read_packet is handed a buf to fill; elsewhere (write_packet's own store) the overflow is another mistake.
  if (!r.ok && name === "read_packet" && r.thrown && SET_OVERFLOW.test(r.thrown))
    fail("copied_too_much", { call: shown, error: r.thrown });
  if (!r.ok) fail("threw", { call: shown, error: r.thrown ?? unshowable() });
  return r.value;
}

/**
 * A learner function wrapped for the engine by a test that watches each call (forward-only's
 * stream rules): the call goes through the boundary, and what it throws is rethrown, unread, for
 * the bridge to report as the callback's own exception.
 */
export function callThrough(f: (...args: unknown[]) => unknown, args: unknown[]): unknown {
  const r = boundary.callLearnerKeep(boundary.learnerFunction(f)!, args);
  if (!r.ok) throw r.error;
  return r.value;
}

/** What a learner's call returned, as a message shows it: AVERROR names for integers, else its kind, never its own text. */
export function shownReturn(v: unknown): string {
  return typeof v === "number" && Number.isInteger(v) ? returnName(v) : boundary.describeValue(v);
}

/**
 * A field of an object learner code held (an opaque a test made), read once inside a guard: an
 * integer as a number, anything else as describeValue's text (which never equals a number, so a
 * comparison with it fails). A getter that throws is the submission's failure.
 */
export function readInt(o: unknown, key: string, call: string | Text): number | string {
  const r = boundary.readProperty(o, key);
  if (!r.ok) fail("threw", { call, error: r.thrown ?? unshowable() });
  const n = boundary.readInteger(r.value, "int64");
  return n.ok ? n.n : n.shown;
}

/** The bytes of a Uint8Array field of a learner-held object, copied through the intrinsics; null if it is not one. */
export function readBytes(o: unknown, key: string, call: string | Text): Uint8Array | null {
  const r = boundary.readProperty(o, key);
  if (!r.ok) fail("threw", { call, error: r.thrown ?? unshowable() });
  return boundary.copyBytes(r.value);
}

/** Sets a field of a learner-held object (a setter the learner defined runs guarded). */
export function writeField(o: unknown, key: string, value: unknown, call: string | Text): void {
  const r = boundary.setProperty(o, key, value);
  if (!r.ok) fail("threw", { call, error: r.thrown ?? unshowable() });
}

/**
 * A decode's s16 PCM, compared with the reference's sample by sample as it arrives: exact (a
 * learner who crafts the input cannot aim at a hash) and cheap (an MD5 in JavaScript was a quarter
 * of a submission's CPU time in the grader, profiled).
 */
export function pcmMatcher(ref: Int16Array): {
  add: (s: Int16Array | Float32Array) => void;
  same: () => boolean;
} {
  let at = 0;
  let same = true;
  return {
    add(s) {
      if (!same) return;
      const n = s.length;
      if (!(s instanceof Int16Array) || at + n > ref.length) {
        same = false;
        return;
      }
      for (let i = 0; i < n; i++)
        if (s[i] !== ref[at + i]) {
          same = false;
          return;
        }
      at += n;
    },
    same: () => same && at === ref.length,
  };
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

/** Samples and s16 PCM (all channels, interleaved) of `data` decoded with the engine's own memory callbacks. */
export function referenceDecode(
  engine: Engine,
  data: Uint8Array,
  seek: boolean,
): { samples: number; pcm: Int16Array } {
  const parts: Int16Array[] = [];
  let total = 0;
  const out = decodeWithCallbacks(engine, {
    opaque: { data, pos: 0 },
    read_packet: memory_read_packet,
    seek: seek ? memory_seek : null,
    sample_fmt: "s16",
    keep_samples: 0,
    // Each call gets its own copy (lifecycle.ts), which may be kept.
    on_samples: (s) => {
      parts.push(s as Int16Array);
      total += s.length;
    },
  });
  const pcm = new Int16Array(total);
  parts.reduce((at, p) => (pcm.set(p, at), at + p.length), 0);
  return { samples: out.samples, pcm };
}

/**
 * Decodes `media` through the learner's callbacks and compares with the same
 * engine reading the bytes with FFmpeg's own example callbacks (sample count
 * and every s16 sample). Fails on any safety-net finding.
 */
export async function expectDecodes(
  ctx: ExerciseContext,
  name: string,
  opts: { opaque?: (data: Uint8Array) => unknown; seek?: boolean; buffer_size?: number; label?: Text } = {},
): Promise<void> {
  // Two copies: the reference decode's, and the learner's (which its code may change at will).
  const file = await ctx.media.bytes(name);
  const ref = referenceDecode(ctx.engine, file.slice(), !!opts.seek);
  // The learner's copy is a view at byteOffset 64 of a larger buffer, as a slice of a download can be:
  // a reader that indexes data.buffer instead of data reads the wrong bytes.
  const data = new Uint8Array(file.length + 64).subarray(64);
  data.set(file);
  const label = opts.label ?? name;
  const pcm = pcmMatcher(ref.pcm);
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
    on_samples: pcm.add,
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
  if (!pcm.same()) fail("pcm_differs", { media: label }, trace);
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

/**
 * A buf with guard bytes around it: writing outside [0, buf_size) is detectable. `after()` copies
 * what the call left, through the host's own view (never the learner's buf, whose own properties
 * it may have redefined); null if the learner detached the memory.
 */
export function guardedBuffer(size: number): {
  buf: Uint8Array;
  outside: () => boolean;
  after: () => Uint8Array | null;
} {
  const GUARD = 32;
  const all = new Uint8Array(size + 2 * GUARD).fill(0xa5);
  const buf = all.subarray(GUARD, GUARD + size);
  buf.fill(0);
  const after = () => {
    const copy = boundary.copyBytes(all);
    return copy && copy.length === size + 2 * GUARD ? copy : null;
  };
  const outside = () => {
    const c = after();
    return (
      !c || c.subarray(0, GUARD).some((b) => b !== 0xa5) || c.subarray(GUARD + size).some((b) => b !== 0xa5)
    );
  };
  return { buf, outside, after: () => after()?.subarray(GUARD, GUARD + size) ?? null };
}

/** The first index where a and b differ (-1: none). Both must be host-owned copies: their lengths are read once. */
export function firstDifference(a: Uint8Array, b: Uint8Array): number {
  const la = a.length;
  const lb = b.length;
  const n = Math.min(la, lb);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return i;
  return la === lb ? -1 : n;
}

/**
 * Calls read_packet(opaque, buf, buf_size) once and checks the return value and
 * the bytes it wrote against `want` (bytes: what buf[0..ret) must hold).
 */
export function expectRead(
  ctx: ExerciseContext,
  opaque: unknown,
  buf_size: number,
  want: { ret: number; bytes?: Uint8Array; retName?: string; bytesRule?: string },
  rule: string,
  describe: string | Text,
): void {
  const { buf, outside, after } = guardedBuffer(buf_size);
  const call = mapText(describe, (d) => `read_packet(${d}, buf, ${buf_size})`);
  const ret = callLearner(ctx, "read_packet", [opaque, buf, buf_size], call);
  if (outside()) fail("unit_overflow", { call, limit: buf_size, rule: "limit" });
  // AVERROR(e) is -e: the errno itself (EIO = 29 here) would read as "29 bytes delivered".
  if (want.ret < 0 && ret === -want.ret)
    fail("positive_errno", { call, got: shownReturn(ret), want: want.retName ?? String(want.ret) });
  if (ret !== want.ret)
    fail("unit_return", { call, got: shownReturn(ret), want: want.retName ?? String(want.ret), rule });
  if (want.bytes) {
    // A copy taken now, through the host's own view: nothing the learner did to buf's properties counts.
    const got = after();
    const at = got ? firstDifference(got.subarray(0, want.bytes.length), want.bytes) : 0;
    if (at >= 0) fail("unit_bytes", { call, index: at, rule: want.bytesRule ?? "count" });
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
 * Each test run so that anything it throws other than a Failure is an AuthoringError, except what the
 * learner's own code threw: the exports a test sees are wrappers that call the learner's functions
 * through src/avio/boundary.ts and remember (by identity, never reading it) what they threw, so a
 * tests.ts that calls an export directly still blames the right party. The catalog applies this to
 * every exercise it loads.
 */
export function guardAuthoring<M extends { tests: ExerciseTest[] }>(m: M): M {
  const tests = m.tests.map((t) => ({
    ...t,
    async run(ctx: ExerciseContext) {
      const thrown = new Set<unknown>();
      const exports: Record<string, unknown> = {};
      for (const [name, value] of Object.entries(ctx.exports)) {
        const f = boundary.learnerFunction(value);
        exports[name] = !f
          ? value
          : (...args: unknown[]) => {
              const r = boundary.callLearnerKeep(f, args);
              if (r.ok) return r.value;
              thrown.add(r.error);
              throw r.error;
            };
      }
      try {
        await t.run({ ...ctx, exports });
      } catch (e) {
        if (thrown.has(e)) throw e;
        let host = false;
        try {
          host = e instanceof Failure || e instanceof AuthoringError;
        } catch {
          /* a Proxy's trap: not one of the host's errors */
        }
        if (host) throw e;
        throw new AuthoringError(t.name, e);
      }
    },
  }));
  return { ...m, tests };
}
