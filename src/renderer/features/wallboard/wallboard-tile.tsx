/** One skill on the wallboard: waiting, longest wait, service level (banded), agents available. */
import { useTranslation } from 'react-i18next';
import type { SkillFigures } from '../../../shared/insight';
import { formatPercent, formatSeconds, serviceLevelTone } from '../insight/insight-format';

export function WallboardTile(props: { skill: SkillFigures; longWaitSeconds: number }) {
  const { t } = useTranslation();
  const { skill } = props;
  const tone = serviceLevelTone(skill.observed.serviceLevel);
  const longWait = (skill.longestWaitSeconds ?? 0) >= props.longWaitSeconds;
  const dash = '—';
  return (
    <article className="wallboard-tile" aria-labelledby={`wb-skill-${skill.skillId}`}>
      <h2 id={`wb-skill-${skill.skillId}`}>{skill.name}</h2>
      <dl>
        <div className={skill.waiting > 0 ? 'wb-figure is-waiting' : 'wb-figure'}>
          <dt>{t('insight.tiles.waiting')}</dt>
          <dd>{skill.waiting}</dd>
        </div>
        <div className={longWait ? 'wb-figure tone-bad' : 'wb-figure'}>
          <dt>{t('insight.tiles.longestWait')}</dt>
          <dd>
            {skill.longestWaitSeconds === null ? dash : formatSeconds(skill.longestWaitSeconds)}
            {longWait ? <span className="tone-word">{t('wallboard.overThreshold')}</span> : null}
          </dd>
        </div>
        <div className={`wb-figure tone-${tone}`}>
          <dt>{t('wallboard.serviceLevel')}</dt>
          <dd>
            {skill.observed.serviceLevel === null
              ? dash
              : formatPercent(skill.observed.serviceLevel)}
            {tone !== 'none' ? (
              <span className="tone-word">{t(`insight.tone.${tone}`)}</span>
            ) : null}
          </dd>
        </div>
        <div className="wb-figure">
          <dt>{t('insight.tiles.available')}</dt>
          <dd>{skill.agents.available ?? dash}</dd>
        </div>
      </dl>
    </article>
  );
}
