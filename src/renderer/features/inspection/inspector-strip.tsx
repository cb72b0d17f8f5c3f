/**
 * The strip across the top: who I am, what I am doing right now (mode, target, running timer),
 * the connection, and the doors to the journal, settings and sign-out.
 */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatElapsed } from '../../i18n/format';
import { useNow } from '../../store/clock';
import { useAppState } from '../../store/store-context';
import { Icon, type IconName } from '../../ui/icons';
import type { InspectorMode } from '../../../shared/domain';
import { ConnectionIndicator } from './connection-indicator';

const MODE_ICON: Record<InspectorMode, IconName> = {
  idle: 'idle',
  listening: 'headset',
  inserting: 'mic',
  whispering: 'whisper',
  talking: 'talking',
};

function InspectionStatus() {
  const { t } = useTranslation();
  const inspection = useAppState((state) => state.inspection);
  const target = useAppState((state) =>
    state.inspection.targetWorkNo
      ? state.roster.rows.get(state.inspection.targetWorkNo)
      : undefined,
  );
  const now = useNow();
  const targetText = inspection.targetWorkNo
    ? [inspection.targetWorkNo, target?.name].filter(Boolean).join(' ')
    : null;
  return (
    <div className={`inspection-status mode-${inspection.mode}`} data-testid="inspection-status">
      <span className="mode-badge">
        <Icon name={MODE_ICON[inspection.mode]} />
        <span>{t(`inspectorMode.${inspection.mode}`)}</span>
      </span>
      {targetText && inspection.mode !== 'idle' ? (
        <span className="inspection-target">{targetText}</span>
      ) : null}
      {inspection.mode === 'talking' && !targetText && inspection.callId ? (
        <span className="inspection-target">{t('strip.call', { callId: inspection.callId })}</span>
      ) : null}
      {inspection.since !== null && inspection.mode !== 'idle' ? (
        <span className="inspection-timer" aria-label={t('strip.timerLabel')}>
          {formatElapsed(inspection.since, now)}
        </span>
      ) : null}
      {inspection.pending ? (
        <span className="inspection-pending">
          {t('strip.pending', { action: t(`actions.${inspection.pending}`) })}
        </span>
      ) : null}
    </div>
  );
}

export interface InspectorStripProps {
  /** More of "what I am doing" (following an agent), beside the inspection. */
  status?: ReactNode;
  onOpenJournal: () => void;
  onOpenSettings: () => void;
  onSignOut: () => void;
}

/**
 * While plain HTTP is allowed (lab gateways), a warning that does not go away: the password
 * crosses the network unencrypted, and whoever looks at the screen should know.
 */
function InsecureHttpWarning() {
  const { t } = useTranslation();
  const allowed = useAppState((state) => state.settings.gateway.allowInsecureHttp);
  if (!allowed) return null;
  return (
    <p className="strip-warning tone-bad" role="status" data-testid="insecure-http-warning">
      <Icon name="alert" />
      <span>{t('strip.insecureHttp')}</span>
    </p>
  );
}

/** Header of the main screen. */
export function InspectorStrip(props: InspectorStripProps) {
  const { t } = useTranslation();
  const inspectorId = useAppState((state) =>
    state.connection.phase === 'live'
      ? state.connection.inspectorId
      : state.settings.gateway.inspectorId,
  );
  return (
    <header className="strip">
      <div className="brand">
        <span className="brand-mark" aria-hidden="true" />
        <h1 className="brand-name">{t('app.name')}</h1>
      </div>
      <div className="strip-me">
        <span className="muted">{t('strip.inspector', { id: inspectorId })}</span>
        <InspectionStatus />
        {props.status}
      </div>
      <ConnectionIndicator />
      <InsecureHttpWarning />
      <nav className="strip-tools" aria-label={t('strip.tools')}>
        <button type="button" className="button button-quiet" onClick={props.onOpenJournal}>
          <Icon name="journal" />
          <span>{t('strip.journal')}</span>
        </button>
        <button type="button" className="button button-quiet" onClick={props.onOpenSettings}>
          <Icon name="settings" />
          <span>{t('strip.settings')}</span>
        </button>
        <button type="button" className="button button-quiet" onClick={props.onSignOut}>
          <Icon name="signOut" />
          <span>{t('strip.signOut')}</span>
        </button>
      </nav>
    </header>
  );
}
