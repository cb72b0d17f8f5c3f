/** The queue panel's sparkline of one skill: waiting calls over the last 30 minutes. */
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useInsight, useOptionalInsightStore } from './insight-context';
import { Sparkline } from './sparkline';
import { useChartTheme } from './use-chart-theme';

/** Loads the sparkline history of these skills once (the panel calls it with its queues). */
export function useQueueSparklines(skillIds: readonly number[]): void {
  const store = useOptionalInsightStore();
  const key = skillIds.join(',');
  useEffect(() => {
    if (store && key !== '') void store.loadSparklines(key.split(',').map(Number));
  }, [store, key]);
}

/** The sparkline, or nothing where no insight store is provided. */
export function QueueSparkline(props: { skillId: number }) {
  return useOptionalInsightStore() ? <SkillSparkline skillId={props.skillId} /> : null;
}

function SkillSparkline(props: { skillId: number }) {
  const { t } = useTranslation();
  const theme = useChartTheme();
  const line = useInsight((state) => state.sparklines.get(props.skillId));
  const known = (line?.waiting ?? []).filter((value): value is number => value !== null);
  const label =
    known.length === 0
      ? t('insight.sparkline.empty')
      : t('insight.sparkline.label', { now: known.at(-1), max: Math.max(...known) });
  return (
    <Sparkline times={line?.t ?? []} values={line?.waiting ?? []} label={label} theme={theme} />
  );
}
