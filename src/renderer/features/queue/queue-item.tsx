/**
 * One skill queue: waiting count and longest wait; expanded, its waiting calls with
 * "Take this call".
 */
import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { SkillQueueView, WaitingCallView } from '../../../shared/domain';
import { formatElapsed } from '../../i18n/format';
import { useNow } from '../../store/clock';
import { ActionButton } from '../../ui/action-button';
import { Icon } from '../../ui/icons';

export interface QueueItemProps {
  queue: SkillQueueView;
  expanded: boolean;
  alerted: boolean;
  onToggle: (skillId: number) => void;
  /** Why calls cannot be taken now; null when they can. */
  takeBlockedReason: string | null;
  takingCallId: string | null;
  onTake: (call: WaitingCallView) => void;
  /** The queue's recent history (a sparkline), when shown. */
  trend?: ReactNode;
}

function sortCalls(calls: readonly WaitingCallView[]): WaitingCallView[] {
  return [...calls].sort(
    (a, b) =>
      (b.priority ?? 0) - (a.priority ?? 0) ||
      (a.enqueuedAt ?? Infinity) - (b.enqueuedAt ?? Infinity),
  );
}

/** A queue row with its expandable list of waiting calls. */
export function QueueItem(props: QueueItemProps) {
  const { t } = useTranslation();
  const now = useNow();
  const callsId = useId();
  const { queue } = props;
  const name = queue.name || t('queues.skill', { id: queue.skillId });
  return (
    <li className={props.alerted ? 'queue-item is-alert' : 'queue-item'}>
      <button
        type="button"
        className="queue-head"
        aria-expanded={props.expanded}
        aria-controls={props.expanded ? callsId : undefined}
        onClick={() => props.onToggle(queue.skillId)}
      >
        <Icon name="chevron" className={props.expanded ? 'chevron is-open' : 'chevron'} />
        <span className="queue-name" title={name}>
          {name}
        </span>
        {props.trend ?? null}
        <span className={queue.waitingCount > 0 ? 'queue-count has-waiting' : 'queue-count'}>
          {queue.callsHidden ? '—' : t('queues.waiting', { count: queue.waitingCount })}
        </span>
        <span className="queue-wait" title={t('queues.longestWait')}>
          {props.alerted ? <Icon name="alert" /> : null}
          {queue.waitingCount > 0 ? formatElapsed(queue.longestWaitSince, now) : '—'}
        </span>
      </button>
      {props.expanded ? (
        <div id={callsId} className="queue-calls">
          {queue.callsHidden ? (
            <p className="muted">{t('queues.callsHiddenWhileIdle')}</p>
          ) : queue.calls === null ? (
            <p className="muted">{t('queues.loadingCalls')}</p>
          ) : queue.calls.length === 0 ? (
            <p className="muted">{t('queues.noCalls')}</p>
          ) : (
            <ul className="call-list" aria-label={t('queues.callsCaption', { queue: queue.name })}>
              {sortCalls(queue.calls).map((call) => {
                const caller = call.caller || t('agents.callerUnknown');
                return (
                  <li key={call.callId} className="call-item">
                    <span className="call-who">
                      <span className="call-number">{caller}</span>
                      <span className="call-meta">
                        {t('queues.waitedFor', { time: formatElapsed(call.enqueuedAt, now) })}
                        {call.priority !== null
                          ? ` · ${t('queues.priorityIs', { priority: call.priority })}`
                          : ''}
                      </span>
                    </span>
                    <ActionButton
                      label={t('queues.take')}
                      accessibleLabel={t('queues.takeFrom', { caller })}
                      icon="talking"
                      tone="primary"
                      disabledReason={props.takeBlockedReason}
                      busy={props.takingCallId === call.callId}
                      onPress={() => props.onTake(call)}
                    />
                  </li>
                );
              })}
            </ul>
          )}
        </div>
      ) : null}
    </li>
  );
}
