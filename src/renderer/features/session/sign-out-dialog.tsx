/**
 * Sign out, optionally forgetting the password remembered in the OS keychain.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppState, useBridge, useStore } from '../../store/store-context';
import { Dialog } from '../../ui/dialog';
import { reportCommandError } from '../inspection/run-action';
import { DialogFooter } from '../../ui/dialog-footer';

/** Confirm sign-out. */
export function SignOutDialog(props: { onClose: () => void }) {
  const { t } = useTranslation();
  const bridge = useBridge();
  const store = useStore();
  const remembered = useAppState((state) => state.passwordRemembered);
  const [forget, setForget] = useState(false);
  const [busy, setBusy] = useState(false);
  async function signOut(): Promise<void> {
    setBusy(true);
    const result = await bridge.invoke('session.signOut', { forgetPassword: forget });
    setBusy(false);
    if (!result.ok) reportCommandError(store, result.error);
    props.onClose();
  }
  return (
    <Dialog
      title={t('signOut.title')}
      onClose={props.onClose}
      size="small"
      footer={
        <DialogFooter
          dismissLabel={t('common.cancel')}
          onDismiss={props.onClose}
          confirmLabel={t('signOut.confirm')}
          blocked={busy}
          onConfirm={() => void signOut()}
        />
      }
    >
      <p>{t('signOut.body')}</p>
      {remembered ? (
        <label className="check-field">
          <input
            type="checkbox"
            checked={forget}
            onChange={(event) => setForget(event.target.checked)}
          />
          <span>{t('signOut.forget')}</span>
        </label>
      ) : null}
    </Dialog>
  );
}
