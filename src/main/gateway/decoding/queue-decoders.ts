/**
 * Decoders for skill queues (§7 agentvdnskill) and the calls waiting in one (waitcallinfo).
 */
import type { SkillQueue, WaitingCall } from '../gateway-types';
import {
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
