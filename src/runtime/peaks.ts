// Downsamples audio of unknown length to at most `points` min/max pairs in one
// pass: buckets double in size (and pairs merge) whenever they overflow, so an
// hour of audio costs the same memory as ten seconds.
export class PeakAccumulator {
  private readonly points: number;
  private bucket = 64; // samples per channel per peak
  private min: number[] = [];
  private max: number[] = [];
  private curMin = Infinity;
  private curMax = -Infinity;
  private inBucket = 0;
  total = 0;

  constructor(points: number) {
    this.points = points;
  }

  /** Interleaved samples (s16 or float); channels are mixed to mono for the outline. */
  push(samples: Int16Array | Float32Array, channels: number): void {
    if (channels < 1) return;
    const k = (samples instanceof Int16Array ? 1 / 32768 : 1) / channels;
    const frames = Math.floor(samples.length / channels);
    // Runs once per decoded sample of every Run: locals and a bucket-sized inner loop keep it
    // at a few ns per frame (a 5-minute file is 13 M frames).
    let f = 0;
    while (f < frames) {
      const start = f;
      const end = Math.min(frames, f + this.bucket - this.inBucket);
      let lo = this.curMin / k;
      let hi = this.curMax / k;
      // Extremes of the channel sum, scaled once per bucket: the sum's extremes are the mix's.
      if (channels === 2) {
        for (let i = 2 * f; f < end; f++, i += 2) {
          const v = samples[i]! + samples[i + 1]!;
          lo = Math.min(lo, v);
          hi = Math.max(hi, v);
        }
      } else {
        for (let i = f * channels; f < end; f++, i += channels) {
          let v = samples[i]!;
          for (let c = 1; c < channels; c++) v += samples[i + c]!;
          lo = Math.min(lo, v);
          hi = Math.max(hi, v);
        }
      }
      this.curMin = lo * k;
      this.curMax = hi * k;
      this.total += f - start;
      this.inBucket += f - start;
      if (this.inBucket === this.bucket) this.flush();
    }
  }

  private flush(): void {
    this.min.push(this.curMin);
    this.max.push(this.curMax);
    this.curMin = Infinity;
    this.curMax = -Infinity;
    this.inBucket = 0;
    if (this.min.length >= 2 * this.points) {
      const half = (a: number[], f: (x: number, y: number) => number) =>
        a.reduce<number[]>(
          (o, _x, i) => (i % 2 ? o : (o.push(i + 1 < a.length ? f(a[i], a[i + 1]) : a[i]), o)),
          [],
        );
      this.min = half(this.min, Math.min);
      this.max = half(this.max, Math.max);
      this.bucket *= 2;
    }
  }

  /** min,max pairs, at most `points` of them. */
  result(): Float32Array {
    const min = this.min.slice();
    const max = this.max.slice();
    if (this.inBucket) {
      min.push(this.curMin);
      max.push(this.curMax);
    }
    const step = Math.max(1, Math.ceil(min.length / this.points));
    const out: number[] = [];
    for (let i = 0; i < min.length; i += step) {
      out.push(Math.min(...min.slice(i, i + step)), Math.max(...max.slice(i, i + step)));
    }
    return Float32Array.from(out);
  }
}
