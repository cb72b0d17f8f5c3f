/**
 * Global hotkeys: one recorder per action, the registration status main reports (registered,
 * taken by another app, invalid), a warning before two actions share keys (in any spelling
 * Electron reads as the same chord), and a warning on Windows for Ctrl+Alt+character chords,
 * which Windows reads as AltGr. A binding is applied at once through `hotkeys.set`.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HotkeyAction, HotkeyStatus } from '../../../shared/domain';
import { HOTKEY_ACTIONS } from '../../../shared/domain';
import { isAltGrEquivalent, sameChord } from '../../../shared/accelerator-identity';
import { useAppState, useBridge, useStore } from '../../store/store-context';
import { rendererPlatform } from '../../ui/format-accelerator';
import { Icon } from '../../ui/icons';
import { reportCommandError } from '../inspection/run-action';
import { HotkeyRecorder } from './hotkey-recorder';
import { LockNote, usePolicyLocks } from './policy-lock';

/** Which other action already uses `accelerator` (the same key chord on `platform`), if any. */
export function findLocalConflict(
  statuses: readonly HotkeyStatus[],
  action: HotkeyAction,
  accelerator: string,
  platform: string = rendererPlatform(),
): HotkeyAction | null {
  const other = statuses.find(
    (status) =>
      status.action !== action &&
      status.accelerator !== null &&
      sameChord(status.accelerator, accelerator, platform),
  );
  return other ? other.action : null;
}

function StatusLine(props: {
  id: string;
  status: HotkeyStatus | undefined;
  message: string | null;
}) {
  const { t } = useTranslation();
  if (props.message) {
    return (
      <p id={props.id} className="hotkey-status tone-bad">
        <Icon name="alert" /> {props.message}
      </p>
    );
  }
  const status = props.status?.status ?? 'unbound';
  const tone = status === 'registered' ? 'ok' : status === 'unbound' ? 'neutral' : 'bad';
  return (
    <p id={props.id} className={`hotkey-status tone-${tone}`}>
      {tone === 'bad' ? <Icon name="alert" /> : null}
      {t(`hotkeys.status.${status}`)}
      {props.status?.detail && tone === 'bad' ? ` — ${props.status.detail}` : null}
    </p>
  );
}

/** The hotkeys part of the settings. */
export function HotkeysSection() {
  const { t } = useTranslation();
  const bridge = useBridge();
  const store = useStore();
  const statuses = useAppState((state) => state.hotkeys);
  const [messages, setMessages] = useState<Partial<Record<HotkeyAction, string>>>({});
  const platform = rendererPlatform();
  const lockOf = usePolicyLocks();

  async function bind(action: HotkeyAction, accelerator: string | null): Promise<void> {
    if (accelerator !== null) {
      const other = findLocalConflict(statuses, action, accelerator);
      if (other) {
        setMessages((current) => ({
          ...current,
          [action]: t('hotkeys.usedBy', { action: t(`actions.${other}`) }),
        }));
        return;
      }
    }
    setMessages((current) => ({ ...current, [action]: undefined }));
    const result = await bridge.invoke('hotkeys.set', { action, accelerator });
    if (result.ok) store.applyPartial({ hotkeys: result.value });
    else reportCommandError(store, result.error);
  }

  return (
    <fieldset className="settings-section">
      <legend>{t('settings.sections.hotkeys')}</legend>
      <p className="field-hint">{t('hotkeys.intro')}</p>
      <ul className="hotkey-list">
        {HOTKEY_ACTIONS.map((action) => {
          const status = statuses.find((entry) => entry.action === action);
          const statusId = `hotkey-status-${action}`;
          const lock = lockOf(`hotkeys.${action}`);
          return (
            <li key={action} className="hotkey-item" data-testid={`hotkey-${action}`}>
              <span className="hotkey-action">{t(`actions.${action}`)}</span>
              <HotkeyRecorder
                actionLabel={t(`actions.${action}`)}
                accelerator={status?.accelerator ?? null}
                describedBy={statusId}
                disabled={Boolean(lock)}
                onRecord={(accelerator) => void bind(action, accelerator)}
                onRejected={(key) => setMessages((current) => ({ ...current, [action]: t(key) }))}
              />
              {status?.accelerator && !lock ? (
                <button
                  type="button"
                  className="button button-quiet"
                  onClick={() => void bind(action, null)}
                >
                  {t('hotkeys.clear')}
                </button>
              ) : (
                <span />
              )}
              <StatusLine id={statusId} status={status} message={messages[action] ?? null} />
              {lock ? <LockNote lock={lock} /> : null}
              {status?.accelerator && isAltGrEquivalent(status.accelerator, platform) ? (
                <p className="hotkey-status tone-warn" data-testid={`hotkey-altgr-${action}`}>
                  <Icon name="alert" /> {t('hotkeys.altGrWarning')}
                </p>
              ) : null}
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}
