/**
 * Decoders for the agent lists (§5.10, §6): allagent, allagentstatus and agentbyworkno.
 * Status codes stay strings, as the gateway sends them; extra fields are ignored.
 */
import type { AgentDetail, AgentStatusEntry, MonitorableAgent } from './gateway-types';
import {
  createCursor,
  expectList,
  expectRecord,
  pickKey,
  readCode,
  readNumber,
  readOptionalCode,
  readOptionalNumber,
  readOptionalString,
  rejectField,
  type FieldCursor,
} from './response-fields';

function requireResult(result: unknown, cursor: FieldCursor): unknown {
  if (result === undefined) rejectField(cursor, undefined, 'present', result);
  return result;
}

/** `qualitycontrol/{id}/allagent`: agents this inspector may monitor. */
export function decodeMonitorableAgents(
  result: unknown,
  interfaceName: string,
): MonitorableAgent[] {
  const cursor = createCursor(interfaceName, 'result');
  const items = expectList(requireResult(result, cursor), cursor);
  const agents = new Array<MonitorableAgent>(items.length);
  for (let index = 0; index < items.length; index++) {
    cursor.index = index;
    const item = expectRecord(items[index], cursor);
    agents[index] = {
      workNo: readCode(item, 'workno', cursor),
      name: readOptionalString(item, 'name', cursor) ?? '',
      status: readCode(item, 'status', cursor),
    };
  }
  return agents;
}

/** `agentgroup/{id}/allagentstatus`: every agent of the VDN with its status. */
export function decodeAgentStatuses(result: unknown, interfaceName: string): AgentStatusEntry[] {
  const cursor = createCursor(interfaceName, 'result');
  const items = expectList(requireResult(result, cursor), cursor);
  const agents = new Array<AgentStatusEntry>(items.length);
  for (let index = 0; index < items.length; index++) {
    cursor.index = index;
    const item = expectRecord(items[index], cursor);
    agents[index] = {
      workNo: readCode(item, 'workno', cursor),
      name: readOptionalString(item, 'name', cursor) ?? '',
      status: readCode(item, 'status', cursor),
      ctiStatus: readOptionalCode(item, 'ctiStatus', cursor),
      groupName: readOptionalString(
        item,
        item.groupName !== undefined ? 'groupName' : 'groupname',
        cursor,
      ),
    };
  }
  return agents;
}

/** `agentgroup/{id}/agentbyworkno/{workNo}`: one agent's details. */
export function decodeAgentDetail(result: unknown, interfaceName: string): AgentDetail {
  const cursor = createCursor(interfaceName, 'result');
  const item = expectRecord(requireResult(result, cursor), cursor);
  return {
    workNo: readCode(item, 'workno', cursor),
    name: readOptionalString(item, 'name', cursor) ?? '',
    status: readCode(item, 'status', cursor),
    ctiStatus: readOptionalCode(item, 'ctiStatus', cursor),
    groupId: readOptionalNumber(item, 'groupid', cursor),
    groupName: readOptionalString(item, 'groupname', cursor),
    skills: decodeSkillList(item.skilllist, interfaceName),
    callIds: decodeCallIds(item.callids, interfaceName),
    phoneNumber: readOptionalCode(item, 'phonenumber', cursor),
    currentStateSince: readOptionalNumber(item, 'currentstatetime', cursor),
  };
}

function decodeSkillList(raw: unknown, interfaceName: string): AgentDetail['skills'] {
  if (raw === undefined) return [];
  const cursor = createCursor(interfaceName, 'result.skilllist');
  const items = expectList(raw, cursor);
  const skills: AgentDetail['skills'] = [];
  for (let index = 0; index < items.length; index++) {
    cursor.index = index;
    const item = expectRecord(items[index], cursor);
    skills.push({
      id: readNumber(item, pickKey(item, ['id', 'skillId', 'skillid']), cursor),
      name:
        readOptionalString(item, pickKey(item, ['name', 'skillName', 'skillname']), cursor) ?? '',
    });
  }
  return skills;
}

/** `callids` is a list; a comma-separated text is accepted as well. */
function decodeCallIds(raw: unknown, interfaceName: string): string[] {
  if (raw === undefined || raw === null || raw === '') return [];
  if (typeof raw === 'string')
    return raw
      .split(',')
      .map((part) => part.trim())
      .filter((part) => part.length > 0);
  const cursor = createCursor(interfaceName, 'result.callids');
  const items = expectList(raw, cursor);
  const ids: string[] = [];
  for (let index = 0; index < items.length; index++) {
    cursor.index = index;
    const item = items[index];
    if (typeof item === 'string') ids.push(item);
    else if (typeof item === 'number' && Number.isInteger(item)) ids.push(String(item));
    else rejectField(cursor, undefined, 'a call id', item);
  }
  return ids;
}
