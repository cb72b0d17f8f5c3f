/**
 * The wallboard: a read-only big-screen view for the floor. The chosen skills as large tiles
 * (paged, rotating), the center's charts, the longest calls and the current alerts, with the
 * age of the data. Nothing on it acts on the center.
 */
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgentRow } from '../../../shared/domain';
import { formatElapsed } from '../../i18n/format';
import { useNow } from '../../store/clock';
import { useAppState } from '../../store/store-context';
import { describeAlert } from '../agents/describe-alert';
import { describeConnection } from '../inspection/connection-status';
import { useInsight, useInsightStore } from '../insight/insight-context';
import { InsightCharts } from '../insight/insight-charts';
import { useChartTheme } from '../insight/use-chart-theme';
import { chooseSkills, pageAt, paginate } from './wallboard-pages';
import { WallboardTile } from './wallboard-tile';

const LONGEST_CALLS = 5;
const ALERTS_SHOWN = 6;

function longestCalls(rows: ReadonlyMap<string, AgentRow>): AgentRow[] {
  const talking: AgentRow[] = [];
  for (const row of rows.values())
    if (row.state === 'talking' && (row.call?.since ?? row.stateSince) !== null) talking.push(row);
  const start = (row: AgentRow) => row.call?.since ?? row.stateSince ?? Infinity;
  return talking.sort((a, b) => start(a) - start(b)).slice(0, LONGEST_CALLS);
}

/** Chart height for the window: 260 px on a full-HD wall screen, less on smaller ones. */
function useChartHeight(): number {
  const read = () => (typeof window === 'undefined' ? 260 : window.innerHeight >= 1000 ? 260 : 130);
  const [height, setHeight] = useState(read);
  useEffect(() => {
    const onResize = () => setHeight(read());
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, []);
  return height;
}

export function WallboardScreen() {
  const { t } = useTranslation();
  const now = useNow();
  const insight = useInsightStore();
  const snapshot = useInsight((state) => state.snapshot);
  const history = useInsight((state) => state.history);
  const connection = useAppState((state) => state.connection);
  const settings = useAppState((state) => state.settings);
  const alerts = useAppState((state) => state.alerts);
  const rosterRevision = useAppState((state) => state.roster.revision);
  const rows = useAppState((state) => state.roster.rows);
  const theme = useChartTheme();
  const [startedAt] = useState(() => Date.now());
  const chartHeight = useChartHeight();

  useEffect(() => {
    void insight.showScope(null);
  }, [insight]);

  const pages = paginate(chooseSkills(snapshot?.skills ?? [], settings.insight.wallboardSkillIds));
  const page = pageAt(
    now - startedAt,
    settings.insight.wallboardRotateSeconds * 1000,
    pages.length,
  );
  // Recomputed when the roster changes, at most once a second (the clock), not per delta.
  const calls = useMemo(() => longestCalls(rows), [rows, rosterRevision, now]); // eslint-disable-line react-hooks/exhaustive-deps
  const status = describeConnection(connection, now);
  const statusText = [
    t(`connection.${status.key}`),
    status.dataAgeSeconds === null
      ? null
      : t('connection.dataAge', { seconds: status.dataAgeSeconds }),
  ]
    .filter(Boolean)
    .join(' · ');

  return (
    <main className="wallboard" aria-labelledby="wallboard-title">
      <header className="wallboard-head">
        <h1 id="wallboard-title">{t('wallboard.title')}</h1>
        <p className={`wallboard-status tone-${status.tone}`} data-testid="wallboard-status">
          {statusText}
        </p>
        <p className="wallboard-page">
          {t('wallboard.page', { page: page + 1, pages: pages.length })}
        </p>
      </header>
      {snapshot === null ? (
        <p className="wallboard-waiting">{t('wallboard.waiting')}</p>
      ) : (
        <>
          <section className="wallboard-tiles" aria-label={t('wallboard.skills')}>
            {(pages[page] ?? []).map((skill) => (
              <WallboardTile
                key={skill.skillId}
                skill={skill}
                longWaitSeconds={settings.alerts.longQueueWaitSeconds}
              />
            ))}
          </section>
          <div className="wallboard-lower">
            <section className="wallboard-charts" aria-label={t('wallboard.charts')}>
              {history ? (
                <InsightCharts history={history} theme={theme} withMix height={chartHeight} />
              ) : null}
            </section>
            <section className="wallboard-side">
              <h2>{t('wallboard.longestCalls')}</h2>
              {calls.length === 0 ? (
                <p className="muted">{t('wallboard.noCalls')}</p>
              ) : (
                <ol className="wallboard-calls">
                  {calls.map((row) => (
                    <li key={row.workNo}>
                      <span>
                        {row.workNo} {row.name}
                      </span>
                      <span className="wb-duration">
                        {row.stateSinceExact === false && row.call?.since == null ? '≥ ' : ''}
                        {formatElapsed(row.call?.since ?? row.stateSince, now)}
                      </span>
                    </li>
                  ))}
                </ol>
              )}
              <h2>{t('wallboard.alerts')}</h2>
              {alerts.length === 0 ? (
                <p className="muted">{t('glance.allClear')}</p>
              ) : (
                <ul className="wallboard-alerts">
                  {alerts.slice(-ALERTS_SHOWN).map((alert) => (
                    <li key={alert.id}>
                      <strong>{alert.target}</strong>{' '}
                      {describeAlert(alert.kind, settings.alerts, t, alert.thresholdSeconds)}
                    </li>
                  ))}
                </ul>
              )}
            </section>
          </div>
        </>
      )}
    </main>
  );
}
