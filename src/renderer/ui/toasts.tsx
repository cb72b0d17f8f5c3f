/**
 * Toasts: notices from main, command failures and confirmations, each with the human message
 * in the UI language and the gateway retcode when there is one. Errors stay until dismissed;
 * the rest fade after a few seconds. New toasts are read out through the announcer.
 */
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Toast } from '../store/app-state';
import { useAppState, useStore } from '../store/store-context';
import { resolveText } from '../i18n/format';
import { useAnnouncer } from './announcer-context';
import { Icon, type IconName } from './icons';

const FADE_AFTER_MS = 6000;
const LEVEL_ICON: Record<Toast['level'], IconName> = {
  info: 'info',
  success: 'check',
  warning: 'alert',
  error: 'alert',
};

function ToastItem(props: { toast: Toast }) {
  const { t, i18n } = useTranslation();
  const store = useStore();
  const { toast } = props;
  useEffect(() => {
    if (toast.sticky) return;
    const timer = setTimeout(() => store.dismissToast(toast.id), FADE_AFTER_MS);
    return () => clearTimeout(timer);
  }, [store, toast.id, toast.sticky]);
  return (
    <li className={`toast toast-${toast.level}`} data-testid="toast">
      <Icon name={LEVEL_ICON[toast.level]} className="toast-icon" />
      <div className="toast-text">
        <span>{resolveText(toast.text, t, i18n.language)}</span>
        {toast.retcode ? (
          <span className="toast-code">{t('common.retcode', { code: toast.retcode })}</span>
        ) : null}
      </div>
      <button
        type="button"
        className="icon-button"
        onClick={() => store.dismissToast(toast.id)}
        aria-label={t('common.dismiss')}
      >
        <Icon name="cancel" />
      </button>
    </li>
  );
}

/** The toast stack in the bottom corner. */
export function Toasts() {
  const { t, i18n } = useTranslation();
  const toasts = useAppState((state) => state.toasts);
  const announcer = useAnnouncer();
  const announced = useRef(0);
  useEffect(() => {
    for (const toast of toasts) {
      if (toast.id <= announced.current) continue;
      announced.current = toast.id;
      const code = toast.retcode ? ` ${t('common.retcode', { code: toast.retcode })}` : '';
      announcer.announce(`${resolveText(toast.text, t, i18n.language)}${code}`);
    }
  }, [toasts, announcer, t, i18n.language]);
  if (toasts.length === 0) return null;
  return (
    <section className="toasts" aria-label={t('toasts.label')}>
      <ol>
        {toasts.map((toast) => (
          <ToastItem key={toast.id} toast={toast} />
        ))}
      </ol>
    </section>
  );
}
