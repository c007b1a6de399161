// Pure statistics for the bench: min/median of repeated timings and ratios of
// minimums. No I/O here, so test/bench/stats.test.ts covers all of it.

export interface Summary {
  /** Fastest repetition: the least disturbed by a noisy machine. */
  min: number;
  /** Middle repetition (lower middle for an even count). */
  median: number;
  /** Number of repetitions. */
  n: number;
}

/** min, median and count of a non-empty list of timings. */
export function summarize(xs: readonly number[]): Summary {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (s.length === 0) throw new Error("summarize: no finite values");
  return { min: s[0], median: s[Math.floor((s.length - 1) / 2)], n: s.length };
}

/** a / b, refusing zero or missing denominators (a ratio of nothing is a bug, not Infinity). */
export function ratio(a: number, b: number): number {
  if (!(b > 0) || !Number.isFinite(a)) throw new Error(`ratio: cannot divide ${a} by ${b}`);
  return a / b;
}

/** Ratio of the fastest repetitions: the comparison the results are judged by. */
export function ratioOfMins(a: Summary, b: Summary): number {
  return ratio(a.min, b.min);
}

/** Rounds for the JSON file: 3 significant decimals for ratios, 0.1 ms for times. */
export function round(x: number, digits = 1): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

export function roundSummary(s: Summary, digits = 1): Summary {
  return { min: round(s.min, digits), median: round(s.median, digits), n: s.n };
}

/**
 * The order of one round of interleaved repetitions: every task once, rotated by the
 * round number so no task always runs right after the same neighbour (caches, turbo, GC).
 */
export function roundOrder<T>(tasks: readonly T[], round: number): T[] {
  if (tasks.length === 0) return [];
  const k = ((round % tasks.length) + tasks.length) % tasks.length;
  return [...tasks.slice(k), ...tasks.slice(0, k)];
}
