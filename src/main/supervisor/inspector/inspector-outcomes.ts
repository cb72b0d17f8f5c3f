/**
 * How gateway results and the inspector's own events and status move its state (pure). Event
 * ordering (one FIFO queue per session) replaces clock comparisons: a Ready/PhoneRelease only
 * ends a leg once a leg event of that leg was seen.
 */
import { EVENT_TYPE } from '../../../shared/gateway-protocol/gateway-status-codes';
import { modeAfterAction } from '../../../shared/inspection-vocabulary';
import { inspectionModeOfOwnState } from './inspector-modes';
import type { InspectorState, PendingInspection } from './inspector-state';

const LEG_EVENTS: ReadonlySet<string> = new Set([
  EVENT_TYPE.busy,
  EVENT_TYPE.phoneAlerting,
  EVENT_TYPE.phoneOffhook,
  EVENT_TYPE.talking,
]);
const OWN_STATUS_IDLE: ReadonlySet<number> = new Set([1, 2, 3]);
const OWN_STATUS_ON_CALL: ReadonlySet<number> = new Set([9, 10, 11, 12]);

/** The state after the pending request succeeded. */
export function applySuccess(
  state: InspectorState,
  pending: PendingInspection,
  now: number,
): InspectorState {
  // A switch is only granted from listening or barge-in, so its mode is known; `inserting`
  // stands for any other origin as it always has.
  const mode = modeAfterAction(pending.action, pending.fromMode) ?? 'inserting';
  const base = {
    ...state,
    mode,
    pending: null,
    since: now,
    lastTargetWorkNo: pending.workNo ?? state.lastTargetWorkNo,
  };
  switch (pending.action) {
    case 'listen':
    case 'barge':
    case 'whisper':
      return { ...base, targetWorkNo: pending.workNo, callId: null, legSeen: pending.legSeen };
    case 'switch':
    case 'switch-to-listen':
    case 'switch-to-barge':
    case 'switch-to-whisper':
    case 'intercept':
      return { ...base, legSeen: true };
    case 'cancel':
      return { ...base, targetWorkNo: null, callId: null, legSeen: false };
    case 'request-call':
      return { ...base, targetWorkNo: null, callId: pending.callId, legSeen: pending.legSeen };
  }
}

function toIdle(state: InspectorState, now: number): InspectorState {
  return { ...state, mode: 'idle', targetWorkNo: null, callId: null, since: now, legSeen: false };
}

/** Follow one of the inspector's own events (leg events, releases, ready). */
export function applyOwnEvent(
  state: InspectorState,
  eventType: string,
  content: unknown,
  now: number,
): InspectorState {
  if (LEG_EVENTS.has(eventType)) {
    if (state.pending) return { ...state, pending: { ...state.pending, legSeen: true } };
    if (eventType === EVENT_TYPE.talking && state.mode === 'idle') {
      // A call reached the inspector's own phone (e.g. routed to the inspector as an agent).
      return {
        ...state,
        mode: 'talking',
        targetWorkNo: null,
        callId: readCallId(content),
        since: now,
        legSeen: true,
      };
    }
    if (eventType === EVENT_TYPE.talking && state.mode === 'talking' && state.callId === null) {
      return { ...state, callId: readCallId(content), legSeen: true };
    }
    return state.mode === 'idle' ? state : { ...state, legSeen: true };
  }
  // While a request is pending its result settles the mode; a stray release must not.
  if (state.pending || state.mode === 'idle' || !state.legSeen) return state;
  if (eventType === EVENT_TYPE.phoneRelease || eventType === EVENT_TYPE.ready)
    return toIdle(state, now);
  if (
    state.mode === 'talking' &&
    (eventType === EVENT_TYPE.callRelease || eventType === EVENT_TYPE.work)
  )
    return toIdle(state, now);
  return state;
}

/** Correct the mode from the inspector's own status as the gateway reports it. */
export function applyOwnStatus(
  state: InspectorState,
  agentState: number | null,
  now: number,
): InspectorState {
  if (agentState === null || state.pending) return state;
  const inspecting = inspectionModeOfOwnState(agentState);
  if (inspecting !== null) {
    if (state.mode === inspecting) return state;
    return { ...state, mode: inspecting, since: now, legSeen: true };
  }
  if (OWN_STATUS_IDLE.has(agentState)) return state.mode === 'idle' ? state : toIdle(state, now);
  if (OWN_STATUS_ON_CALL.has(agentState) && state.mode === 'idle') {
    return {
      ...state,
      mode: 'talking',
      targetWorkNo: null,
      callId: null,
      since: now,
      legSeen: true,
    };
  }
  // Busy (4) is what the gateway reports during an inspection too: nothing to correct.
  return state;
}

function readCallId(content: unknown): string | null {
  if (typeof content === 'string') return content === '' ? null : content;
  if (typeof content !== 'object' || content === null) return null;
  const record = content as Record<string, unknown>;
  const value = record.callid ?? record.callId;
  return typeof value === 'string' && value !== '' ? value : null;
}
