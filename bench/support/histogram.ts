// Latency samples and their percentiles (nearest-rank on the sorted samples: exact, no buckets;
// benchmarks record at most a few hundred thousand values).
export type Summary = { count: number; min: number; mean: number; p50: number; p95: number; p99: number; max: number };

export class Histogram {
  private values: number[] = [];
  private sorted = true;

  record(value: number): void {
    if (!Number.isFinite(value)) throw new RangeError(`not a finite sample: ${value}`);
    const last = this.values[this.values.length - 1];
    if (last !== undefined && value < last) this.sorted = false;
    this.values.push(value);
  }

  get count(): number {
    return this.values.length;
  }

  /** The smallest sample with at least p% of the samples at or below it (p in (0, 100]). */
  percentile(p: number): number {
    if (this.values.length === 0) throw new RangeError("no samples");
    if (!(p > 0 && p <= 100)) throw new RangeError(`percentile out of range: ${p}`);
    this.sort();
    const rank = Math.ceil((p / 100) * this.values.length);
    return this.values[rank - 1]!;
  }

  summary(): Summary {
    if (this.values.length === 0) throw new RangeError("no samples");
    this.sort();
    const sum = this.values.reduce((a, b) => a + b, 0);
    return {
      count: this.values.length,
      min: this.values[0]!,
      mean: sum / this.values.length,
      p50: this.percentile(50),
      p95: this.percentile(95),
      p99: this.percentile(99),
      max: this.values[this.values.length - 1]!,
    };
  }

  private sort(): void {
    if (this.sorted) return;
    this.values.sort((a, b) => a - b);
    this.sorted = true;
  }
}

/** Milliseconds since `start` (a process.hrtime.bigint() reading), as a float. */
export function msSince(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e6;
}
