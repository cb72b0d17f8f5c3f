/**
 * Decoders for the session interfaces: sign-in result, updateGuid result and own status.
 */
import type { OwnStatus, SignInResult } from '../gateway-types';
import { parseSetGuid } from '../transport/header-values';
import {
  createCursor,
  expectRecord,
  isRecord,
  readOptionalBoolean,
  readOptionalCode,
  readOptionalNumber,
  readOptionalString,
  rejectField,
} from './response-fields';

/** The sign-in `result` (§3.1); an absent or empty result yields defaults for the agent. */
export function decodeSignInResult(
  result: unknown,
  agentId: string,
  interfaceName: string,
): SignInResult {
  if (result === undefined || result === null) return defaultSignInResult(agentId);
  const cursor = createCursor(interfaceName, 'result');
  const record = expectRecord(result, cursor);
  return {
    workNo: readOptionalCode(record, 'workno', cursor) ?? agentId,
    vdnId: readOptionalNumber(record, 'vdnid', cursor),
    loginTime: readOptionalNumber(record, 'loginTime', cursor),
    passwordMustChange: readOptionalBoolean(record, 'isForceChange', cursor) ?? false,
    serverName: readOptionalString(record, 'serverName', cursor),
    passwordDaysRemaining: readOptionalNumber(record, 'timeRemaining', cursor),
  };
}

function defaultSignInResult(agentId: string): SignInResult {
  return {
    workNo: agentId,
    vdnId: null,
    loginTime: null,
    passwordMustChange: false,
    serverName: null,
    passwordDaysRemaining: null,
  };
}

/** The GUID in an updateGuid `result` (`{"guid": "…"}`, with or without `JSESSIONID=`). */
export function decodeGuidResult(result: unknown, interfaceName: string): string {
  const cursor = createCursor(interfaceName, 'result');
  const raw = typeof result === 'string' ? result : expectRecord(result, cursor).guid;
  if (typeof raw !== 'string') rejectField(cursor, 'guid', 'text', raw);
  const guid = parseSetGuid(raw);
  if (guid === null) rejectField(cursor, 'guid', 'a session key', raw);
  return guid;
}

/**
 * Own status (§3.5): `{agentState, isWorking}`. A bare number is taken as the agent state,
 * since the shape is only known from a demo.
 */
export function decodeOwnStatus(result: unknown, interfaceName: string): OwnStatus {
  const cursor = createCursor(interfaceName, 'result');
  if (result === undefined) rejectField(cursor, undefined, 'the agent status', result);
  if (!isRecord(result)) {
    const state = readOptionalNumber({ result }, 'result', createCursor(interfaceName, 'answer'));
    return { agentState: state, isWorking: null };
  }
  return {
    agentState: readOptionalNumber(result, 'agentState', cursor),
    isWorking: readOptionalBoolean(result, 'isWorking', cursor),
  };
}
