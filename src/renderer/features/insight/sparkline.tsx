/**
 * A sparkline of one skill's waiting calls over the last 30 minutes (uPlot, no axes), with its
 * text alternative in the label: "waiting over 30 min: now 3, most 7".
 */
import { useEffect, useRef } from 'react';
import type uPlot from 'uplot';
import { seriesStyle, withAlpha, type ChartTheme } from './chart-palette';
import { canDrawCharts, loadUPlot, type UPlotConstructor } from './uplot-loader';

export interface SparklineProps {
  times: readonly number[];
  values: ReadonlyArray<number | null>;
  label: string;
  theme: ChartTheme;
  width?: number;
  height?: number;
}

function createSparkline(
  UPlot: UPlotConstructor,
  element: HTMLElement,
  props: SparklineProps,
  data: uPlot.AlignedData,
): uPlot {
  const style = seriesStyle(0, props.theme);
  return new UPlot(
    {
      width: props.width ?? 44,
      height: props.height ?? 20,
      series: [
        {},
        {
          stroke: style.stroke,
          width: 1.5,
          fill: withAlpha(style.stroke, 0.18),
          points: { show: false },
        },
      ],
      scales: { x: { time: false }, y: { range: (_u, _min, max) => [0, Math.max(1, max)] } },
      axes: [{ show: false }, { show: false }],
      legend: { show: false },
      cursor: { show: false },
      select: { show: false, left: 0, top: 0, width: 0, height: 0 },
    },
    data,
    element,
  );
}

export function Sparkline(props: SparklineProps) {
  const host = useRef<HTMLSpanElement>(null);
  const plot = useRef<uPlot | null>(null);
  const data: uPlot.AlignedData = [props.times.map((at) => at / 1000), [...props.values]];
  const latest = useRef(data);
  const config = useRef(props);
  // Nothing to draw yet (the history loads after the agents at a window's start): the chart
  // library and its canvas wait, the box keeps its size.
  const hasPoints = props.times.length > 0;

  useEffect(() => {
    const element = host.current;
    if (!canDrawCharts || !element || !hasPoints) return;
    let chart: uPlot | null = null;
    let cancelled = false;
    void loadUPlot().then((UPlot) => {
      if (cancelled) return;
      chart = createSparkline(UPlot, element, config.current, latest.current);
      plot.current = chart;
    });
    return () => {
      cancelled = true;
      chart?.destroy();
      plot.current = null;
    };
  }, [props.theme, props.width, props.height, hasPoints]);

  useEffect(() => {
    latest.current = data;
    config.current = props;
    plot.current?.setData(data);
  });

  return <span ref={host} className="sparkline" role="img" aria-label={props.label} />;
}
