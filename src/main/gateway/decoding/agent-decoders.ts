/**
 * Decoders for the agent lists (§5.10, §6): allagent, allagentstatus and agentbyworkno.
 * Status codes stay strings, as the gateway sends them; extra fields are ignored.
 */
import type { AgentDetail, AgentStatusEntry, MonitorableAgent } from '../gateway-types';
import {
  createCursor,
  decodeRecordList,
  decodeResultList,
  expectList,
  expectRecord,
  pickKey,
  readCode,
  readNumber,
  readOptionalCode,
  readOptionalNumber,
  readOptionalString,
  rejectField,
  requireResult,
  type FieldCursor,
  type JsonRecord,
} from './response-fields';

/** The fields every agent list shares: id, name and CC-Gateway status. */
function readAgentBasics(item: JsonRecord, cursor: FieldCursor): MonitorableAgent {
  return {
    workNo: readCode(item, 'workno', cursor),
    name: readOptionalString(item, 'name', cursor) ?? '',
    status: readCode(item, 'status', cursor),
  };
}

/** `qualitycontrol/{id}/allagent`: agents this inspector may monitor. */
export function decodeMonitorableAgents(
  result: unknown,
  interfaceName: string,
): MonitorableAgent[] {
  return decodeResultList(result, interfaceName, readAgentBasics);
}

const GROUP_NAME_KEYS = ['groupName', 'groupname'] as const;

/** `agentgroup/{id}/allagentstatus`: every agent of the VDN with its status. */
export function decodeAgentStatuses(result: unknown, interfaceName: string): AgentStatusEntry[] {
  // One object per row, built in place: snapshot mode decodes this list of up to 10,000 rows
  // several times a second, where a spread of the basics doubled the allocations.
  return decodeResultList(result, interfaceName, (item, cursor) => ({
    workNo: readCode(item, 'workno', cursor),
    name: readOptionalString(item, 'name', cursor) ?? '',
    status: readCode(item, 'status', cursor),
    ctiStatus: readOptionalCode(item, 'ctiStatus', cursor),
    groupName: readOptionalString(item, pickKey(item, GROUP_NAME_KEYS), cursor),
  }));
}

/** `agentgroup/{id}/agentbyworkno/{workNo}`: one agent's details. */
export function decodeAgentDetail(result: unknown, interfaceName: string): AgentDetail {
  const cursor = createCursor(interfaceName, 'result');
  const item = expectRecord(requireResult(result, cursor), cursor);
  return {
    ...readAgentBasics(item, cursor),
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
  return decodeRecordList(raw, createCursor(interfaceName, 'result.skilllist'), (item, cursor) => ({
    id: readNumber(item, pickKey(item, ['id', 'skillId', 'skillid']), cursor),
    name: readOptionalString(item, pickKey(item, ['name', 'skillName', 'skillname']), cursor) ?? '',
  }));
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
