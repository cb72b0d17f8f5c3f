/**
 * Agent lists (§5.10, §6): the QC-visible agents, every agent's status, one agent's details.
 * Status codes are strings, as the gateway sends them.
 */
import type { InterfaceName } from '../../shared/gateway-protocol/gateway-paths';
import { CCGW_STATUS } from '../../shared/gateway-protocol/gateway-status-codes';
import type { CenterAgent } from '../center/center-types';
import { SKILL_MEDIA_TYPE_VOICE } from '../gateway-model/event-content';
import { replyError, replySuccess, requireSession, type RouteHandler } from './route-types';

function describeSkills(
  skillIds: number[],
  findName: (id: number) => string,
): Array<Record<string, unknown>> {
  return skillIds.map((id) => ({ id, name: findName(id), mediatype: SKILL_MEDIA_TYPE_VOICE }));
}

function describeStatusEntry(agent: CenterAgent): Record<string, unknown> {
  return {
    workno: agent.workNo,
    name: agent.name,
    status: agent.status,
    groupName: agent.groupName,
    ctiStatus: agent.ctiStatus,
  };
}

export const AGENT_ROUTES = {
  monitorableAgents: (context) => {
    const session = requireSession(context);
    if (!session.agent.isInspector) return replyError('900-002');
    // Includes the inspector themself, as a real gateway does (Huawei's demos filter it out).
    const result = context.state.center.agents.map((agent) => ({
      workno: agent.workNo,
      name: agent.name,
      status: agent.status,
    }));
    return replySuccess(result);
  },
  agentStatuses: (context) => replySuccess(context.state.center.agents.map(describeStatusEntry)),
  agentByWorkNo: (context) => {
    const { center } = context.state;
    const agent = center.findAgent(context.params.workNo as string);
    if (!agent) return replyError('300-002');
    return replySuccess({
      workno: agent.workNo,
      name: agent.name,
      // Integers on the agentbyworkno page (cec_07_0415 / 1026), unlike the list interfaces.
      status: Number(agent.status),
      ctiStatus: Number(agent.ctiStatus),
      groupid: agent.groupId,
      groupname: agent.groupName,
      skilllist: describeSkills(agent.skills, (id) => center.findSkill(id)?.name ?? String(id)),
      callids: agent.call ? [agent.call.callId] : [],
      mediatype: agent.status === CCGW_STATUS.signedOut ? 'FFF' : 'TTF',
      vdnid: 1,
      phonenumber: agent.phoneNumber,
      currentstatetime: agent.stateSince,
    });
  },
} satisfies Partial<Record<InterfaceName, RouteHandler>>;
