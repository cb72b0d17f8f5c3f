/**
 * The shift's charts of one scope (the center or a skill): queue length and longest wait,
 * service level (observed), and — for the center — the agent-state mix stacked.
 */
import { useTranslation } from 'react-i18next';
import type { HistorySeries } from '../../../shared/insight';
import type { ChartTheme } from './chart-palette';
import { formatCount, formatSeconds } from './insight-format';
import { TimeChart } from './time-chart';

export interface InsightChartsProps {
  history: HistorySeries;
  theme: ChartTheme;
  /** Show the agent-state mix (the center's). */
  withMix: boolean;
  height?: number;
  /** The charts' sentences to screen readers only (the main screen's panel, short of room). */
  summary?: 'shown' | 'screen-reader';
}

export function InsightCharts(props: InsightChartsProps) {
  const { t } = useTranslation();
  const { history } = props;
  const columns = history.columns;
  const percent = columns.serviceLevel.map((value) => (value === null ? null : value * 100));
  return (
    <div className="insight-charts">
      <TimeChart
        testId="chart-queue"
        title={t('insight.charts.queue')}
        times={history.t}
        theme={props.theme}
        height={props.height}
        summary={props.summary}
        series={[
          { label: t('insight.series.waiting'), values: columns.waiting, format: formatCount },
          {
            label: t('insight.series.longestWait'),
            values: columns.longestWait,
            secondAxis: true,
            format: formatSeconds,
          },
        ]}
      />
      <TimeChart
        testId="chart-service-level"
        title={t('insight.charts.serviceLevel')}
        times={history.t}
        theme={props.theme}
        height={props.height}
        summary={props.summary}
        range={[0, 100]}
        series={[
          {
            label: t('insight.series.serviceLevel'),
            values: percent,
            format: (value) => `${Math.round(value)}%`,
          },
        ]}
      />
      {props.withMix ? (
        <TimeChart
          testId="chart-agent-mix"
          title={t('insight.charts.agentMix')}
          times={history.t}
          theme={props.theme}
          height={props.height}
          summary={props.summary}
          stacked
          series={[
            { label: t('insight.series.talking'), values: columns.talking, format: formatCount },
            { label: t('insight.series.wrapUp'), values: columns.wrapUp, format: formatCount },
            { label: t('insight.series.resting'), values: columns.resting, format: formatCount },
            { label: t('insight.series.busy'), values: columns.busy, format: formatCount },
            { label: t('insight.series.idle'), values: columns.idle, format: formatCount },
          ]}
        />
      ) : null}
    </div>
  );
}
