/**
 * The coaching interfaces' rules: notes between agents (`sendnoteletex`, cec_07_1205), forced
 * rest (`forcerest`, cec_07_2411), releasing a call (`forcedropcall`, cec_07_2408 / 0442) and
 * adjusting an agent's skills (`adjustskill`, cec_07_2409 / 0443). Each returns '0' or a
 * retcode; decisions on what the pages leave open are in docs/decisions/simulator.md.
 */
import { LIMITS } from '../../shared/gateway-protocol/gateway-paths';
import { RETCODE_SUCCESS } from '../../shared/gateway-protocol/gateway-retcodes';
import { CCGW_STATUS, EVENT_TYPE } from '../../shared/gateway-protocol/gateway-status-codes';
import type { CenterAgent } from '../center/center-types';
import type { GatewayState } from './gateway-state';
import { checkQcTarget } from './quality-control';

/** A note as the simulator recorded it (for the control API). */
export interface SentNote {
  from: string;
  agentIds: string[];
  content: string;
  at: number;
  /** Receivers signed in when it was sent: they got AgentOther_Note. */
  deliveredTo: string[];
}

/** The notes kept for the control API (oldest dropped first). */
export const NOTE_LOG_LIMIT = 1_000;
/** Body problems of sendnoteletex and adjustskill: the pages list 100-001 for them. */
const INVALID_BODY = '100-001';
const DIGITS = /^\d{1,6}$/;
const encoder = new TextEncoder();

/** An agent id from a body: an integer (the page's type) or a digit string (Huawei's Java demo). */
function readAgentId(value: unknown): string | null {
  if (typeof value === 'number' && Number.isSafeInteger(value)) value = String(value);
  if (typeof value !== 'string' || !DIGITS.test(value)) return null;
  const id = Number(value);
  return id >= LIMITS.agentIdMin && id <= LIMITS.agentIdMax ? String(id) : null;
}

/** A skill id from a body: a non-negative integer, or its digit string. */
function readSkillId(value: unknown): number | null {
  if (typeof value === 'string' && /^\d{1,9}$/.test(value)) return Number(value);
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 ? value : null;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Send a note: 1–100 receivers, 0–1,023 UTF-8 bytes; signed-in receivers get AgentOther_Note. */
export function sendNote(state: GatewayState, sender: CenterAgent, body: unknown): string {
  if (!isRecord(body) || !Array.isArray(body.agentIds) || typeof body.content !== 'string')
    return INVALID_BODY;
  const { agentIds, content } = body;
  if (agentIds.length === 0 || agentIds.length > LIMITS.noteRecipientsMax) return INVALID_BODY;
  if (encoder.encode(content).length > LIMITS.noteContentMaxBytes) return INVALID_BODY;
  const ids = agentIds.map(readAgentId);
  if (ids.some((id) => id === null)) return INVALID_BODY;
  const receivers = [...new Set(ids as string[])];
  const deliveredTo: string[] = [];
  for (const workNo of receivers) {
    const agent = state.center.findAgent(workNo);
    if (!agent || agent.status === CCGW_STATUS.signedOut) continue;
    deliveredTo.push(workNo);
    state.dispatcher.sendToAgent(workNo, EVENT_TYPE.note, null);
  }
  state.notes.push({
    from: sender.workNo,
    agentIds: receivers,
    content,
    at: state.center.now(),
    deliveredTo,
  });
  if (state.notes.length > NOTE_LOG_LIMIT) state.notes.shift();
  return RETCODE_SUCCESS;
}

/**
 * Force the target to rest for `seconds`: at once (AgentState_SetRest_Success), or after its
 * call when it is talking; when the time is over it gets AgentState_Rest_Timeout and is idle.
 */
export function forceRest(
  state: GatewayState,
  inspector: CenterAgent,
  targetWorkNo: string,
  seconds: number,
): string {
  const checked = checkQcTarget(state, inspector, targetWorkNo);
  if (!checked.ok) return checked.retcode;
  const { target } = checked;
  if (target.qc) return '900-005';
  if (target.status === CCGW_STATUS.talking) {
    target.pendingRestMs = seconds * 1000;
    return RETCODE_SUCCESS;
  }
  state.center.forceRest(target, seconds * 1000, 'quality-control');
  state.dispatcher.sendToAgent(target.workNo, EVENT_TYPE.setRestSuccess, null);
  return RETCODE_SUCCESS;
}

/**
 * Release a call: a connected call ends for its agent as if the customer hung up (the agent's
 * session hears the release events); a call still waiting in a queue is dropped from it.
 */
export function forceDropCall(state: GatewayState, inspector: CenterAgent, callId: string): string {
  if (!inspector.isInspector) return '900-002';
  const { center } = state;
  const agent = center.agents.find((candidate) => candidate.call?.callId === callId);
  if (agent) {
    center.endCall(agent, 'call-ended');
    return RETCODE_SUCCESS;
  }
  for (const skill of center.skills) {
    if (center.takeWaitingCall(callId, skill.id)) return RETCODE_SUCCESS;
  }
  return '200-001';
}

/** Replace the target's skills (1–1,000 known skill ids); routing follows at once. */
export function adjustSkills(state: GatewayState, inspector: CenterAgent, body: unknown): string {
  if (!isRecord(body) || !Array.isArray(body.skills)) return INVALID_BODY;
  const workNo = readAgentId(body.workNo);
  if (workNo === null) return INVALID_BODY;
  const { skills } = body;
  if (skills.length === 0 || skills.length > LIMITS.adjustSkillsMax) return INVALID_BODY;
  const ids = skills.map(readSkillId);
  const { center } = state;
  if (ids.some((id) => id === null || center.findSkill(id) === undefined)) return INVALID_BODY;
  const checked = checkQcTarget(state, inspector, workNo);
  if (!checked.ok) return checked.retcode;
  center.setSkills(checked.target, [...new Set(ids as number[])]);
  return RETCODE_SUCCESS;
}
