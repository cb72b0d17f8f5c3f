/**
 * The connection in the strip (a pill) and, when something is wrong, a banner across the
 * screen that says what is happening and how old the data on screen is.
 */
import { useTranslation } from 'react-i18next';
import { useNow } from '../../store/clock';
import { useAppState } from '../../store/store-context';
import { Icon, type IconName } from '../../ui/icons';
import { describeConnection, type ConnectionStatus } from './connection-status';

const ICON: Record<ConnectionStatus['key'], IconName> = {
  live: 'idle',
  stale: 'clock',
  reconnecting: 'reconnect',
  failed: 'alert',
  signedOut: 'signed-out',
  signingIn: 'reconnect',
};

function useConnectionStatus(): ConnectionStatus {
  const connection = useAppState((state) => state.connection);
  const now = useNow();
  return describeConnection(connection, now);
}

/** The reason in the UI language, with the retcode when the gateway gave one. */
function useReasonText(status: ConnectionStatus): string | null {
  const { t, i18n } = useTranslation();
  if (!status.reason) return null;
  const reason = i18n.language.startsWith('zh') ? status.reason.zh : status.reason.en;
  return status.retcode ? `${reason} (${t('common.retcode', { code: status.retcode })})` : reason;
}

/** Live / stale / reconnecting pill with the age of the data. */
export function ConnectionIndicator() {
  const { t } = useTranslation();
  const status = useConnectionStatus();
  const age =
    status.dataAgeSeconds === null
      ? null
      : t('connection.dataAge', { seconds: status.dataAgeSeconds });
  return (
    <div className={`connection-pill tone-${status.tone}`} data-testid="connection-pill">
      <Icon name={ICON[status.key]} />
      <span className="connection-word">{t(`connection.${status.key}`)}</span>
      {status.demo ? <span className="demo-tag">{t('connection.demo')}</span> : null}
      {age ? <span className="connection-age">{age}</span> : null}
    </div>
  );
}

/** A banner under the strip while reconnecting, stale or failed; nothing while healthy. */
export function ConnectionBanner() {
  const { t } = useTranslation();
  const status = useConnectionStatus();
  const reason = useReasonText(status);
  if (status.key !== 'reconnecting' && status.key !== 'stale' && status.key !== 'failed')
    return null;
  const parts: string[] = [t(`connection.banner.${status.key}`)];
  if (reason) parts.push(reason);
  if (status.attempt !== null) parts.push(t('connection.attempt', { attempt: status.attempt }));
  if (status.nextAttemptSeconds !== null)
    parts.push(t('connection.nextAttempt', { seconds: status.nextAttemptSeconds }));
  if (status.dataAgeSeconds !== null)
    parts.push(t('connection.dataShown', { seconds: status.dataAgeSeconds }));
  return (
    <div className={`connection-banner tone-${status.tone}`} data-testid="connection-banner">
      <Icon name={ICON[status.key]} />
      <span>{parts.join(' · ')}</span>
    </div>
  );
}
