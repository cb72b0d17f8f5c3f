/**
 * A time-series chart drawn by uPlot (canvas): lines on one or two value axes, or stacked
 * areas. Hover or the arrow keys show the exact values in the legend; a sentence per series
 * and an hourly table under it are the chart's text alternative.
 */
import { useEffect, useId, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type uPlot from 'uplot';
import {
  axisColours,
  hatchPattern,
  seriesStyle,
  withAlpha,
  type ChartTheme,
} from './chart-palette';
import { hourlyMaxima, summariseSeries } from './chart-summary';
import { formatTimeTicks, TICK_SPACE_PX, TICK_STEPS_SECONDS, timeAxisRange } from './time-axis';
import { canDrawCharts, loadUPlot } from './uplot-loader';

export interface ChartSeries {
  label: string;
  values: ReadonlyArray<number | null>;
  /** The right-hand axis (a second unit). */
  secondAxis?: boolean;
  format(value: number): string;
}

export interface TimeChartProps {
  title: string;
  /** Sample times, ms since epoch. */
  times: readonly number[];
  series: readonly ChartSeries[];
  stacked?: boolean;
  /** Fixed range of the left axis (e.g. 0–100 for a percentage). */
  range?: [number, number];
  height?: number;
  theme: ChartTheme;
  testId?: string;
  /** Where the sentence per series shows: on screen (default) or to screen readers only, where
   *  room is short and the legend and the hourly table show the same values. */
  summary?: 'shown' | 'screen-reader';
}

function timeFormat(language: string, seconds: boolean): Intl.DateTimeFormat {
  return new Intl.DateTimeFormat(language, {
    hour: '2-digit',
    minute: '2-digit',
    ...(seconds ? { second: '2-digit' } : {}),
    // h23, not hour12: false — which some locales read as h24 ("24:30" after midnight).
    hourCycle: 'h23',
  });
}

/** `cc-chart-drawn:<testId>` in the page's performance timeline (read by the benchmark). */
function markDrawn(testId: string): void {
  performance.mark(`cc-chart-drawn:${testId}`);
  // Keep the timeline small over a long shift: only the newest marks matter.
  if (performance.getEntriesByType('mark').length > 200) performance.clearMarks();
}

/** Data for uPlot: x in seconds, stacked series as running sums. */
function buildData(props: TimeChartProps): uPlot.AlignedData {
  const x = props.times.map((at) => at / 1000);
  if (!props.stacked) return [x, ...props.series.map((entry) => [...entry.values])];
  const sums: Array<Array<number | null>> = [];
  props.series.forEach((entry, index) => {
    const below = sums[index - 1];
    sums.push(
      entry.values.map((value, i) =>
        value === null ? null : value + (below ? (below[i] ?? 0) : 0),
      ),
    );
  });
  return [x, ...sums];
}

function buildOptions(
  props: TimeChartProps,
  width: number,
  language: string,
  timeLabel: string,
  /** Told the x tick labels each time the axis is drawn (kept on the plot for tests). */
  onTicks: (labels: readonly string[]) => void,
): uPlot.Options {
  const axis = axisColours(props.theme);
  const exact = timeFormat(language, true);
  const hasSecond = props.series.some((entry) => entry.secondAxis);
  const series: uPlot.Series[] = [
    { label: timeLabel, value: (_u, value) => (value == null ? '—' : exact.format(value * 1000)) },
  ];
  props.series.forEach((entry, index) => {
    const style = seriesStyle(index, props.theme);
    series.push({
      label: entry.label,
      stroke: style.stroke,
      width: 2,
      dash: style.dash,
      scale: entry.secondAxis ? 'y2' : 'y',
      spanGaps: false,
      points: { show: false },
      // The legend shows the series' own value, also when stacked.
      value: (_u, _value, _series, idx) => {
        const raw = idx == null ? null : (entry.values[idx] ?? null);
        return raw === null ? '—' : entry.format(raw);
      },
      ...(props.stacked
        ? { fill: (u: uPlot) => hatchPattern(u.ctx, style.stroke, style.hatch) }
        : {}),
    });
  });
  const axisBase = {
    stroke: axis.text,
    grid: { stroke: axis.grid, width: 1 },
    ticks: { stroke: axis.tick, width: 1 },
    font: '12px system-ui, sans-serif',
  };
  return {
    width,
    height: props.height ?? 160,
    series,
    scales: {
      x: { time: true, range: (_u, min, max) => timeAxisRange(min, max) },
      y: props.range ? { range: props.range } : { range: (_u, _min, max) => [0, Math.max(1, max)] },
      ...(hasSecond ? { y2: { range: (_u, _min, max) => [0, Math.max(10, max)] } } : {}),
    },
    axes: [
      {
        ...axisBase,
        space: TICK_SPACE_PX,
        incrs: TICK_STEPS_SECONDS,
        // One line of 12 px labels under 6 px ticks: uPlot's 50 px took a third of a small chart.
        size: 32,
        values: (_u, ticks, _axis, _space, step) => {
          const labels = formatTimeTicks(ticks, step, language);
          onTicks(labels);
          return labels;
        },
      },
      { ...axisBase, size: 44 },
      ...(hasSecond
        ? [{ ...axisBase, side: 1, scale: 'y2', size: 48, grid: { show: false } }]
        : []),
    ],
    bands: props.stacked
      ? props.series.slice(1).map((_entry, index) => ({
          series: [index + 2, index + 1] as [number, number],
          fill: withAlpha('#000000', 0),
        }))
      : undefined,
    legend: { show: true, live: true },
    cursor: { drag: { x: false, y: false }, points: { show: true } },
    // A performance mark per drawing, so the benchmark can time a history's render.
    hooks: props.testId ? { draw: [() => markDrawn(props.testId ?? '')] } : undefined,
  };
}

/** One chart with its title, text alternative and hourly table. */
export function TimeChart(props: TimeChartProps) {
  const { t, i18n } = useTranslation();
  const titleId = useId();
  const summaryId = useId();
  const host = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);
  const cursorIndex = useRef<number | null>(null);
  const shape = `${props.theme}|${props.stacked}|${i18n.language}|${props.series.map((s) => `${s.label}:${s.secondAxis}`).join(',')}`;
  const data = useMemo(() => buildData(props), [props]);
  const latest = useRef(data);

  useEffect(() => {
    const element = host.current;
    if (!canDrawCharts || !element) return;
    let chart: uPlot | null = null;
    let observer: ResizeObserver | null = null;
    let cancelled = false;
    void loadUPlot().then((UPlot) => {
      if (cancelled) return;
      const width = Math.max(200, element.clientWidth);
      const created = new UPlot(
        buildOptions(props, width, i18n.language, t('insight.chart.time'), (labels) => {
          element.dataset.xTicks = labels.join(' | ');
        }),
        latest.current,
        element,
      );
      chart = created;
      plot.current = created;
      observer = new ResizeObserver(() => {
        const next = Math.max(200, element.clientWidth);
        if (next !== created.width) created.setSize({ width: next, height: created.height });
      });
      observer.observe(element);
    });
    return () => {
      cancelled = true;
      observer?.disconnect();
      chart?.destroy();
      plot.current = null;
    };
    // The chart is rebuilt only when its shape changes; new data goes through setData below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [shape]);

  useEffect(() => {
    latest.current = data;
    plot.current?.setData(data);
  }, [data]);

  /** Arrow keys move the cursor over the samples (the legend shows exact values). */
  function onKeyDown(event: React.KeyboardEvent): void {
    const chart = plot.current;
    const count = props.times.length;
    if (!chart || count === 0) return;
    const keys: Record<string, (index: number) => number> = {
      ArrowLeft: (index) => Math.max(0, index - 1),
      ArrowRight: (index) => Math.min(count - 1, index + 1),
      Home: () => 0,
      End: () => count - 1,
    };
    const move = keys[event.key];
    if (!move) return;
    event.preventDefault();
    const index = move(cursorIndex.current ?? count - 1);
    cursorIndex.current = index;
    const left = chart.valToPos((props.times[index] ?? 0) / 1000, 'x');
    chart.setCursor({ left, top: chart.bbox.height / devicePixelRatio / 2 });
  }

  const summaries = summariseSeries(props.times, props.series);
  const hours = hourlyMaxima(
    props.times,
    props.series.map((entry) => entry.values),
  );
  const clock = timeFormat(i18n.language, false);
  return (
    <figure className="time-chart" aria-labelledby={titleId} data-testid={props.testId}>
      <figcaption id={titleId} className="time-chart-title">
        {props.title}
      </figcaption>
      <div
        ref={host}
        className="time-chart-plot"
        role="img"
        tabIndex={0}
        aria-label={props.title}
        aria-describedby={summaryId}
        onKeyDown={onKeyDown}
        onBlur={() => (cursorIndex.current = null)}
      />
      <p
        id={summaryId}
        className={
          props.summary === 'screen-reader'
            ? 'time-chart-summary visually-hidden'
            : 'time-chart-summary'
        }
      >
        {summaries.length === 0 || props.times.length === 0
          ? t('insight.chart.noData')
          : summaries
              .map((entry) =>
                entry.now === null
                  ? t('insight.chart.seriesUnknown', { label: entry.label })
                  : t('insight.chart.series', {
                      label: entry.label,
                      now: entry.now,
                      max: entry.max?.value ?? '—',
                      at: entry.max ? clock.format(entry.max.at) : '—',
                      min: entry.min ?? '—',
                    }),
              )
              .join(' ')}
      </p>
      {hours.length > 0 ? (
        <details className="time-chart-table">
          <summary>{t('insight.chart.table')}</summary>
          <table>
            <caption className="visually-hidden">
              {t('insight.chart.tableCaption', { title: props.title })}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('insight.chart.hour')}</th>
                {props.series.map((entry) => (
                  <th scope="col" key={entry.label}>
                    {entry.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {hours.map((row) => (
                <tr key={row.hourStart}>
                  <th scope="row">{clock.format(row.hourStart)}</th>
                  {row.values.map((value, index) => (
                    <td key={props.series[index]?.label ?? index}>
                      {value === null ? '—' : (props.series[index]?.format(value) ?? String(value))}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      ) : null}
    </figure>
  );
}
