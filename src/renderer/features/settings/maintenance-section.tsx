/**
 * Updates and support in the settings dialog: the update channel (part of the form), "Check for
 * updates" / "Install update" (at once, through main, which decides whether now is a good time),
 * "Export diagnostics…" with the choice to include call parties' numbers, and the logs folder.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UpdateChannel } from '../../../shared/domain';
import type { PolicyLock } from '../../../shared/policy';
import type { UpdateView } from '../../../shared/updates';
import { useBridge, useStore } from '../../store/store-context';
import { FormField } from '../../ui/form-field';
import { reportCommandError } from '../inspection/run-action';
import { hintOrLock } from './policy-lock';

const CHANNELS: readonly UpdateChannel[] = ['stable', 'beta'];

export interface MaintenanceSectionProps {
  channel: UpdateChannel;
  channelLock: PolicyLock | undefined;
  onChannel: (channel: UpdateChannel) => void;
  onOpenLogs: () => void;
}

/** One line saying where the updater is. */
function UpdateStatus(props: { view: UpdateView | null }) {
  const { t, i18n } = useTranslation();
  const view = props.view;
  if (!view) return null;
  const zh = i18n.language.startsWith('zh');
  const failure =
    view.phase === 'failed' && view.failure
      ? zh
        ? view.failure.messageZh
        : view.failure.message
      : null;
  return (
    <p className="field-hint" role="status" data-testid="update-status">
      {t(`updates.phase.${view.phase}`, {
        version: view.version ?? '',
        percent: view.percent ?? 0,
      })}
      {view.waitingFor ? ` ${t(`updates.waitingFor.${view.waitingFor}`)}` : ''}
      {failure ? ` ${failure}` : ''}
    </p>
  );
}

/** The updates and support part of the settings. */
export function MaintenanceSection(props: MaintenanceSectionProps) {
  const { t } = useTranslation();
  const bridge = useBridge();
  const store = useStore();
  const [view, setView] = useState<UpdateView | null>(null);
  const [includeCallParties, setIncludeCallParties] = useState(false);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    void bridge.invoke('updates.getState', {}).then((result) => {
      if (live && result.ok) setView(result.value);
    });
    const off = bridge.on('updates.changed', (next) => setView(next));
    return () => {
      live = false;
      off();
    };
  }, [bridge]);

  async function check(): Promise<void> {
    setBusy(true);
    const result = await bridge.invoke('updates.check', {});
    setBusy(false);
    if (result.ok) setView(result.value);
    else reportCommandError(store, result.error);
  }

  async function install(): Promise<void> {
    const result = await bridge.invoke('updates.install', {});
    if (!result.ok) reportCommandError(store, result.error);
  }

  async function exportDiagnostics(): Promise<void> {
    setBusy(true);
    const result = await bridge.invoke('diagnostics.export', { includeCallParties });
    setBusy(false);
    if (!result.ok) return reportCommandError(store, result.error);
    if (result.value.savedTo)
      store.pushToast({
        level: 'success',
        text: { key: 'diagnostics.saved', params: { path: result.value.savedTo } },
      });
  }

  const disabled = view?.phase === 'disabled';
  return (
    <fieldset className="settings-section">
      <legend>{t('settings.sections.maintenance')}</legend>
      <FormField
        label={t('updates.channel')}
        hint={hintOrLock(props.channelLock, t('updates.channelHint'))}
      >
        {(control) => (
          <select
            {...control}
            value={props.channel}
            disabled={Boolean(props.channelLock)}
            onChange={(event) => props.onChannel(event.target.value as UpdateChannel)}
          >
            {CHANNELS.map((channel) => (
              <option key={channel} value={channel}>
                {t(`updates.channels.${channel}`)}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <UpdateStatus view={view} />
      <div className="button-row">
        <button
          type="button"
          className="button"
          aria-disabled={busy || disabled || undefined}
          onClick={() => !busy && !disabled && void check()}
        >
          {t('updates.check')}
        </button>
        {view?.phase === 'ready' ? (
          <button type="button" className="button tone-primary" onClick={() => void install()}>
            {t('updates.install', { version: view.version ?? '' })}
          </button>
        ) : null}
      </div>
      <label className="check-field">
        <input
          type="checkbox"
          checked={includeCallParties}
          onChange={(event) => setIncludeCallParties(event.target.checked)}
        />
        <span>{t('diagnostics.includeCallParties')}</span>
      </label>
      <div className="button-row">
        <button
          type="button"
          className="button"
          aria-disabled={busy || undefined}
          onClick={() => !busy && void exportDiagnostics()}
        >
          {t('diagnostics.export')}
        </button>
        <button type="button" className="button" onClick={props.onOpenLogs}>
          {t('settings.openLogs')}
        </button>
      </div>
    </fieldset>
  );
}
