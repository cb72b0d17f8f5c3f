/**
 * The time axis of the charts: tick labels as precise as the step between ticks (HH:MM:SS under
 * a minute, HH:MM under a day, the date above), so no two ticks read the same — "20:30" ten
 * times over a five-minute history said nothing. The axis spans at least five minutes, so the
 * first samples of a shift are not stretched over the whole width with sub-second ticks.
 */

/** The narrowest time axis, in seconds. */
export const MIN_AXIS_SECONDS = 5 * 60;

/** Room a tick label needs, in CSS pixels ("20:30" at 12 px is ~33 px; uPlot's own default). */
export const TICK_SPACE_PX = 50;

/**
 * Steps between ticks, seconds: whole minutes and up, since the axis spans five minutes at
 * least (so labels are HH:MM and fit 50 px apart). uPlot's own jump from 1 to 5 minutes left a
 * five-minute chart 350 px wide with one tick; 2 minutes in between keep two or more on every
 * chart, and 2 hours keep a 12-hour shift at six ticks on the wallboard.
 */
export const TICK_STEPS_SECONDS = [
  60, 120, 300, 600, 900, 1_200, 1_800, 3_600, 7_200, 10_800, 14_400, 21_600, 43_200, 86_400,
  172_800, 604_800,
];

export type TickPrecision = 'seconds' | 'minutes' | 'days';

export function tickPrecision(stepSeconds: number): TickPrecision {
  if (stepSeconds < 60) return 'seconds';
  if (stepSeconds < 86_400) return 'minutes';
  return 'days';
}

function formatterFor(language: string, precision: TickPrecision): Intl.DateTimeFormat {
  if (precision === 'days')
    return new Intl.DateTimeFormat(language, { month: '2-digit', day: '2-digit' });
  return new Intl.DateTimeFormat(language, {
    hour: '2-digit',
    minute: '2-digit',
    ...(precision === 'seconds' ? { second: '2-digit' } : {}),
    // h23, not hour12: false — which some locales read as h24 ("24:30" after midnight).
    hourCycle: 'h23',
  });
}

/**
 * Labels for ticks at `ticks` (seconds since the epoch) placed `stepSeconds` apart. Should two
 * still read the same (uneven ticks), the finer format is used.
 */
export function formatTimeTicks(
  ticks: readonly number[],
  stepSeconds: number,
  language: string,
): string[] {
  const precisions: TickPrecision[] = ['days', 'minutes', 'seconds'];
  const first = precisions.indexOf(tickPrecision(stepSeconds));
  let labels: string[] = [];
  for (const precision of precisions.slice(first)) {
    const format = formatterFor(language, precision);
    labels = ticks.map((tick) => format.format(tick * 1000));
    if (new Set(labels).size === labels.length) return labels;
  }
  return labels;
}

/** The x range uPlot draws: the data's, widened to at least MIN_AXIS_SECONDS from its start. */
export function timeAxisRange(min: number | null, max: number | null): [number, number] {
  const now = Date.now() / 1000;
  const start = min ?? max ?? now;
  const end = max ?? start;
  return [start, Math.max(end, start + MIN_AXIS_SECONDS)];
}
