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
    const scale = samples instanceof Int16Array ? 1 / 32768 : 1;
    for (let i = 0; i + channels <= samples.length; i += channels) {
      let v = 0;
      for (let c = 0; c < channels; c++) v += samples[i + c];
      v = (v / channels) * scale;
      if (v < this.curMin) this.curMin = v;
      if (v > this.curMax) this.curMax = v;
      this.total++;
      if (++this.inBucket === this.bucket) this.flush();
    }
  }

  private flush(): void {
    this.min.push(this.curMin);
    this.max.push(this.curMax);
    this.curMin = Infinity;
    this.curMax = -Infinity;
    this.inBucket = 0;
    if (this.min.length >= 2 * this.points) {
      const half = (a: number[], f: (x: number, y: number) => number) => a.reduce<number[]>((o, _x, i) => (i % 2 ? o : (o.push(i + 1 < a.length ? f(a[i], a[i + 1]) : a[i]), o)), []);
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
