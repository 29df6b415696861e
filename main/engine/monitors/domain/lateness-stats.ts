export interface LatenessSummary {
  count: number;
  p50: number;
  p99: number;
  max: number;
}

/** The most recent scheduling delays in a fixed ring, so measuring costs no allocation per run. */
export class LatenessStats {
  private readonly samples: Float64Array;
  private written = 0;

  constructor(capacity = 4096) {
    this.samples = new Float64Array(capacity);
  }

  record(ms: number): void {
    this.samples[this.written % this.samples.length] = ms;
    this.written++;
  }

  summary(): LatenessSummary {
    const count = Math.min(this.written, this.samples.length);
    if (count === 0) return { count: 0, p50: 0, p99: 0, max: 0 };
    const sorted = this.samples.slice(0, count).sort();
    const at = (q: number) => sorted[Math.min(count - 1, Math.floor(q * count))];
    return { count, p50: at(0.5), p99: at(0.99), max: sorted[count - 1] };
  }

  reset(): void {
    this.written = 0;
  }
}
