/**
 * The live figures of a scope as tiles: the gateway's (waiting, longest wait, agents) and the
 * ones this desktop observed (answered, abandoned, ASA, service level), the latter labelled as
 * such with their coverage.
 */
import { useTranslation } from 'react-i18next';
import type { CenterFigures, SkillFigures } from '../../../shared/insight';
import { formatPercent, formatSeconds, serviceLevelTone } from './insight-format';

export function InsightTiles(props: {
  figures: SkillFigures | CenterFigures;
  serviceLevelSeconds: number;
}) {
  const { t } = useTranslation();
  const { figures } = props;
  const observed = figures.observed;
  const agents = figures.agents;
  const tone = serviceLevelTone(observed.serviceLevel);
  const dash = '—';
  return (
    <div className="insight-tiles">
      <dl className="insight-tile-group" aria-label={t('insight.gatewayFigures')}>
        <Tile label={t('insight.tiles.waiting')} value={String(figures.waiting)} />
        <Tile
          label={t('insight.tiles.longestWait')}
          value={
            figures.longestWaitSeconds === null ? dash : formatSeconds(figures.longestWaitSeconds)
          }
        />
        <Tile
          label={t('insight.tiles.signedIn')}
          value={agents.signedIn === null ? dash : String(agents.signedIn)}
        />
        <Tile
          label={t('insight.tiles.available')}
          value={agents.available === null ? dash : String(agents.available)}
        />
        <Tile label={t('insight.tiles.talking')} value={String(agents.talking)} />
        <Tile label={t('insight.tiles.wrapUp')} value={String(agents.wrapUp)} />
        <Tile label={t('insight.tiles.resting')} value={String(agents.resting)} />
      </dl>
      <dl className="insight-tile-group is-observed" aria-label={t('insight.observedFigures')}>
        <Tile
          label={t('insight.tiles.serviceLevel', { seconds: props.serviceLevelSeconds })}
          value={observed.serviceLevel === null ? dash : formatPercent(observed.serviceLevel)}
          tone={tone}
        />
        <Tile
          label={t('insight.tiles.asa')}
          value={observed.asaSeconds === null ? dash : formatSeconds(observed.asaSeconds)}
        />
        <Tile label={t('insight.tiles.answered')} value={String(observed.answered)} />
        <Tile label={t('insight.tiles.abandoned')} value={String(observed.abandoned)} />
      </dl>
      <p className="insight-coverage">
        {t('insight.observedNote', {
          coverage: formatPercent(observed.coverage.ratio),
          calls: observed.coverage.calls,
        })}
      </p>
    </div>
  );
}

function Tile(props: { label: string; value: string; tone?: 'ok' | 'warn' | 'bad' | 'none' }) {
  const { t } = useTranslation();
  const tone = props.tone && props.tone !== 'none' ? props.tone : null;
  return (
    <div className={tone ? `insight-tile tone-${tone}` : 'insight-tile'}>
      <dt>{props.label}</dt>
      <dd>
        {props.value}
        {/* Not by colour alone: the band in words, with a shape. */}
        {tone ? <span className="tone-word">{t(`insight.tone.${tone}`)}</span> : null}
      </dd>
    </div>
  );
}
