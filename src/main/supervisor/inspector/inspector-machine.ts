/**
 * The inspector's own state machine as a pure transition function: `(state, input) => { state,
 * effect | refusal }`. Requests are guarded here, before the network; gateway results and the
 * inspector's own events and status are reduced in inspector-outcomes.ts.
 */
import type { InspectionView } from '../../../shared/domain';
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
  isInspecting,
  modeOfQc,
  qcOfSwitchTo,
  type SwitchToAction,
} from '../../../shared/inspection-vocabulary';
import { effectOf } from './inspection-effects';
import { applyOwnEvent, applyOwnStatus, applySuccess } from './inspector-outcomes';
import {
  INITIAL_INSPECTOR_STATE,
  type GatewayEffect,
  type InspectorInput,
  type InspectorState,
  type PendingInspection,
  type Transition,
} from './inspector-state';

export type { InspectionAction } from '../../../shared/inspection-vocabulary';
export {
  INITIAL_INSPECTOR_STATE,
  type GatewayEffect,
  type GuardContext,
  type InspectorInput,
  type InspectorState,
  type PendingInspection,
  type Transition,
} from './inspector-state';

/** Apply one input to the inspector state. Pure: same input, same output. */
export function transitionInspector(state: InspectorState, input: InspectorInput): Transition {
  switch (input.kind) {
    case 'request':
      return requestAction(state, input);
    case 'succeeded':
      return settle(state.pending ? applySuccess(state, state.pending, input.now) : state);
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
      return decideStart(state, input, action);
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
  action: 'listen' | 'barge' | 'whisper',
): Decision {
  const workNo = input.workNo ?? null;
  if (workNo === null || workNo === '') return { refusal: refuseNoTarget() };
  if (state.mode !== 'idle')
    return { refusal: refuseBusyInspector(state.mode, state.targetWorkNo) };
  if (workNo === input.context.inspectorId) return { refusal: refuseSelf() };
  if (input.context.targetState === 'signed-out') return { refusal: refuseTargetSignedOut(workNo) };
  return { effect: effectOf({ action, workNo, mode: state.mode }), workNo };
}

function decideSwitch(state: InspectorState): Decision {
  const target = state.targetWorkNo;
  if (state.mode === 'idle') return { refusal: refuseSwitchWhenIdle() };
  if (state.mode === 'talking') return { refusal: refuseOnOwnCall('switch') };
  if (state.mode === 'whispering') return { refusal: refuseSwitchWhileWhispering(target) };
  if (target === null) return { refusal: refuseNeedsInspection('switch') };
  return {
    effect: effectOf({ action: 'switch', workNo: target, mode: state.mode }),
    workNo: target,
  };
}

function decideSwitchTo(state: InspectorState, action: SwitchToAction): Decision {
  const target = state.targetWorkNo;
  if (state.mode === 'talking') return { refusal: refuseOnOwnCall(action) };
  if (!isInspecting(state.mode) || target === null)
    return { refusal: refuseNeedsInspection(action) };
  if (state.mode === modeOfQc(qcOfSwitchTo(action)))
    return { refusal: refuseAlreadyInMode(state.mode, target) };
  return { effect: effectOf({ action, workNo: target, mode: state.mode }), workNo: target };
}

function decideIntercept(state: InspectorState): Decision {
  const target = state.targetWorkNo;
  if (state.mode === 'talking') return { refusal: refuseOnOwnCall('intercept') };
  if (!isInspecting(state.mode) || target === null)
    return { refusal: refuseNeedsInspection('intercept') };
  return {
    effect: effectOf({ action: 'intercept', workNo: target, mode: state.mode }),
    workNo: target,
  };
}

function decideCancel(state: InspectorState): Decision {
  const target = state.targetWorkNo;
  if (state.mode === 'idle') return { refusal: refuseNothingToCancel() };
  if (state.mode === 'talking') return { refusal: refuseOnOwnCall('cancel') };
  if (target === null) return { refusal: refuseNothingToCancel() };
  return {
    effect: effectOf({ action: 'cancel', workNo: target, mode: state.mode }),
    workNo: target,
  };
}

function decideRequestCall(state: InspectorState, input: RequestInput): Decision {
  const callId = input.callId ?? null;
  const skillId = input.skillId ?? null;
  if (callId === null || callId === '' || skillId === null) return { refusal: refuseMissingCall() };
  if (state.mode !== 'idle')
    return { refusal: refuseBusyInspector(state.mode, state.targetWorkNo) };
  return { effect: effectOf({ action: 'request-call', callId, skillId }), workNo: null };
}
