/**
 * Insight on the main screen. Closed (the default), one line: the center's figures that matter
 * at a glance, the wallboard, and "Show charts". Open: the figures of the center or one skill,
 * the shift's charts, reason-code time, CSV export and the thresholds. The agent table keeps the
 * room unless the supervisor asks for the charts; the full picture lives on the wallboard.
 */
import { Suspense, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppState, useBridge, useStore } from '../../store/store-context';
import { Icon } from '../../ui/icons';
import { reportCommandError } from '../inspection/run-action';
import { useInsight, useInsightStore } from './insight-context';
import { InsightCharts } from './insight-charts';
import { InsightSummary } from './insight-summary';
import { InsightTiles } from './insight-tiles';
import { ReasonTimeTable } from './reason-time-table';
import { useChartTheme } from './use-chart-theme';
import { lazyPart } from '../../ui/lazy-part';

// Loaded when opened: it validates with the contract's schema (zod), which the first screen
// does not need.
const InsightSettingsDialog = lazyPart(() =>
  import('./insight-settings-dialog').then((module) => module.InsightSettingsDialog),
);

export function InsightPanel(props: { open: boolean; onToggle: () => void }) {
  const { t } = useTranslation();
  const bridge = useBridge();
  const store = useStore();
  const insight = useInsightStore();
  const snapshot = useInsight((state) => state.snapshot);
  const history = useInsight((state) => state.history);
  const queues = useAppState((state) => state.queues);
  const theme = useChartTheme();
  const [scope, setScope] = useState<number | null>(null);
  const [settingsOpen, setSettingsOpen] = useState(false);
  const bodyId = useId();
  const scopeId = useId();

  useEffect(() => {
    if (props.open) void insight.showScope(scope);
  }, [insight, scope, props.open]);

  async function exportCsv(): Promise<void> {
    const result = await bridge.invoke('stats.exportCsv', {});
    if (!result.ok) return reportCommandError(store, result.error);
    if (result.value.savedTo)
      store.pushToast({
        level: 'success',
        text: { key: 'insight.exported', params: { rows: result.value.rows } },
      });
  }

  async function openWallboard(): Promise<void> {
    const result = await bridge.invoke('wallboard.open', {});
    if (!result.ok) reportCommandError(store, result.error);
  }

  const figures =
    scope === null ? snapshot?.center : snapshot?.skills.find((skill) => skill.skillId === scope);
  return (
    <section
      className={props.open ? 'insight-panel is-open' : 'insight-panel'}
      aria-labelledby={`${bodyId}-title`}
    >
      <div className="insight-head">
        <h2 id={`${bodyId}-title`}>{t('insight.title')}</h2>
        {props.open ? (
          <span className="insight-scope-field">
            <label htmlFor={scopeId}>{t('insight.scope')}</label>
            <select
              id={scopeId}
              className="insight-scope"
              value={scope === null ? '' : String(scope)}
              onChange={(event) =>
                setScope(event.target.value === '' ? null : Number(event.target.value))
              }
            >
              <option value="">{t('insight.center')}</option>
              {queues.map((queue) => (
                <option key={queue.skillId} value={queue.skillId}>
                  {queue.name || t('queues.skill', { id: queue.skillId })}
                </option>
              ))}
            </select>
          </span>
        ) : (
          <InsightSummary snapshot={snapshot} />
        )}
        <span className="insight-tools">
          {props.open ? (
            <button type="button" className="button" onClick={() => void exportCsv()}>
              {t('insight.exportCsv')}
            </button>
          ) : null}
          <button type="button" className="button" onClick={() => void openWallboard()}>
            {t('insight.openWallboard')}
          </button>
          {props.open ? (
            <button type="button" className="button" onClick={() => setSettingsOpen(true)}>
              {t('insight.settings.open')}
            </button>
          ) : null}
          <button
            type="button"
            className="button insight-toggle"
            data-testid="insight-toggle"
            aria-expanded={props.open}
            aria-controls={props.open ? bodyId : undefined}
            onClick={props.onToggle}
          >
            <Icon name="chevron" className={props.open ? 'chevron is-up' : 'chevron is-down'} />
            {props.open ? t('insight.hide') : t('insight.show')}
          </button>
        </span>
      </div>
      {props.open ? (
        <div id={bodyId} className="insight-body">
          {figures && snapshot ? (
            <InsightTiles figures={figures} serviceLevelSeconds={snapshot.serviceLevelSeconds} />
          ) : (
            <p className="muted">{t('insight.waiting')}</p>
          )}
          <div className="insight-detail">
            {history ? (
              <InsightCharts
                history={history}
                theme={theme}
                withMix={scope === null}
                height={100}
                summary="screen-reader"
              />
            ) : null}
            {snapshot ? <ReasonTimeTable rows={snapshot.reasonTime} limit={5} /> : null}
          </div>
        </div>
      ) : null}
      {settingsOpen ? (
        <Suspense fallback={null}>
          <InsightSettingsDialog onClose={() => setSettingsOpen(false)} />
        </Suspense>
      ) : null}
    </section>
  );
}
