// A record of every callback call, bounded: the first and last entries are kept
// whole, the middle is only counted, and totals cover everything.
import type { CallbackName } from "./diagnostics.ts";

export interface TraceEntry {
  /** 1-based index over all callback calls of the run. */
  seq: number;
  callback: CallbackName;
  /** 1-based call number of this callback. */
  call: number;
  /** read_packet / write_packet: buf_size. */
  buf_size?: number;
  /** seek: offset and whence as passed by FFmpeg. */
  offset?: number;
  whence?: number;
  /** What the callback returned (after the safety net, what FFmpeg got is `returnedToFFmpeg`). */
  ret: number | string;
  returnedToFFmpeg: number;
  /** Bytes moved by this call (reads and writes). */
  bytes: number;
  /** Stream position as FFmpeg sees it, before and after the call. */
  posBefore: number;
  posAfter: number;
  /** Milliseconds spent in the learner's callback. */
  ms: number;
}

export interface CallbackTotals {
  calls: number;
  bytes: number;
  ms: number;
  errors: number;
}

export interface Trace {
  head: TraceEntry[];
  tail: TraceEntry[];
  /** Entries between head and tail that were counted but not kept. */
  omitted: number;
  totals: Record<CallbackName, CallbackTotals>;
}

const emptyTotals = (): CallbackTotals => ({ calls: 0, bytes: 0, ms: 0, errors: 0 });

export class TraceRecorder {
  private head: TraceEntry[] = [];
  private tail: TraceEntry[] = [];
  private tailStart = 0;
  private omitted = 0;
  private seq = 0;
  private totals: Record<CallbackName, CallbackTotals> = {
    read_packet: emptyTotals(),
    write_packet: emptyTotals(),
    seek: emptyTotals(),
  };

  private readonly keepHead: number;
  private readonly keepTail: number;

  constructor(keepHead = 500, keepTail = 200) {
    this.keepHead = keepHead;
    this.keepTail = keepTail;
  }

  /** The sequence number the next entry will get. */
  peekSeq(): number {
    return this.seq + 1;
  }

  nextSeq(): number {
    return ++this.seq;
  }

  add(entry: TraceEntry): void {
    const t = this.totals[entry.callback];
    t.calls++;
    t.bytes += entry.bytes;
    t.ms += entry.ms;
    if (entry.returnedToFFmpeg < 0) t.errors++;
    if (this.head.length < this.keepHead) {
      this.head.push(entry);
      return;
    }
    // Ring buffer for the tail: O(1) per call however long the run.
    if (this.tail.length < this.keepTail) this.tail.push(entry);
    else {
      this.tail[this.tailStart] = entry;
      this.tailStart = (this.tailStart + 1) % this.keepTail;
      this.omitted++;
    }
  }

  /** The last n entries recorded, oldest first (for "what happened just before"). */
  last(n: number): TraceEntry[] {
    const s = this.snapshot();
    return [...s.head, ...s.tail].slice(-n);
  }

  snapshot(): Trace {
    const tail = this.tail.slice(this.tailStart).concat(this.tail.slice(0, this.tailStart));
    return {
      head: this.head.slice(),
      tail,
      omitted: this.omitted,
      totals: structuredClone(this.totals),
    };
  }
}
