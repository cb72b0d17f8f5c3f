/**
 * Insight on the main screen: the live figures of the center or one skill, the shift's charts,
 * reason-code time, CSV export and the wallboard. Collapsible to its header so the agent table
 * keeps the room when the supervisor wants it.
 */
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppState, useBridge, useStore } from '../../store/store-context';
import { reportCommandError } from '../inspection/run-action';
import { useInsight, useInsightStore } from './insight-context';
import { InsightCharts } from './insight-charts';
import { InsightTiles } from './insight-tiles';
import { InsightSettingsDialog } from './insight-settings-dialog';
import { ReasonTimeTable } from './reason-time-table';
import { useChartTheme } from './use-chart-theme';

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
      className={props.open ? 'insight-panel' : 'insight-panel is-closed'}
      aria-labelledby={`${bodyId}-title`}
    >
      <div className="panel-head insight-head">
        <h2 id={`${bodyId}-title`}>{t('insight.title')}</h2>
        <button
          type="button"
          className="button"
          aria-expanded={props.open}
          aria-controls={bodyId}
          onClick={props.onToggle}
        >
          {props.open ? t('insight.hide') : t('insight.show')}
        </button>
        {props.open ? (
          <>
            <label htmlFor={scopeId} className="insight-scope-label">
              {t('insight.scope')}
            </label>
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
            <button type="button" className="button" onClick={() => void exportCsv()}>
              {t('insight.exportCsv')}
            </button>
            <button type="button" className="button" onClick={() => void openWallboard()}>
              {t('insight.openWallboard')}
            </button>
            <button type="button" className="button" onClick={() => setSettingsOpen(true)}>
              {t('insight.settings.open')}
            </button>
          </>
        ) : null}
      </div>
      {props.open ? (
        <div id={bodyId} className="insight-body">
          {figures && snapshot ? (
            <InsightTiles figures={figures} serviceLevelSeconds={snapshot.serviceLevelSeconds} />
          ) : (
            <p className="muted">{t('insight.waiting')}</p>
          )}
          {history ? (
            <InsightCharts history={history} theme={theme} withMix={scope === null} height={100} />
          ) : null}
          {snapshot ? <ReasonTimeTable rows={snapshot.reasonTime} limit={5} /> : null}
        </div>
      ) : null}
      {settingsOpen ? <InsightSettingsDialog onClose={() => setSettingsOpen(false)} /> : null}
    </section>
  );
}
