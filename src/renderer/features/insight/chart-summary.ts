/**
 * Text alternatives of the charts: one sentence per series (now, highest and when, lowest) and
 * an hourly table (the highest value of each hour), so the history can be read without seeing
 * the chart.
 */
export interface SummarySeries {
  label: string;
  values: ReadonlyArray<number | null>;
  format(value: number): string;
}

export interface SeriesSummary {
  label: string;
  now: string | null;
  max: { value: string; at: number } | null;
  min: string | null;
}

/** Now / highest / lowest of each series over `times` (ms). */
export function summariseSeries(
  times: readonly number[],
  series: readonly SummarySeries[],
): SeriesSummary[] {
  return series.map((entry) => {
    let max: { value: number; at: number } | null = null;
    let min: number | null = null;
    let now: number | null = null;
    entry.values.forEach((value, index) => {
      if (value === null) return;
      now = value;
      if (max === null || value > max.value) max = { value, at: times[index] ?? 0 };
      if (min === null || value < min) min = value;
    });
    const top = max as { value: number; at: number } | null;
    return {
      label: entry.label,
      now: now === null ? null : entry.format(now),
      max: top ? { value: entry.format(top.value), at: top.at } : null,
      min: min === null ? null : entry.format(min),
    };
  });
}

export interface HourRow {
  hourStart: number;
  /** Highest value of each series in that hour (null: nothing known). */
  values: Array<number | null>;
}

/** The highest value per series for each hour that has data, oldest first. */
export function hourlyMaxima(
  times: readonly number[],
  series: ReadonlyArray<ReadonlyArray<number | null>>,
): HourRow[] {
  const rows = new Map<number, HourRow>();
  times.forEach((at, index) => {
    const hourStart = Math.floor(at / 3_600_000) * 3_600_000;
    let row = rows.get(hourStart);
    series.forEach((values, column) => {
      const value = values[index];
      if (value === null || value === undefined) return;
      row ??= { hourStart, values: series.map(() => null) };
      rows.set(hourStart, row);
      const current = row.values[column];
      row.values[column] =
        current === null || current === undefined ? value : Math.max(current, value);
    });
  });
  return [...rows.values()].sort((a, b) => a.hourStart - b.hourStart);
}
