/**
 * The supervisor's own actions, newest first, growing live; exportable as CSV or JSON
 * through main (which asks where to save).
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { JournalEntry } from '../../../shared/domain';
import { formatDateTime } from '../../i18n/format';
import { useAppState, useBridge, useStore } from '../../store/store-context';
import { Dialog } from '../../ui/dialog';
import { reportCommandError } from '../inspection/run-action';

const LIST_LIMIT = 500;

function OutcomeCell(props: { entry: JournalEntry }) {
  const { t } = useTranslation();
  const { entry } = props;
  return (
    <td>
      <span className={`outcome outcome-${entry.outcome}`}>
        {t(`journal.outcome.${entry.outcome}`)}
      </span>
      {entry.retcode ? <span className="muted"> {entry.retcode}</span> : null}
      {entry.message ? <div className="journal-message">{entry.message}</div> : null}
    </td>
  );
}

/** The journal dialog. */
export function JournalDialog(props: { onClose: () => void }) {
  const { t } = useTranslation();
  const bridge = useBridge();
  const store = useStore();
  const entries = useAppState((state) => state.journal);
  const language = useAppState((state) => state.settings.language);
  const [loading, setLoading] = useState(true);
  const [exporting, setExporting] = useState(false);

  useEffect(() => {
    let live = true;
    void bridge.invoke('journal.list', { limit: LIST_LIMIT }).then((result) => {
      if (!live) return;
      setLoading(false);
      // Whatever order main lists them in, the view reads newest first.
      if (result.ok)
        store.applyPartial({ journal: [...result.value].sort((a, b) => b.at.localeCompare(a.at)) });
      else reportCommandError(store, result.error);
    });
    return () => {
      live = false;
    };
  }, [bridge, store]);

  async function exportAs(format: 'csv' | 'json'): Promise<void> {
    setExporting(true);
    const result = await bridge.invoke('journal.export', { format });
    setExporting(false);
    if (!result.ok) reportCommandError(store, result.error);
    else if (result.value.savedTo) {
      store.pushToast({
        level: 'success',
        text: {
          key: 'journal.exported',
          params: { count: result.value.entries, path: result.value.savedTo },
        },
      });
    }
  }

  return (
    <Dialog
      title={t('journal.title')}
      onClose={props.onClose}
      size="large"
      footer={
        <>
          <button
            type="button"
            className="button"
            aria-disabled={exporting || undefined}
            onClick={() => void (exporting ? undefined : exportAs('csv'))}
          >
            {t('journal.exportCsv')}
          </button>
          <button
            type="button"
            className="button"
            aria-disabled={exporting || undefined}
            onClick={() => void (exporting ? undefined : exportAs('json'))}
          >
            {t('journal.exportJson')}
          </button>
          <button type="button" className="button tone-primary" onClick={props.onClose}>
            {t('common.close')}
          </button>
        </>
      }
    >
      {loading && entries.length === 0 ? (
        <p className="empty-state muted">{t('journal.loading')}</p>
      ) : entries.length === 0 ? (
        <p className="empty-state muted">{t('journal.empty')}</p>
      ) : (
        <div className="journal-scroll">
          <table className="journal-table">
            <caption className="visually-hidden">{t('journal.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('journal.columns.at')}</th>
                <th scope="col">{t('journal.columns.action')}</th>
                <th scope="col">{t('journal.columns.target')}</th>
                <th scope="col">{t('journal.columns.source')}</th>
                <th scope="col">{t('journal.columns.modes')}</th>
                <th scope="col">{t('journal.columns.outcome')}</th>
                <th scope="col" className="numeric">
                  {t('journal.columns.duration')}
                </th>
              </tr>
            </thead>
            <tbody>
              {entries.map((entry, index) => (
                <tr key={`${entry.at}-${index}`}>
                  <td className="nowrap">{formatDateTime(entry.at, language)}</td>
                  <td>{t(`actions.${entry.action}`)}</td>
                  <td>{entry.target ?? '—'}</td>
                  <td>{t(`journal.source.${entry.source}`)}</td>
                  <td className="nowrap">
                    {t(`inspectorMode.${entry.modeBefore}`)} →{' '}
                    {t(`inspectorMode.${entry.modeAfter}`)}
                  </td>
                  <OutcomeCell entry={entry} />
                  <td className="numeric">{t('units.ms', { count: entry.durationMs })}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Dialog>
  );
}
