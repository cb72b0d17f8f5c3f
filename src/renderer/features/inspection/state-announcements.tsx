/**
 * Speaks the changes a supervisor must not miss, through the rate-limited announcer: the own
 * inspection (mode and target), the connection, and newly raised alerts. Renders nothing.
 */
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useNow } from '../../store/clock';
import { useAppState } from '../../store/store-context';
import { useAnnouncer } from '../../ui/announcer-context';
import { describeAlert } from '../agents/describe-alert';
import { describeConnection } from './connection-status';

const MAX_NAMED_ALERTS = 3;

/** Announce inspection, connection and alert changes (mount once on the main screen). */
export function StateAnnouncements() {
  const { t, i18n } = useTranslation();
  const announcer = useAnnouncer();
  const inspection = useAppState((state) => state.inspection);
  const connection = useAppState((state) => state.connection);
  const alerts = useAppState((state) => state.alerts);
  const thresholds = useAppState((state) => state.settings.alerts);
  const rows = useAppState((state) => state.roster.rows);
  const now = useNow();
  const connectionKey = describeConnection(connection, now).key;

  const lastInspection = useRef(`${inspection.mode}:${inspection.targetWorkNo ?? ''}`);
  useEffect(() => {
    const key = `${inspection.mode}:${inspection.targetWorkNo ?? ''}`;
    if (key === lastInspection.current) return;
    lastInspection.current = key;
    const name = inspection.targetWorkNo ? (rows.get(inspection.targetWorkNo)?.name ?? '') : '';
    announcer.announce(
      t(`announce.mode.${inspection.mode}`, {
        agent: `${inspection.targetWorkNo ?? ''} ${name}`.trim(),
      }),
    );
  }, [inspection, rows, announcer, t]);

  const lastConnection = useRef(connectionKey);
  useEffect(() => {
    if (connectionKey === lastConnection.current) return;
    lastConnection.current = connectionKey;
    const reason =
      connection.phase === 'reconnecting' || connection.phase === 'failed'
        ? i18n.language.startsWith('zh')
          ? connection.reasonZh
          : connection.reason
        : '';
    announcer.announce(`${t(`connection.${connectionKey}`)}${reason ? `: ${reason}` : ''}`);
  }, [connectionKey, connection, announcer, t, i18n.language]);

  const knownAlerts = useRef<Set<string> | null>(null);
  useEffect(() => {
    const ids = new Set(alerts.map((alert) => alert.id));
    // The alerts present when the screen opens are visible in the table; announce only new ones.
    if (knownAlerts.current !== null) {
      const known = knownAlerts.current;
      const raised = alerts.filter((alert) => !known.has(alert.id));
      // A burst (a shift starting, a queue backing up) is one sentence, not a stream of them.
      if (raised.length > MAX_NAMED_ALERTS)
        announcer.announce(t('announce.alertBurst', { count: raised.length }));
      for (const alert of raised.length > MAX_NAMED_ALERTS ? [] : raised) {
        const subject =
          alert.kind === 'long-queue-wait'
            ? t('announce.queue', { skill: alert.target })
            : t('announce.agent', {
                agent: `${alert.target} ${rows.get(alert.target)?.name ?? ''}`.trim(),
              });
        announcer.announce(
          t('announce.alert', {
            subject,
            what: describeAlert(alert.kind, thresholds, t, alert.thresholdSeconds),
          }),
        );
      }
    }
    knownAlerts.current = ids;
  }, [alerts, rows, thresholds, announcer, t]);

  return null;
}
