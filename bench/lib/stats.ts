/**
 * Small statistics for the benchmarks: nearest-rank percentiles and a summary of a sample.
 */

export interface Summary {
  count: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  mean: number;
}

/** Nearest-rank percentile of `values` (`fraction` in 0..1); NaN for an empty sample. */
export function percentile(values: readonly number[], fraction: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1));
  return sorted[rank] as number;
}

/** Median of `values`; NaN for an empty sample. */
export function median(values: readonly number[]): number {
  return percentile(values, 0.5);
}

/** Count, p50, p95, p99, max and mean of a sample (NaN fields when empty). */
export function summarize(values: readonly number[]): Summary {
  const count = values.length;
  let max = Number.NaN;
  let sum = 0;
  for (const value of values) {
    sum += value;
    if (!(value <= max)) max = value;
  }
  return {
    count,
    p50: percentile(values, 0.5),
    p95: percentile(values, 0.95),
    p99: percentile(values, 0.99),
    max,
    mean: count === 0 ? Number.NaN : sum / count,
  };
}

/** Rounds for display and JSON (3 significant decimals are plenty for milliseconds). */
export function round(value: number, decimals = 3): number {
  if (!Number.isFinite(value)) return value;
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}

/**
 * Monotonic milliseconds shared by every thread of the process (CLOCK_MONOTONIC), so a
 * timestamp taken in a worker compares with one taken in the main thread.
 */
export function monotonicMs(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}
