/**
 * The confirmation step before an action that cannot be undone (intercept, force sign-out).
 * Focus starts on "Go back", so a stray Enter does not confirm.
 */
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../ui/dialog';
import type { PendingConfirmation } from './use-action-runner';

export interface ConfirmActionDialogProps {
  confirmation: PendingConfirmation;
  agentName: string | null;
  onConfirm: (dontAskAgain: boolean) => void;
  onCancel: () => void;
}

/** Ask before intercepting a call or signing an agent out. */
export function ConfirmActionDialog(props: ConfirmActionDialogProps) {
  const { t } = useTranslation();
  const bodyId = useId();
  const cancelRef = useRef<HTMLButtonElement>(null);
  const [dontAskAgain, setDontAskAgain] = useState(false);
  const { action, workNo } = props.confirmation;
  const who = [workNo, props.agentName].filter(Boolean).join(' ');
  return (
    <Dialog
      title={t(`confirm.${action}.title`)}
      onClose={props.onCancel}
      initialFocus={cancelRef}
      size="small"
      alert
      describedBy={bodyId}
      footer={
        <>
          <button ref={cancelRef} type="button" className="button" onClick={props.onCancel}>
            {t('confirm.goBack')}
          </button>
          <button
            type="button"
            className="button tone-danger"
            onClick={() => props.onConfirm(dontAskAgain)}
          >
            {t(`confirm.${action}.confirm`)}
          </button>
        </>
      }
    >
      <p id={bodyId}>{t(`confirm.${action}.body`, { agent: who })}</p>
      <label className="check-field">
        <input
          type="checkbox"
          checked={dontAskAgain}
          onChange={(event) => setDontAskAgain(event.target.checked)}
        />
        <span>{t('confirm.dontAskAgain')}</span>
      </label>
    </Dialog>
  );
}
