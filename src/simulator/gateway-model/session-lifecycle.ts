/**
 * Sign-in and the ways a session ends (sign-out, kicked by a forced sign-in, forced out by an
 * inspector, idle timeout, GUID invalidation, gateway restart), with their effects on the
 * center and the events they queue.
 */
import { CCGW_STATUS, EVENT_TYPE } from '../../shared/gateway-protocol/gateway-status-codes';
import type { CenterAgent } from '../center/center-types';
import type { GatewayState } from './gateway-state';
import { endInspection } from './inspection-cleanup';
import type { GatewaySession, SessionEndReason } from './session-registry';

export interface SignInRequest {
  phoneNumber: string;
  /** CC-Gateway status after sign-in: busy, idle or wrap-up. */
  status: string;
  autoEnterIdle: boolean;
}

/** Start a session for an agent (any previous one must have been ended) and queue the sign-in events. */
export function startSession(
  state: GatewayState,
  agent: CenterAgent,
  request: SignInRequest,
): GatewaySession {
  const { center, dispatcher } = state;
  // A fresh sign-in starts clean: an inspection left over from a forgotten session ends.
  if (agent.qc) endInspection(state, agent, 'none', 3);
  const session = state.sessions.create(agent, center.now());
  agent.phoneNumber = request.phoneNumber;
  center.takeOver(agent, request.status, request.autoEnterIdle);
  dispatcher.sendToSession(session, EVENT_TYPE.inService, null);
  dispatcher.sendToSession(session, EVENT_TYPE.ready, null);
  if (request.status === CCGW_STATUS.busy)
    dispatcher.sendToSession(session, EVENT_TYPE.setNotReadySuccess, { reason: 1 });
  if (request.status === CCGW_STATUS.wrapUp)
    dispatcher.sendToSession(session, EVENT_TYPE.work, null);
  return session;
}

/**
 * End a session: every sign-out (own logout / forcelogout, kicked by a forced sign-in, forced
 * out by an inspector) queues AgentOther_ShutdownService (cec_07_1402: it is the normal
 * "signed out" event, not only a kick; a session may still poll it); the agent is signed out
 * and inspections end.
 */
export function endSession(
  state: GatewayState,
  session: GatewaySession,
  reason: SessionEndReason,
): void {
  if (session.ended) return;
  // A timed-out or invalidated session is gone without a sign-out: its next call gets 100-006.
  if (reason !== 'timeout' && reason !== 'invalidated')
    state.dispatcher.sendToSession(session, EVENT_TYPE.shutdownService, {
      loginTime: String(session.loginTime),
    });
  state.monitors.removeSession(session);
  state.sessions.end(session, reason);
  state.center.handBack(session.agent, 'session');
}

/** Sign out sessions that stopped polling, and drop ended ones nobody drains. */
export function sweepSessions(state: GatewayState): void {
  const now = state.center.now();
  for (const session of state.sessions.findTimedOut(now)) endSession(state, session, 'timeout');
  state.sessions.dropAbandoned(now);
}

/** Every live GUID becomes stale (000-003) and its session ends, as after a gateway-side loss. */
export function invalidateAllGuids(state: GatewayState): void {
  for (const session of state.sessions.liveSessions()) endSession(state, session, 'invalidated');
}

/** Gateway restart: every session and GUID is forgotten; agents keep their state in the model. */
export function restartGateway(state: GatewayState): void {
  state.sessions.forgetAll();
  state.monitors.clear();
}
