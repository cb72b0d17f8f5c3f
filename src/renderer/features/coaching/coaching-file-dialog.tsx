/**
 * One agent's coaching file: a single timeline of the states seen, every supervisor action on
 * the agent, the notes sent, the inspections and their scorecards — newest first, filtered by
 * kind and period, exportable as CSV or JSON (the file, or the scorecards).
 */
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TIMELINE_KINDS, type TimelineEntry, type TimelineKind } from '../../../shared/coaching';
import { formatDateTime } from '../../i18n/format';
import { useAppState, useBridge, useStore } from '../../store/store-context';
import { Dialog } from '../../ui/dialog';
import { FormField } from '../../ui/form-field';
import { reportCommandError } from '../inspection/run-action';

type Period = 'shift' | 'week' | 'all';
const PERIODS: readonly Period[] = ['shift', 'week', 'all'];
const LIMIT = 500;

function EntryText(props: { entry: TimelineEntry }) {
  const { t } = useTranslation();
  const { entry } = props;
  switch (entry.kind) {
    case 'state':
      return <>{t(`agentState.${entry.state}`, { defaultValue: entry.state })}</>;
    case 'action':
      return (
        <>
          {t(`actions.${entry.action}`, { defaultValue: entry.action })} ·{' '}
          {t(`journal.outcome.${entry.outcome}`, { defaultValue: entry.outcome })}
          {entry.retcode ? ` ${entry.retcode}` : ''} ·{' '}
          {t(`journal.source.${entry.source}`, { defaultValue: entry.source })}
        </>
      );
    case 'note':
      return (
        <>
          “{entry.content}” {entry.signedIn ? '' : `· ${t('coaching.file.notSignedIn')}`}
        </>
      );
    case 'inspection':
      return (
        <>
          {t(`inspectorMode.${entry.mode}`, { defaultValue: entry.mode })} ·{' '}
          {t(`coaching.file.origin.${entry.origin}`)}
        </>
      );
    case 'scorecard':
      return (
        <>
          {entry.formName}: {entry.total}
          {entry.comment ? ` · ${entry.comment}` : ''}
        </>
      );
  }
}

export function CoachingFileDialog(props: { workNo: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const bridge = useBridge();
  const store = useStore();
  const language = useAppState((state) => state.settings.language);
  const shiftHours = useAppState((state) => state.settings.coaching.shiftHours);
  const rows = useAppState((state) => state.roster.rows);
  const [workNo, setWorkNo] = useState(props.workNo ?? '');
  const [kinds, setKinds] = useState<TimelineKind[]>([...TIMELINE_KINDS]);
  const [period, setPeriod] = useState<Period>('shift');
  const [entries, setEntries] = useState<TimelineEntry[] | null>(null);
  /** Which filter the entries shown were loaded for. */
  const [loadedFor, setLoadedFor] = useState<string | null>(null);
  const kindsLegend = useId();
  const valid = /^[1-9][0-9]{2,5}$/.test(workNo);
  const key = JSON.stringify([workNo, kinds, period]);
  /** The start of the period, read when asked (the clock moves on). */
  const periodStart = (): number | null =>
    period === 'all'
      ? null
      : Date.now() - (period === 'shift' ? shiftHours * 3_600_000 : 7 * 86_400_000);

  useEffect(() => {
    let live = true;
    if (!valid) return;
    const from = periodStart();
    void bridge
      .invoke('coaching.timeline', { workNo, kinds, from, to: null, limit: LIMIT })
      .then((result) => {
        if (!live) return;
        setLoadedFor(key);
        if (result.ok) setEntries(result.value);
        else {
          setEntries([]);
          reportCommandError(store, result.error);
        }
      });
    return () => {
      live = false;
    };
    // `key` stands for workNo, kinds and period; the period's start follows from them.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [bridge, store, key]);

  async function exportAs(what: 'file' | 'scorecards', format: 'csv' | 'json'): Promise<void> {
    const from = periodStart();
    const result =
      what === 'file'
        ? await bridge.invoke('coaching.exportFile', { workNo, kinds, from, format })
        : await bridge.invoke('coaching.exportScorecards', { workNo, from, format });
    if (!result.ok) return reportCommandError(store, result.error);
    if (result.value.savedTo)
      store.pushToast({
        level: 'success',
        text: {
          key: 'coaching.file.exported',
          params: { count: result.value.entries, path: result.value.savedTo },
        },
      });
  }

  const name = valid ? (rows.get(workNo)?.name ?? '') : '';
  return (
    <Dialog
      title={t('coaching.file.title', { agent: [workNo, name].filter(Boolean).join(' ') })}
      onClose={props.onClose}
      size="large"
      footer={
        <>
          <button
            type="button"
            className="button"
            aria-disabled={!valid || undefined}
            onClick={() => void (valid && exportAs('file', 'csv'))}
          >
            {t('coaching.file.exportCsv')}
          </button>
          <button
            type="button"
            className="button"
            aria-disabled={!valid || undefined}
            onClick={() => void (valid && exportAs('file', 'json'))}
          >
            {t('coaching.file.exportJson')}
          </button>
          <button
            type="button"
            className="button"
            aria-disabled={!valid || undefined}
            onClick={() => void (valid && exportAs('scorecards', 'csv'))}
          >
            {t('coaching.file.exportScorecards')}
          </button>
          <button type="button" className="button tone-primary" onClick={props.onClose}>
            {t('common.close')}
          </button>
        </>
      }
    >
      <div className="coaching-file" data-testid="coaching-file">
        <div className="coaching-file-filters">
          <FormField label={t('coaching.file.agent')}>
            {(control) => (
              <input
                {...control}
                inputMode="numeric"
                value={workNo}
                onChange={(e) => setWorkNo(e.target.value.trim())}
              />
            )}
          </FormField>
          <FormField label={t('coaching.file.period')}>
            {(control) => (
              <select
                {...control}
                value={period}
                onChange={(e) => setPeriod(e.target.value as Period)}
              >
                {PERIODS.map((option) => (
                  <option key={option} value={option}>
                    {t(`coaching.file.periods.${option}`, { hours: shiftHours })}
                  </option>
                ))}
              </select>
            )}
          </FormField>
          <fieldset className="kind-filters" aria-labelledby={kindsLegend}>
            <legend id={kindsLegend}>{t('coaching.file.kinds')}</legend>
            {TIMELINE_KINDS.map((kind) => (
              <label key={kind} className="check-field">
                <input
                  type="checkbox"
                  checked={kinds.includes(kind)}
                  onChange={() =>
                    setKinds((list) =>
                      list.includes(kind) ? list.filter((k) => k !== kind) : [...list, kind],
                    )
                  }
                />
                <span>{t(`coaching.file.kind.${kind}`)}</span>
              </label>
            ))}
          </fieldset>
        </div>
        {!valid ? (
          <p className="empty-state muted">{t('coaching.file.chooseAgent')}</p>
        ) : entries === null || loadedFor !== key ? (
          <p className="empty-state muted">{t('journal.loading')}</p>
        ) : entries.length === 0 ? (
          <p className="empty-state muted">{t('coaching.file.empty')}</p>
        ) : (
          <div className="journal-scroll">
            <table className="journal-table timeline-table">
              <caption className="visually-hidden">{t('coaching.file.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('coaching.file.columns.at')}</th>
                  <th scope="col">{t('coaching.file.columns.kind')}</th>
                  <th scope="col">{t('coaching.file.columns.what')}</th>
                </tr>
              </thead>
              <tbody>
                {entries.map((entry, index) => (
                  <tr
                    key={`${entry.kind}-${entry.at}-${index}`}
                    className={`timeline-${entry.kind}`}
                  >
                    <td className="nowrap">
                      {formatDateTime(new Date(entry.at).toISOString(), language)}
                    </td>
                    <td>
                      <span className={`kind-badge kind-${entry.kind}`}>
                        {t(`coaching.file.kind.${entry.kind}`)}
                      </span>
                    </td>
                    <td>
                      <EntryText entry={entry} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </div>
    </Dialog>
  );
}
