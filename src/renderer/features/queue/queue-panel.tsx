/**
 * Skill queues beside the agent table: how many callers wait and for how long; expand a queue
 * to see its calls and take one. Collapsible to a narrow rail so the table gets the room.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WaitingCallView } from '../../../shared/domain';
import { useAppState, useBridge, useStore } from '../../store/store-context';
import { Icon } from '../../ui/icons';
import { checkAction } from '../inspection/action-rules';
import { reportCommandError } from '../inspection/run-action';
import { QueueItem } from './queue-item';
import { QueueSparkline, useQueueSparklines } from '../insight/queue-sparkline';

/** The queue panel (or its collapsed rail). */
export function QueuePanel(props: { collapsed: boolean; onToggleCollapsed: () => void }) {
  const { t } = useTranslation();
  const bridge = useBridge();
  const store = useStore();
  const queues = useAppState((state) => state.queues);
  const alerts = useAppState((state) => state.alerts);
  const connection = useAppState((state) => state.connection);
  const inspection = useAppState((state) => state.inspection);
  const [expanded, setExpanded] = useState<readonly number[]>([]);
  const [takingCallId, setTakingCallId] = useState<string | null>(null);
  const taking = useRef(false);

  const sorted = useMemo(
    () =>
      [...queues].sort(
        (a, b) =>
          b.waitingCount - a.waitingCount ||
          (a.longestWaitSince ?? Infinity) - (b.longestWaitSince ?? Infinity),
      ),
    [queues],
  );
  const alertedSkills = useMemo(
    () =>
      new Set(
        alerts.filter((alert) => alert.kind === 'long-queue-wait').map((alert) => alert.target),
      ),
    [alerts],
  );
  const totalWaiting = queues.reduce((sum, queue) => sum + queue.waitingCount, 0);
  useQueueSparklines(props.collapsed ? [] : queues.map((queue) => queue.skillId));

  // Main fetches waiting calls only for the queues someone looks at.
  const watched = props.collapsed ? '' : expanded.join(',');
  useEffect(() => {
    const skillIds = watched === '' ? [] : watched.split(',').map(Number);
    void bridge.invoke('queues.watch', { skillIds }).then((result) => {
      if (!result.ok) reportCommandError(store, result.error);
    });
  }, [bridge, store, watched]);

  const availability = checkAction('request-call', { connection, inspection, agent: null });
  const takeBlockedReason = availability.allowed
    ? takingCallId
      ? t('reasons.pending', { action: t('actions.request-call') })
      : null
    : t(`reasons.${availability.reason.key}`);

  async function take(call: WaitingCallView): Promise<void> {
    if (taking.current) return;
    taking.current = true;
    setTakingCallId(call.callId);
    const result = await bridge.invoke('queues.requestCall', {
      callId: call.callId,
      skillId: call.skillId,
    });
    taking.current = false;
    setTakingCallId(null);
    if (result.ok) store.applyInspection(result.value);
    else reportCommandError(store, result.error);
  }

  function toggle(skillId: number): void {
    setExpanded((current) =>
      current.includes(skillId) ? current.filter((id) => id !== skillId) : [...current, skillId],
    );
  }

  if (props.collapsed) {
    return (
      <aside className="queue-panel is-collapsed" aria-label={t('queues.label')}>
        <button
          type="button"
          className="queue-rail"
          onClick={props.onToggleCollapsed}
          aria-expanded={false}
          title={t('queues.expand')}
        >
          <Icon name="queue" />
          <span className="queue-rail-count">{totalWaiting}</span>
          <span className="visually-hidden">{t('queues.expand')}</span>
        </button>
      </aside>
    );
  }

  return (
    <aside className="queue-panel" aria-labelledby="queue-panel-title">
      <div className="panel-head">
        <h2 id="queue-panel-title">
          {t('queues.title')}{' '}
          <span className="panel-count">{t('queues.totalWaiting', { count: totalWaiting })}</span>
        </h2>
        <button
          type="button"
          className="icon-button"
          onClick={props.onToggleCollapsed}
          aria-expanded={true}
          aria-label={t('queues.collapse')}
        >
          <Icon name="chevron" />
        </button>
      </div>
      {sorted.length === 0 ? (
        <p className="empty-state muted">{t('queues.empty')}</p>
      ) : (
        <ul className="queue-list">
          {sorted.map((queue) => (
            <QueueItem
              key={queue.skillId}
              queue={queue}
              expanded={expanded.includes(queue.skillId)}
              alerted={alertedSkills.has(String(queue.skillId))}
              onToggle={toggle}
              takeBlockedReason={takeBlockedReason}
              takingCallId={takingCallId}
              onTake={(call) => void take(call)}
              trend={<QueueSparkline skillId={queue.skillId} />}
            />
          ))}
        </ul>
      )}
    </aside>
  );
}
