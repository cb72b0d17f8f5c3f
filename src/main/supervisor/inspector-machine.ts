/**
 * The inspector's own state machine as a pure transition function: `(state, input) => { state,
 * effect | refusal }`. Requests are guarded here, before the network; gateway results and the
 * inspector's own events move it too. Event ordering (one FIFO queue per session) replaces clock
 * comparisons: a Ready/PhoneRelease only ends a leg once a leg event of that leg was seen.
 */
import type {
  AgentState,
  InspectionView,
  InspectorMode,
  QcMode,
  SupervisorAction,
} from '../../shared/domain';
import { EVENT_TYPE } from '../../shared/gateway-status-codes';
import {
  refuseAlreadyInMode,
  refuseBusyInspector,
  refuseMissingCall,
  refuseNeedsInspection,
  refuseNoTarget,
  refuseNotSignedIn,
  refuseNothingToCancel,
  refuseOnOwnCall,
  refusePending,
  refuseSelf,
  refuseSwitchWhenIdle,
  refuseSwitchWhileWhispering,
  refuseTargetSignedOut,
  type Refusal,
} from './inspector-refusals';
import {
  inspectionModeOfOwnState,
  isInspecting,
  MODE_AFTER_START,
  type StartAction,
} from './inspector-modes';

/** The supervisor actions that move the inspector's own state (the force-* actions do not). */
export type InspectionAction = Exclude<SupervisorAction, `force-${string}`>;

export interface PendingInspection {
  action: InspectionAction;
  workNo: string | null;
  callId: string | null;
  skillId: number | null;
  startedAt: number;
  /** Mode when the request was sent (a switch toggles from it). */
  fromMode: InspectorMode;
  /** A leg event (Busy, alerting, off-hook, talking) arrived while the request was pending. */
  legSeen: boolean;
}

export interface InspectorState {
  mode: InspectorMode;
  targetWorkNo: string | null;
  callId: string | null;
  /** When the current mode started (ms). */
  since: number | null;
  /** A leg event of the current leg was seen, so a later Ready/PhoneRelease ends it. */
  legSeen: boolean;
  pending: PendingInspection | null;
  lastTargetWorkNo: string | null;
}

export const INITIAL_INSPECTOR_STATE: InspectorState = Object.freeze({
  mode: 'idle',
  targetWorkNo: null,
  callId: null,
  since: null,
  legSeen: false,
  pending: null,
  lastTargetWorkNo: null,
});

/** What the guard needs to know about the world outside the machine. */
export interface GuardContext {
  signedIn: boolean;
  inspectorId: string | null;
  /** Roster state of the agent the request names, when known. */
  targetState: AgentState | null;
}

export type InspectorInput =
  | {
      kind: 'request';
      action: InspectionAction;
      workNo?: string | null;
      callId?: string | null;
      skillId?: number | null;
      now: number;
      context: GuardContext;
    }
  | { kind: 'succeeded'; now: number }
  | { kind: 'failed'; now: number }
  | { kind: 'own-event'; eventType: string; content: unknown; now: number }
  | { kind: 'own-status'; agentState: number | null; now: number }
  | { kind: 'session-reset' };

/** The gateway call a granted request needs. */
export type GatewayEffect =
  | {
      call: 'listen' | 'insert' | 'whisper' | 'switchListenInsert' | 'cancel' | 'stopWhisper';
      workNo: string;
    }
  | { call: 'switchMode'; workNo: string; to: QcMode }
  | { call: 'intercept'; workNo: string }
  | { call: 'requestCall'; callId: string; skillId: number };

export interface Transition {
  state: InspectorState;
  effect: GatewayEffect | null;
  refusal: Refusal | null;
  /** The same request is already in flight: wait for it instead of sending another. */
  join: boolean;
}

const SWITCH_TARGETS = {
  'switch-to-listen': { qc: 'listen', mode: 'listening' },
  'switch-to-barge': { qc: 'insert', mode: 'inserting' },
  'switch-to-whisper': { qc: 'whisper', mode: 'whispering' },
} as const satisfies Record<string, { qc: QcMode; mode: InspectorMode }>;
const START_CALLS = {
  listen: 'listen',
  barge: 'insert',
  whisper: 'whisper',
} as const satisfies Record<StartAction, string>;
const LEG_EVENTS: ReadonlySet<string> = new Set([
  EVENT_TYPE.busy,
  EVENT_TYPE.phoneAlerting,
  EVENT_TYPE.phoneOffhook,
  EVENT_TYPE.talking,
]);
const OWN_STATUS_IDLE: ReadonlySet<number> = new Set([1, 2, 3]);
const OWN_STATUS_ON_CALL: ReadonlySet<number> = new Set([9, 10, 11, 12]);

/** Apply one input to the inspector state. Pure: same input, same output. */
export function transitionInspector(state: InspectorState, input: InspectorInput): Transition {
  switch (input.kind) {
    case 'request':
      return requestAction(state, input);
    case 'succeeded':
      return settle(state.pending ? succeed(state, state.pending, input.now) : state);
    case 'failed':
      return settle(state.pending ? { ...state, pending: null } : state);
    case 'own-event':
      return settle(applyOwnEvent(state, input.eventType, input.content, input.now));
    case 'own-status':
      return settle(applyOwnStatus(state, input.agentState, input.now));
    case 'session-reset':
      return settle({ ...INITIAL_INSPECTOR_STATE, lastTargetWorkNo: state.lastTargetWorkNo });
  }
}

/** The view the screen and the tray get. */
export function viewInspection(state: InspectorState): InspectionView {
  return {
    mode: state.mode,
    targetWorkNo: state.targetWorkNo,
    callId: state.callId,
    since: state.mode === 'idle' ? null : state.since,
    pending: state.pending?.action ?? null,
    lastTargetWorkNo: state.lastTargetWorkNo,
  };
}

function settle(state: InspectorState): Transition {
  return { state, effect: null, refusal: null, join: false };
}

function refused(state: InspectorState, refusal: Refusal): Transition {
  return { state, effect: null, refusal, join: false };
}

type RequestInput = Extract<InspectorInput, { kind: 'request' }>;

function requestAction(state: InspectorState, input: RequestInput): Transition {
  if (!input.context.signedIn) return refused(state, refuseNotSignedIn());
  const pending = state.pending;
  if (pending) {
    if (isSameRequest(pending, input)) return { state, effect: null, refusal: null, join: true };
    return refused(state, refusePending(pending.action, pending.workNo ?? state.targetWorkNo));
  }
  const decision = decideRequest(state, input);
  if ('refusal' in decision) return refused(state, decision.refusal);
  const nextPending: PendingInspection = {
    action: input.action,
    workNo: decision.workNo,
    callId: input.callId ?? null,
    skillId: input.skillId ?? null,
    startedAt: input.now,
    fromMode: state.mode,
    legSeen: false,
  };
  return {
    state: { ...state, pending: nextPending },
    effect: decision.effect,
    refusal: null,
    join: false,
  };
}

function isSameRequest(pending: PendingInspection, input: RequestInput): boolean {
  if (pending.action !== input.action) return false;
  if (input.action === 'request-call')
    return pending.callId === (input.callId ?? null) && pending.skillId === (input.skillId ?? null);
  // Actions on the current inspection carry no agent: the same action is the same request.
  return input.workNo === undefined || input.workNo === null || pending.workNo === input.workNo;
}

type Decision = { effect: GatewayEffect; workNo: string | null } | { refusal: Refusal };

function decideRequest(state: InspectorState, input: RequestInput): Decision {
  const { action } = input;
  switch (action) {
    case 'listen':
    case 'barge':
    case 'whisper':
      return decideStart(state, input, START_CALLS[action]);
    case 'switch':
      return decideSwitch(state);
    case 'switch-to-listen':
    case 'switch-to-barge':
    case 'switch-to-whisper':
      return decideSwitchTo(state, action);
    case 'intercept':
      return decideIntercept(state);
    case 'cancel':
      return decideCancel(state);
    case 'request-call':
      return decideRequestCall(state, input);
  }
}

function decideStart(
  state: InspectorState,
  input: RequestInput,
  call: 'listen' | 'insert' | 'whisper',
): Decision {
  const workNo = input.workNo ?? null;
  if (workNo === null || workNo === '') return { refusal: refuseNoTarget() };
  if (state.mode !== 'idle')
    return { refusal: refuseBusyInspector(state.mode, state.targetWorkNo) };
  if (workNo === input.context.inspectorId) return { refusal: refuseSelf() };
  if (input.context.targetState === 'signed-out') return { refusal: refuseTargetSignedOut(workNo) };
  return { effect: { call, workNo }, workNo };
}

function decideSwitch(state: InspectorState): Decision {
  const target = state.targetWorkNo;
  if (state.mode === 'idle') return { refusal: refuseSwitchWhenIdle() };
  if (state.mode === 'talking') return { refusal: refuseOnOwnCall('switch') };
  if (state.mode === 'whispering') return { refusal: refuseSwitchWhileWhispering(target) };
  if (target === null) return { refusal: refuseNeedsInspection('switch') };
  return { effect: { call: 'switchListenInsert', workNo: target }, workNo: target };
}

function decideSwitchTo(state: InspectorState, action: keyof typeof SWITCH_TARGETS): Decision {
  const target = state.targetWorkNo;
  if (state.mode === 'talking') return { refusal: refuseOnOwnCall(action) };
  if (!isInspecting(state.mode) || target === null)
    return { refusal: refuseNeedsInspection(action) };
  const wanted = SWITCH_TARGETS[action];
  if (state.mode === wanted.mode) return { refusal: refuseAlreadyInMode(state.mode, target) };
  return { effect: { call: 'switchMode', workNo: target, to: wanted.qc }, workNo: target };
}

function decideIntercept(state: InspectorState): Decision {
  const target = state.targetWorkNo;
  if (state.mode === 'talking') return { refusal: refuseOnOwnCall('intercept') };
  if (!isInspecting(state.mode) || target === null)
    return { refusal: refuseNeedsInspection('intercept') };
  return { effect: { call: 'intercept', workNo: target }, workNo: target };
}

function decideCancel(state: InspectorState): Decision {
  const target = state.targetWorkNo;
  if (state.mode === 'idle') return { refusal: refuseNothingToCancel() };
  if (state.mode === 'talking') return { refusal: refuseOnOwnCall('cancel') };
  if (target === null) return { refusal: refuseNothingToCancel() };
  // Whisper is ended by its own interface (§5.5); DELETE ends listen and insert (§5.7).
  const call = state.mode === 'whispering' ? 'stopWhisper' : 'cancel';
  return { effect: { call, workNo: target }, workNo: target };
}

function decideRequestCall(state: InspectorState, input: RequestInput): Decision {
  const callId = input.callId ?? null;
  const skillId = input.skillId ?? null;
  if (callId === null || callId === '' || skillId === null) return { refusal: refuseMissingCall() };
  if (state.mode !== 'idle')
    return { refusal: refuseBusyInspector(state.mode, state.targetWorkNo) };
  return { effect: { call: 'requestCall', callId, skillId }, workNo: null };
}

function succeed(state: InspectorState, pending: PendingInspection, now: number): InspectorState {
  const base = {
    ...state,
    pending: null,
    since: now,
    lastTargetWorkNo: pending.workNo ?? state.lastTargetWorkNo,
  };
  switch (pending.action) {
    case 'listen':
    case 'barge':
    case 'whisper':
      return {
        ...base,
        mode: MODE_AFTER_START[pending.action],
        targetWorkNo: pending.workNo,
        callId: null,
        legSeen: pending.legSeen,
      };
    case 'switch':
      return {
        ...base,
        mode: pending.fromMode === 'inserting' ? 'listening' : 'inserting',
        legSeen: true,
      };
    case 'switch-to-listen':
    case 'switch-to-barge':
    case 'switch-to-whisper':
      return { ...base, mode: SWITCH_TARGETS[pending.action].mode, legSeen: true };
    case 'intercept':
      return { ...base, mode: 'talking', legSeen: true };
    case 'cancel':
      return { ...base, mode: 'idle', targetWorkNo: null, callId: null, legSeen: false };
    case 'request-call':
      return {
        ...base,
        mode: 'talking',
        targetWorkNo: null,
        callId: pending.callId,
        legSeen: pending.legSeen,
      };
  }
}

function toIdle(state: InspectorState, now: number): InspectorState {
  return { ...state, mode: 'idle', targetWorkNo: null, callId: null, since: now, legSeen: false };
}

function applyOwnEvent(
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

function applyOwnStatus(
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
