// The record of one engine session (beginSession … endSession: what one Run or one test does with
// FFmpeg): every callback call (trace), where reads and seeks landed (byte map),
// the safety net's diagnostics, FFmpeg's log, the budget the session may spend, and the first bytes
// probing saw. Engine.beginSession starts a fresh one; Engine.endSession hands out its report.
import { diagnose, type Diagnostic, type DiagnosticCode } from "./diagnostics.ts";
import type { MissingComponent } from "./missing-types.ts";
import { TraceRecorder, type Trace } from "./trace.ts";

export interface Budget {
  /** read_packet calls allowed in one run before the engine stops it. */
  maxReadCalls: number;
  /** Bytes read_packet may deliver in one run. */
  maxReadBytes: number;
  /** Consecutive read_packet calls returning 0 before the engine stops the run. */
  maxZeroReturns: number;
}

export const defaultBudget: Budget = {
  maxReadCalls: 2_000_000,
  maxReadBytes: 4 * 2 ** 30,
  maxZeroReturns: 1000,
};

export interface SessionOptions {
  budget?: Partial<Budget>;
  /** If known, the size of the source: lets the net check AVSEEK_SIZE answers. */
  sourceSize?: number;
}

export interface LogLine {
  level: number;
  text: string;
}

/** Where in the source the reads landed and where seeks jumped (for the byte map). */
export interface ByteMap {
  reads: { start: number; end: number; seq: number }[];
  seeks: { from: number; to: number; seq: number; size: boolean }[];
}

/** What FFmpeg says of the audio stream a run decoded (Stream info). */
export interface StreamSummary {
  /** FFmpeg's short demuxer name, e.g. "mp3", "mov,mp4,m4a,3gp,3g2,mj2". */
  format: string;
  /** FFmpeg's short codec name, e.g. "mp3", "aac". */
  codec: string;
  sampleRate: number;
  channels: number;
  /** FFmpeg's name of the channel layout, e.g. "stereo", "5.1" ("" if FFmpeg has none). */
  channelLayout: string;
  /** Seconds, -1 if unknown. */
  duration: number;
}

/**
 * What a whole program decoded, read by host code from FFmpeg's structs at decode_audio (the first
 * stream it decoded), never from values learner code handed over: Stream info describes it.
 */
export interface DecodedStream extends StreamSummary {
  /** Samples per channel decode_audio delivered, over every call. */
  samples: number;
}

export interface SessionReport {
  trace: Trace;
  diagnostics: Diagnostic[];
  log: LogLine[];
  byteMap: ByteMap;
  /** Whole programs: the stream decode_audio decoded first. */
  decoded?: DecodedStream;
  /**
   * The file FFmpeg wrote through the first output context: each buf write_packet accepted, placed
   * at the position FFmpeg wrote it to (host copies of FFmpeg's bytes, not what the learner kept).
   * Absent when nothing was written or it grew past WRITTEN_MAX.
   */
  written?: Uint8Array;
  /** The decoder or demuxer this build lacks, when a step of the run failed for want of it (missingText words it). */
  missing?: MissingComponent;
}

const BYTEMAP_KEEP = 5000;
/** Output replayed for the comparison with what the learner kept; a longer file is not compared. */
const WRITTEN_MAX = 64 * 1024 * 1024;
/**
 * Findings of one code kept per run, and in all: 20,000 bad frees once rendered 40,001 lines and froze
 * the tab. The rest are counted, and reported as one "and N more of the same" each.
 */
const SAME_KEEP = 20;
const DIAGNOSTICS_KEEP = 200;
const LOG_KEEP = 400;
/** Bytes kept from the start of the input: what probing saw, to name a format no demuxer here reads. */
const PROBE_HEAD = 32 * 1024;

export class SessionRecord {
  readonly trace = new TraceRecorder();
  readonly budget: Budget;
  /** The source's size if the host knows it (to check AVSEEK_SIZE answers). */
  readonly sourceSize: number | undefined;
  /** Set when the safety net stopped the run: every later callback gets AVERROR_EXIT. */
  stopped = false;
  private readonly byteMap: ByteMap = { reads: [], seeks: [] };
  private readonly diagnostics: Diagnostic[] = [];
  private readonly perCode = new Map<DiagnosticCode, number>();
  private readonly log: LogLine[] = [];
  private head: Uint8Array | null = null;
  private headLength = 0;
  private missing: MissingComponent | null = null;
  private decoded: DecodedStream | null = null;
  private written: { handle: number; bytes: Uint8Array; end: number; over: boolean } | null = null;

  constructor(options: SessionOptions = {}) {
    this.budget = { ...defaultBudget, ...options.budget };
    this.sourceSize = options.sourceSize;
  }

  report(code: DiagnosticCode, params: Record<string, string | number> = {}): Diagnostic {
    const d = diagnose(code, params);
    const seen = (this.perCode.get(code) ?? 0) + 1;
    this.perCode.set(code, seen);
    if (seen <= SAME_KEEP && this.diagnostics.length < DIAGNOSTICS_KEEP) this.diagnostics.push(d);
    return d;
  }

  /** decode_audio is about to decode `stream` (the first one decoded is the one Stream info shows). */
  noteDecoding(stream: StreamSummary): void {
    this.decoded ??= { ...stream, samples: 0 };
  }

  /** decode_audio delivered `n` more samples per channel. */
  noteDecoded(n: number): void {
    if (this.decoded) this.decoded.samples += n;
  }

  /** FFmpeg's `bytes`, accepted by write_packet at `pos` of output context `handle` (the first one is kept). */
  noteWrite(handle: number, pos: number, bytes: Uint8Array): void {
    const w = (this.written ??= { handle, bytes: new Uint8Array(0), end: 0, over: false });
    if (w.handle !== handle || w.over) return;
    const end = pos + bytes.length;
    if (pos < 0 || end > WRITTEN_MAX) {
      w.over = true;
      return;
    }
    if (end > w.bytes.length) {
      const grown = new Uint8Array(Math.min(WRITTEN_MAX, Math.max(end, 2 * w.bytes.length, 64 * 1024)));
      grown.set(w.bytes.subarray(0, w.end));
      w.bytes = grown;
    }
    w.bytes.set(bytes, pos);
    w.end = Math.max(w.end, end);
  }

  /** Records what this build lacks (the first such failure of the run is the one reported). */
  noteMissing(m: MissingComponent | null): void {
    if (m && !this.missing) this.missing = m;
  }

  addLog(level: number, text: string): void {
    if (this.log.length < LOG_KEEP) this.log.push({ level, text });
  }

  takeLog(from: number): LogLine[] {
    return this.log.slice(from);
  }

  get logLength(): number {
    return this.log.length;
  }

  /** Bytes read_packet delivered at stream position `pos`: kept while they continue the head. */
  noteRead(pos: number, bytes: Uint8Array): void {
    this.recordRange(pos, pos + bytes.length);
    if (pos !== this.headLength || this.headLength >= PROBE_HEAD) return;
    this.head ??= new Uint8Array(PROBE_HEAD);
    const n = Math.min(bytes.length, PROBE_HEAD - this.headLength);
    this.head.set(bytes.subarray(0, n), this.headLength);
    this.headLength += n;
  }

  /** The first bytes (up to 32 KiB) read_packet delivered from position 0 in this run: what probing saw. */
  probeHead(): Uint8Array {
    return this.head ? this.head.slice(0, this.headLength) : new Uint8Array(0);
  }

  noteSeek(from: number, to: number, size: boolean): void {
    if (this.byteMap.seeks.length < BYTEMAP_KEEP)
      this.byteMap.seeks.push({ from, to, seq: this.trace.peekSeq(), size });
  }

  /** Extends the last range when reads are contiguous, so a linear read is one range. */
  private recordRange(start: number, end: number): void {
    const reads = this.byteMap.reads;
    const last = reads[reads.length - 1];
    if (last && last.end === start) last.end = end;
    else if (reads.length < BYTEMAP_KEEP) reads.push({ start, end, seq: this.trace.peekSeq() });
  }

  toReport(): SessionReport {
    const kept = new Map<DiagnosticCode, number>();
    for (const d of this.diagnostics) kept.set(d.code, (kept.get(d.code) ?? 0) + 1);
    const more: Diagnostic[] = [];
    for (const [code, n] of this.perCode) {
      const left = n - (kept.get(code) ?? 0);
      if (left > 0) more.push(diagnose("more_of_the_same", { code, n: left }, code));
    }
    const report: SessionReport = {
      trace: this.trace.snapshot(),
      diagnostics: [...this.diagnostics, ...more],
      log: this.log,
      byteMap: this.byteMap,
    };
    if (this.missing) report.missing = this.missing;
    if (this.decoded) report.decoded = { ...this.decoded };
    if (this.written && !this.written.over) report.written = this.written.bytes.slice(0, this.written.end);
    return report;
  }
}
