/**
 * Decoders for skill queues (§7 agentvdnskill) and the calls waiting in one (waitcallinfo).
 */
import type { SkillQueue, WaitingCall } from './gateway-types';
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
} from './response-fields';

/** `queuedevice/{id}/agentvdnskill`: the skill queues of the inspector's VDN. */
export function decodeSkillQueues(result: unknown, interfaceName: string): SkillQueue[] {
  const cursor = createCursor(interfaceName, 'result');
  if (result === undefined) rejectField(cursor, undefined, 'present', result);
  const items = expectList(result, cursor);
  const queues = new Array<SkillQueue>(items.length);
  for (let index = 0; index < items.length; index++) {
    cursor.index = index;
    const item = expectRecord(items[index], cursor);
    const id = readNumber(item, 'id', cursor);
    if (!Number.isInteger(id) || id < 0) rejectField(cursor, 'id', 'a non-negative integer', id);
    queues[index] = {
      id,
      name: readOptionalString(item, 'name', cursor) ?? '',
      mediaType: readOptionalCode(item, pickKey(item, ['mediatype', 'mediaType']), cursor),
    };
  }
  return queues;
}

/** `calldata/{id}/waitcallinfo/{skillId}`: calls queued on one skill, oldest data as sent. */
export function decodeWaitingCalls(
  result: unknown,
  requestedSkillId: number,
  interfaceName: string,
): WaitingCall[] {
  const cursor = createCursor(interfaceName, 'result');
  if (result === undefined) rejectField(cursor, undefined, 'present', result);
  const items = expectList(result, cursor);
  const calls = new Array<WaitingCall>(items.length);
  for (let index = 0; index < items.length; index++) {
    cursor.index = index;
    const item = expectRecord(items[index], cursor);
    calls[index] = {
      callId: readCode(item, 'callid', cursor),
      caller: readOptionalCode(item, 'caller', cursor) ?? '',
      called: readOptionalCode(item, 'called', cursor),
      skillId: readOptionalNumber(item, 'callskillid', cursor) ?? requestedSkillId,
      skillName: readOptionalString(item, 'callskill', cursor),
      enqueuedAt: readOptionalNumber(item, 'begintime', cursor),
      priority: readOptionalNumber(item, 'userPriority', cursor),
      callFeature: readOptionalNumber(item, 'callfeature', cursor),
    };
  }
  return calls;
}
