/**
 * Decoders for skill queues (§7 agentvdnskill), the calls waiting in one (waitcallinfo) and
 * the statistics of a set of queues (queryacdstat).
 */
import type { AcdSkillStat, SkillQueue, WaitingCall } from '../gateway-types';
import {
  type FieldCursor,
  type JsonRecord,
  decodeResultList,
  pickKey,
  readCode,
  readNumber,
  readOptionalCode,
  readOptionalNumber,
  readOptionalString,
  rejectField,
} from './response-fields';

/** `queuedevice/{id}/agentvdnskill`: the skill queues of the inspector's VDN. */
export function decodeSkillQueues(result: unknown, interfaceName: string): SkillQueue[] {
  return decodeResultList(result, interfaceName, (item, cursor) => {
    const id = readNumber(item, 'id', cursor);
    if (!Number.isInteger(id) || id < 0) rejectField(cursor, 'id', 'a non-negative integer', id);
    return {
      id,
      name: readOptionalString(item, 'name', cursor) ?? '',
      mediaType: readOptionalCode(item, pickKey(item, ['mediatype', 'mediaType']), cursor),
    };
  });
}

/** `calldata/{id}/waitcallinfo/{skillId}`: calls queued on one skill, oldest data as sent. */
export function decodeWaitingCalls(
  result: unknown,
  requestedSkillId: number,
  interfaceName: string,
): WaitingCall[] {
  return decodeResultList(result, interfaceName, (item, cursor) => ({
    callId: readCode(item, 'callid', cursor),
    caller: readOptionalCode(item, 'caller', cursor) ?? '',
    called: readOptionalCode(item, 'called', cursor),
    skillId: readOptionalNumber(item, 'callskillid', cursor) ?? requestedSkillId,
    skillName: readOptionalString(item, 'callskill', cursor),
    enqueuedAt: readOptionalNumber(item, 'begintime', cursor),
    priority: readOptionalNumber(item, 'userPriority', cursor),
    callFeature: readOptionalNumber(item, 'callfeature', cursor),
  }));
}

/** A count: a non-negative integer (sent as a number or numeric text). */
function readCount(item: JsonRecord, key: string, cursor: FieldCursor): number {
  const value = readNumber(item, key, cursor);
  if (!Number.isInteger(value) || value < 0)
    rejectField(cursor, key, 'a non-negative integer', value);
  return value;
}

/** Like readCount; absent, null or '' → null. */
function readOptionalCount(item: JsonRecord, key: string, cursor: FieldCursor): number | null {
  return readOptionalNumber(item, key, cursor) === null ? null : readCount(item, key, cursor);
}

/**
 * `queuedevice/{id}/queryacdstat`: one row per skill queue (cec_07_0411 / cec_07_1023 table 5).
 * `deviceNo` and `queueSize` are required; the fields the page marks unused (`loadFactor`,
 * `estWaitTime`) and the transfer settings are ignored.
 */
export function decodeAcdStats(result: unknown, interfaceName: string): AcdSkillStat[] {
  return decodeResultList(result, interfaceName, (item, cursor) => ({
    skillId: readCount(item, 'deviceNo', cursor),
    pilotNumber: readOptionalCode(item, 'pilotNbr', cursor),
    waiting: readCount(item, 'queueSize', cursor),
    longestWaitSeconds: readOptionalCount(item, 'queueTime', cursor) ?? 0,
    signedIn: readOptionalCount(item, 'loggedOnAgents', cursor),
    available: readOptionalCount(item, 'availAgents', cursor),
    description: readOptionalString(item, 'skillDescrip', cursor),
  }));
}
