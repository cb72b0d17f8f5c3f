/**
 * The center at a glance, in one line beside the insight heading while the charts are hidden:
 * waiting, longest wait, available agents and the observed service level (word and shape with
 * its colour). The full picture is a click away, or on the wallboard.
 */
import { useTranslation } from 'react-i18next';
import type { InsightSnapshot } from '../../../shared/insight';
import { DEFAULT_INSIGHT_SETTINGS } from '../../../shared/insight-settings';
import { formatPercent, formatSeconds, serviceLevelTone } from './insight-format';

export function InsightSummary(props: { snapshot: InsightSnapshot | null }) {
  const { t } = useTranslation();
  const center = props.snapshot?.center ?? null;
  const dash = '—';
  const level = center?.observed.serviceLevel ?? null;
  const tone = serviceLevelTone(level);
  const longest = center?.longestWaitSeconds ?? null;
  const available = center?.agents.available ?? null;
  return (
    <dl className="insight-summary" data-testid="insight-summary">
      <Figure label={t('insight.tiles.waiting')} value={center ? String(center.waiting) : dash} />
      <Figure
        label={t('insight.tiles.longestWait')}
        value={longest === null ? dash : formatSeconds(longest)}
      />
      <Figure
        label={t('insight.tiles.available')}
        value={available === null ? dash : String(available)}
      />
      <Figure
        label={t('insight.tiles.serviceLevel', {
          seconds:
            props.snapshot?.serviceLevelSeconds ?? DEFAULT_INSIGHT_SETTINGS.serviceLevelSeconds,
        })}
        value={level === null ? dash : formatPercent(level)}
        tone={tone === 'none' ? null : tone}
      />
    </dl>
  );
}

function Figure(props: { label: string; value: string; tone?: 'ok' | 'warn' | 'bad' | null }) {
  const { t } = useTranslation();
  return (
    <div className={props.tone ? `insight-figure tone-${props.tone}` : 'insight-figure'}>
      <dt>{props.label}</dt>
      <dd>
        {props.value}
        {props.tone ? <span className="tone-word">{t(`insight.tone.${props.tone}`)}</span> : null}
      </dd>
    </div>
  );
}
