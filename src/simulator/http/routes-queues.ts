/**
 * Skill queues, waiting calls and taking a specific queued call (§7, §8).
 */
import type { InterfaceName } from '../../shared/gateway-protocol/gateway-paths';
import { CCGW_STATUS, EVENT_TYPE } from '../../shared/gateway-protocol/gateway-status-codes';
import type { CenterCall } from '../center/center-types';
import { computeSkillStatistics } from '../center/skill-statistics';
import { LIMITS } from '../../shared/gateway-protocol/gateway-paths';
import {
  SKILL_MEDIA_TYPE_VOICE,
  asDocumentedInteger,
  buildTalkingContent,
} from '../gateway-model/event-content';
import type { GatewayState } from '../gateway-model/gateway-state';
import { replyError, replySuccess, requireSession, type RouteHandler } from './route-types';

const SKILL_ID_PATTERN = /^\d{1,9}$/;

/** The `skills` of a queryacdstat body: a list of skill ids (numbers or digit strings). */
function readSkillList(body: unknown): number[] | null {
  if (typeof body !== 'object' || body === null || !('skills' in body)) return null;
  const skills = (body as { skills: unknown }).skills;
  if (!Array.isArray(skills)) return null;
  const ids: number[] = [];
  for (const item of skills) {
    const text = typeof item === 'number' ? String(item) : item;
    if (typeof text !== 'string' || !SKILL_ID_PATTERN.test(text)) return null;
    ids.push(Number(text));
  }
  return ids;
}

function describeWaitingCall(state: GatewayState, call: CenterCall): Record<string, unknown> {
  const now = state.center.now();
  return {
    callfeature: 0,
    callid: call.callId,
    // `int` on cec_07_1271 / 0429.
    caller: asDocumentedInteger(call.caller),
    called: asDocumentedInteger(call.called),
    callskill: state.center.findSkill(call.skillId)?.name ?? '',
    callskillid: call.skillId,
    orgicallednum: call.called,
    calldata: '',
    begintime: call.enqueuedAt,
    endtime: 0,
    userPriority: 0,
    trunkNo: 0,
    logontimes: Math.max(0, Math.floor((now - call.enqueuedAt) / 1000)),
    mediaType: SKILL_MEDIA_TYPE_VOICE,
  };
}

export const QUEUE_ROUTES = {
  skillQueues: (context) =>
    replySuccess(
      context.state.center.skills.map((skill) => ({
        name: skill.name,
        id: skill.id,
        mediatype: SKILL_MEDIA_TYPE_VOICE,
        serviceType: 1,
        realFlag: 1,
      })),
    ),
  waitingCalls: (context) => {
    const { center, options } = context.state;
    // cec_07_1271 / 0429 prerequisite: "the agent is not idle". Enforced in the legacy
    // profile; the code a gateway answers with is not documented (decision: 100-009).
    const caller = requireSession(context).agent;
    if (options.profile.waitingCallsNeedNonIdleCaller && caller.status === CCGW_STATUS.idle)
      return replyError('100-009');
    const skill = center.findSkill(Number(context.params.skillId));
    if (!skill) return replyError('100-019');
    return replySuccess(
      center.listWaitingCalls(skill.id).map((call) => describeWaitingCall(context.state, call)),
    );
  },
  /** cec_07_0411: ≤ 100 skills per request; more, or a body without a skill list, is refused. */
  acdStats: (context) => {
    const skills = context.bodyInvalid ? null : readSkillList(context.body);
    if (skills === null || skills.length > LIMITS.acdStatBatch) return replyError('000-002');
    const { center } = context.state;
    return replySuccess(
      computeSkillStatistics(center, skills).map((entry) => ({
        pilotNbr: entry.skill.accessCode,
        deviceNo: entry.skill.id,
        queueSize: entry.waiting,
        queueTime: entry.longestWaitSeconds,
        loadFactor: 0,
        estWaitTime: 0,
        loggedOnAgents: entry.signedIn,
        availAgents: entry.available,
        transferFlg: 0,
        transferDeviceType: 0,
        transferDeviceNo: 0,
        skillDescrip: entry.skill.name,
      })),
    );
  },
  requestCall: (context) => {
    const { center, dispatcher } = context.state;
    const agent = requireSession(context).agent;
    // The doc spells `skillId`; a generated client sends `skillid`: accept both.
    const skillParam = context.query.get('skillId') ?? context.query.get('skillid');
    if (skillParam === null || !SKILL_ID_PATTERN.test(skillParam)) return replyError('000-002');
    // Seed 004 (cec_07_1251) lists only 100-006 and 100-007 for requestcall.
    if (agent.qc || agent.status === CCGW_STATUS.talking) return replyError('100-007');
    const call = center.takeWaitingCall(context.params.callId as string, Number(skillParam));
    if (!call) return replyError('100-007');
    center.connectCall(agent, call, 'call-requested');
    dispatcher.sendToAgent(agent.workNo, EVENT_TYPE.phoneAlerting, null);
    dispatcher.sendToAgent(agent.workNo, EVENT_TYPE.phoneOffhook, { type: 'main' });
    dispatcher.sendToAgent(agent.workNo, EVENT_TYPE.talking, buildTalkingContent(call));
    return replySuccess({}, 'success');
  },
} satisfies Partial<Record<InterfaceName, RouteHandler>>;
