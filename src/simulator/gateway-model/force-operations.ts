/**
 * An inspector forcing another agent busy, idle or signed out (§5.9). The target's events are
 * not documented; decisions (docs/decisions/simulator.md): forcebusy → AgentState_Force_SetNotReady
 * + AgentState_SetNotReady_Success{reason:3} (during a call: busy once the call ends);
 * forceidle → AgentState_Force_Ready + AgentState_Ready; forcelogout → AgentOther_ShutdownService.
 */
import {
  BUSY_REASON,
  CCGW_STATUS,
  EVENT_TYPE,
} from '../../shared/gateway-protocol/gateway-status-codes';
import { RETCODE_SUCCESS } from '../../shared/gateway-protocol/gateway-retcodes';
import type { CenterAgent } from '../center/center-types';
import type { GatewayState } from './gateway-state';
import { checkQcTarget } from './quality-control';
import { endSession } from './session-lifecycle';

/** Force the target busy (now, or after its current call). */
export function forceBusy(
  state: GatewayState,
  inspector: CenterAgent,
  targetWorkNo: string,
): string {
  const checked = checkQcTarget(state, inspector, targetWorkNo);
  if (!checked.ok) return checked.retcode;
  const { target } = checked;
  const { center, dispatcher } = state;
  if (target.qc) return '900-005';
  if (target.status === CCGW_STATUS.busy) return RETCODE_SUCCESS;
  dispatcher.sendToAgent(target.workNo, EVENT_TYPE.forceSetNotReady, null);
  if (target.status === CCGW_STATUS.talking) {
    target.pendingBusy = true;
    return RETCODE_SUCCESS;
  }
  center.setStatus(target, CCGW_STATUS.busy, 'quality-control');
  dispatcher.sendToAgent(target.workNo, EVENT_TYPE.setNotReadySuccess, {
    reason: BUSY_REASON.forcedByInspector,
  });
  return RETCODE_SUCCESS;
}

/** Force the target idle; refused during a call or while the target inspects someone. */
export function forceIdle(
  state: GatewayState,
  inspector: CenterAgent,
  targetWorkNo: string,
): string {
  const checked = checkQcTarget(state, inspector, targetWorkNo);
  if (!checked.ok) return checked.retcode;
  const { target } = checked;
  if (target.status === CCGW_STATUS.talking || target.qc) return '900-005';
  target.pendingBusy = false;
  if (target.status === CCGW_STATUS.idle) return RETCODE_SUCCESS;
  state.dispatcher.sendToAgent(target.workNo, EVENT_TYPE.forceReady, null);
  state.dispatcher.sendToAgent(target.workNo, EVENT_TYPE.ready, null);
  state.center.setStatus(target, CCGW_STATUS.idle, 'quality-control');
  return RETCODE_SUCCESS;
}

/** Sign the target out (its call, if any, is released). */
export function forceAgentSignOut(
  state: GatewayState,
  inspector: CenterAgent,
  targetWorkNo: string,
): string {
  const checked = checkQcTarget(state, inspector, targetWorkNo);
  if (!checked.ok) return checked.retcode;
  const { target } = checked;
  const session = state.sessions.findLive(target.workNo);
  if (session) endSession(state, session, 'forced');
  else state.center.handBack(target, 'quality-control');
  return RETCODE_SUCCESS;
}
