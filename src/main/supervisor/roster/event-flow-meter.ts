/**
 * Measures whether the one-event-per-request poll keeps up with the monitor stream: event rate,
 * queueing lag (receipt minus `eventGenTime`, relative to the smallest lag seen so a constant
 * clock skew between gateway and client cancels out) and the spacing of arrivals (arrivals
 * evenly spaced at about one request round trip mean a queue is building on the gateway).
 */

const CAPACITY = 4096;

export interface FlowStats {
  /** Events in the window. */
  events: number;
  eventsPerSecond: number;
  /** 95th percentile of queueing lag (ms), null without `eventGenTime`. */
  queueLagP95Ms: number | null;
  /** Median over 10th percentile of inter-arrival gaps: ≈1 when saturated, ≫1 when not. */
  gapRatio: number | null;
  /** Median gap between arrivals (ms); next to the request round trip it shows saturation. */
  medianGapMs: number | null;
  /** Raw lag p95 (receipt − generation, ms), for reports; includes any clock skew. */
  rawLagP95Ms: number | null;
}

/** Rolling measurements of the monitor event stream. */
export class EventFlowMeter {
  private readonly receivedAt = new Float64Array(CAPACITY);
  private readonly rawLag = new Float64Array(CAPACITY);
  private count = 0;
  private next = 0;
  private minRawLag = Number.POSITIVE_INFINITY;

  constructor(private readonly windowMs = 5_000) {}

  /** Forget everything (new subscription). */
  reset(): void {
    this.count = 0;
    this.next = 0;
    this.minRawLag = Number.POSITIVE_INFINITY;
  }

  /** One monitor event arrived. */
  record(receivedAt: number, generatedAt: number | null): void {
    const raw = generatedAt === null ? Number.NaN : receivedAt - generatedAt;
    if (!Number.isNaN(raw) && raw < this.minRawLag) this.minRawLag = raw;
    this.receivedAt[this.next] = receivedAt;
    this.rawLag[this.next] = raw;
    this.next = (this.next + 1) % CAPACITY;
    if (this.count < CAPACITY) this.count++;
  }

  /** Statistics over the last `windowMs` before `now`. */
  stats(now: number): FlowStats {
    const from = now - this.windowMs;
    const times: number[] = [];
    const lags: number[] = [];
    const raws: number[] = [];
    for (let i = 0; i < this.count; i++) {
      const index = (this.next - 1 - i + CAPACITY) % CAPACITY;
      const at = this.receivedAt[index]!;
      if (at < from) break;
      times.push(at);
      const raw = this.rawLag[index]!;
      if (!Number.isNaN(raw)) {
        raws.push(raw);
        lags.push(raw - this.minRawLag);
      }
    }
    const span = Math.max(1, Math.min(this.windowMs, now - (times.at(-1) ?? now)));
    return {
      events: times.length,
      eventsPerSecond: times.length === 0 ? 0 : (times.length * 1000) / Math.max(span, 1000),
      queueLagP95Ms: lags.length === 0 ? null : percentile(lags, 0.95),
      rawLagP95Ms: raws.length === 0 ? null : percentile(raws, 0.95),
      gapRatio: computeGapRatio(times),
      medianGapMs: computeMedianGap(times),
    };
  }
}

function computeGapRatio(timesNewestFirst: number[]): number | null {
  if (timesNewestFirst.length < 20) return null;
  const gaps: number[] = [];
  for (let i = 1; i < timesNewestFirst.length; i++)
    gaps.push(timesNewestFirst[i - 1]! - timesNewestFirst[i]!);
  const p10 = percentile(gaps, 0.1);
  const p50 = percentile(gaps, 0.5);
  return p50 / Math.max(p10, 0.1);
}

function computeMedianGap(timesNewestFirst: number[]): number | null {
  if (timesNewestFirst.length < 2) return null;
  const gaps: number[] = [];
  for (let i = 1; i < timesNewestFirst.length; i++)
    gaps.push(timesNewestFirst[i - 1]! - timesNewestFirst[i]!);
  return percentile(gaps, 0.5);
}

/** Nearest-rank percentile (sorts a copy). */
export function percentile(values: readonly number[], fraction: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1));
  return sorted[rank] ?? 0;
}
