/**
 * The ConnectionState the screen shows, built from the session controller's state. Pure.
 */
import type { ConnectionState } from '../../../shared/domain';
import type { Reason } from './session-policy';
import type { SessionTarget } from './session-types';

export type SessionPhase = 'signed-out' | 'signing-in' | 'live' | 'recovering' | 'failed';

export interface ConnectionFacts {
  phase: SessionPhase;
  target: Pick<SessionTarget, 'gatewayUrl' | 'inspectorId' | 'demo'> | null;
  recovery: { reason: Reason; attempt: number } | null;
  nextAttemptAt: number | null;
  lastDataAt: number | null;
  failure: Reason | null;
}

/** The connection state for the screen (never holds a password or GUID). */
export function describeConnection(facts: ConnectionFacts): ConnectionState {
  const { target, recovery, failure } = facts;
  switch (facts.phase) {
    case 'signed-out':
      return { phase: 'signed-out' };
    case 'signing-in':
      return { phase: 'signing-in', gatewayUrl: target?.gatewayUrl ?? '' };
    case 'live':
      return {
        phase: 'live',
        gatewayUrl: target?.gatewayUrl ?? '',
        inspectorId: target?.inspectorId ?? '',
        demo: target?.demo ?? false,
        lastDataAt: facts.lastDataAt,
      };
    case 'recovering':
      return {
        phase: 'reconnecting',
        reason: recovery?.reason.reason ?? '',
        reasonZh: recovery?.reason.reasonZh ?? '',
        retcode: recovery?.reason.retcode ?? null,
        attempt: recovery?.attempt ?? 0,
        nextAttemptAt: facts.nextAttemptAt,
        lastDataAt: facts.lastDataAt,
      };
    case 'failed':
      return {
        phase: 'failed',
        reason: failure?.reason ?? '',
        reasonZh: failure?.reasonZh ?? '',
        retcode: failure?.retcode ?? null,
      };
  }
}
