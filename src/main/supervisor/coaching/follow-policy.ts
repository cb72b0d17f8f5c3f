/**
 * "Monitor next calls" as a pure policy: following one agent, listen to each call the agent
 * starts — only while the inspector is idle — until a number of calls has been heard or a time
 * is up, and end the listen when the followed call ends so the next one can be taken. The room
 * feeds it the agent's and the inspector's changes and carries out what it decides.
 */
import type { AgentState, InspectorMode } from '../../../shared/domain';
import type { FollowView } from '../../../shared/coaching';

export interface FollowState {
  workNo: string;
  /** Calls still to hear; null when only time limits it. */
  callsLeft: number | null;
  /** End of following (ms); null when only calls limit it. */
  until: number | null;
  callsJoined: number;
  /** The call being heard because of following (its key), else null. */
  joinedCall: string | null;
  /** The last call of the agent already decided on (joined or skipped). */
  lastCall: string | null;
}

/** What the inspector is doing, as far as following cares. */
export interface InspectorFacts {
  mode: InspectorMode;
  targetWorkNo: string | null;
  pending: boolean;
}

export type FollowInput =
  /** The followed agent changed: its state and the key of its call (null when not in a call). */
  | { kind: 'agent'; state: AgentState; call: string | null; now: number }
  | { kind: 'inspector'; inspector: InspectorFacts; now: number }
  | { kind: 'tick'; now: number };

export type FollowDecision =
  | { kind: 'listen'; workNo: string; call: string }
  | { kind: 'cancel'; workNo: string }
  | { kind: 'end'; reason: 'calls' | 'time' };

export interface FollowStep {
  /** Null once following has ended. */
  state: FollowState | null;
  decisions: FollowDecision[];
}

/** Start following: at least one of calls or minutes limits it. */
export function startFollowing(
  workNo: string,
  limits: { calls: number | null; minutes: number | null },
  now: number,
  currentCall: string | null,
): FollowState {
  if (limits.calls === null && limits.minutes === null)
    throw new Error('following needs a number of calls or minutes');
  return {
    workNo,
    callsLeft: limits.calls,
    until: limits.minutes === null ? null : now + limits.minutes * 60_000,
    callsJoined: 0,
    joinedCall: null,
    // A call already running when following starts is not "the next call".
    lastCall: currentCall,
  };
}

function isIdle(inspector: InspectorFacts): boolean {
  return inspector.mode === 'idle' && !inspector.pending;
}

function timeIsUp(state: FollowState, now: number): boolean {
  return state.until !== null && now >= state.until;
}

/** One step of the policy. `inspector` is the inspector's state at the time of the input. */
export function stepFollow(
  state: FollowState,
  input: FollowInput,
  inspector: InspectorFacts,
): FollowStep {
  switch (input.kind) {
    case 'agent':
      return onAgent(state, input.state, input.call, input.now, inspector);
    case 'inspector':
      return onInspector(state, input.inspector, input.now);
    case 'tick':
      return state.joinedCall === null && timeIsUp(state, input.now)
        ? { state: null, decisions: [{ kind: 'end', reason: 'time' }] }
        : { state, decisions: [] };
  }
}

function onAgent(
  state: FollowState,
  agentState: AgentState,
  call: string | null,
  now: number,
  inspector: InspectorFacts,
): FollowStep {
  const inCall = agentState === 'talking' && call !== null;
  if (state.joinedCall !== null && (!inCall || call !== state.joinedCall)) {
    // The call we were hearing ended: leave it, so the inspector is free for the next one.
    const listeningThere =
      inspector.targetWorkNo === state.workNo && inspector.mode === 'listening';
    const after = { ...state, joinedCall: null };
    const decisions: FollowDecision[] = listeningThere
      ? [{ kind: 'cancel', workNo: state.workNo }]
      : [];
    if (after.callsLeft === 0)
      return { state: null, decisions: [...decisions, { kind: 'end', reason: 'calls' }] };
    if (timeIsUp(after, now))
      return { state: null, decisions: [...decisions, { kind: 'end', reason: 'time' }] };
    // Straight into another call: it started while the inspector was busy with this one, so it
    // is skipped like any call that starts while the inspector is busy.
    return { state: inCall ? { ...after, lastCall: call } : after, decisions };
  }
  if (!inCall || call === state.lastCall) return { state, decisions: [] };
  if (timeIsUp(state, now)) return { state: null, decisions: [{ kind: 'end', reason: 'time' }] };
  return joinIfFree({ ...state, lastCall: call }, call, [], inspector);
}

/** Listen to `call` when the inspector is free; a call missed while busy is not counted. */
function joinIfFree(
  state: FollowState,
  call: string,
  decisions: FollowDecision[],
  inspector: InspectorFacts,
): FollowStep {
  if (!isIdle(inspector)) return { state, decisions };
  return {
    state: {
      ...state,
      joinedCall: call,
      callsJoined: state.callsJoined + 1,
      callsLeft: state.callsLeft === null ? null : state.callsLeft - 1,
    },
    decisions: [...decisions, { kind: 'listen', workNo: state.workNo, call }],
  };
}

function onInspector(state: FollowState, inspector: InspectorFacts, now: number): FollowStep {
  if (state.joinedCall === null) return { state, decisions: [] };
  // The supervisor ended (or changed) the follow listen by hand: the call counts as heard.
  const stillOnIt = inspector.targetWorkNo === state.workNo && inspector.mode !== 'idle';
  if (stillOnIt || inspector.pending) return { state, decisions: [] };
  const after = { ...state, joinedCall: null };
  if (after.callsLeft === 0) return { state: null, decisions: [{ kind: 'end', reason: 'calls' }] };
  if (timeIsUp(after, now)) return { state: null, decisions: [{ kind: 'end', reason: 'time' }] };
  return { state: after, decisions: [] };
}

/** The screen's view of following. */
export function viewFollow(state: FollowState | null): FollowView | null {
  if (state === null) return null;
  return {
    workNo: state.workNo,
    callsLeft: state.callsLeft,
    until: state.until,
    callsJoined: state.callsJoined,
    listening: state.joinedCall !== null,
  };
}

/** The key that tells one call of an agent from the next. */
export function callKeyOf(row: {
  state: AgentState;
  call: { callId: string | null; since: number | null } | null;
  stateSince: number | null;
}): string | null {
  if (row.state !== 'talking') return null;
  if (row.call?.callId) return row.call.callId;
  const since = row.call?.since ?? row.stateSince;
  return since === null ? 'call' : `since:${since}`;
}
