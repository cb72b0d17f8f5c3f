/**
 * Decodes one event of the long poll (§4.1, §11), liberally: one odd event must never fail the
 * poll (issue "real-gateway fidelity"). What is known is decoded; an event whose type cannot be
 * read is kept as `unknown` with a description of its raw type; `workNo` may be missing
 * (Huawei's own BeQcStart example has none, cec_07_0542); `content` may be null, text, a
 * number, a flag, a list or an object (cec_07_1346, 1355, 0552); `eventGenTime` may be a
 * number or numeric text, or absent on older gateways.
 */
import { EVENT_TYPE } from '../../../shared/gateway-protocol/gateway-status-codes';
import type { GatewayEvent, GatewayEventContent } from '../gateway-types';
import { isRecord, type JsonRecord } from './response-fields';

/** The `eventType` of an event whose type could not be read. */
export const UNKNOWN_EVENT_TYPE = 'unknown';

/** Raw types are described in at most this many characters (logs stay small and safe). */
const RAW_TYPE_MAX = 64;

/**
 * Event types of the event catalogue (§11) beyond the ones the product reacts to: seen, not
 * used, and so not "unknown".
 */
const CATALOGUE_TYPES: ReadonlySet<string> = new Set([
  ...Object.values(EVENT_TYPE),
  'AgentState_SetWork_Success',
  'AgentState_CancelWork_Success',
  'AgentState_SetRest_Success',
  'AgentState_CancelRest_Success',
  'AgentState_Rest_Timeout',
  'AgentOther_PhoneBusy',
  'AgentOther_PhoneUnknow',
  'AgentOther_All_Agent_Busy',
  'AgentOther_Note',
  'AgentEvent_Incoming_CallInfo',
  'AgentEvent_Customer_Alerting',
  'AgentEvent_Agent_Occupyed',
  'AgentEvent_Hold',
  'AgentEvent_Conference',
  'AgentEvent_Call_Out_Fail',
  'AgentEvent_Inside_Call_Fail',
  'AgentEvent_No_Answer',
  'AgentEvent_Auto_Answer',
  'AgentEvent_Connect_Fail',
  'AgentEvent_Consult_Fail',
  'AgentEvent_linkagePhoneStatus',
  'AgentEvent_MessageData',
  'AgentMediaEvent_Record_Fail',
  'AgentMediaEvent_StopRecordDone',
]);

/** Whether an event type is one of the documented catalogue (§11). */
export function isCatalogueEventType(eventType: string): boolean {
  return CATALOGUE_TYPES.has(eventType);
}

/** The event in a poll envelope, or null when the gateway answered without one. Never throws. */
export function decodeEvent(raw: unknown, receivedAt: number): GatewayEvent | null {
  if (raw === undefined || raw === null) return null;
  if (!isRecord(raw)) {
    return {
      eventType: UNKNOWN_EVENT_TYPE,
      rawType: describeRaw(raw),
      known: false,
      workNo: null,
      content: null,
      generatedAt: null,
      receivedAt,
    };
  }
  const type = raw.eventType;
  const readable = typeof type === 'string' && type.trim() !== '';
  const eventType = readable ? type : UNKNOWN_EVENT_TYPE;
  return {
    eventType,
    rawType: readable ? null : describeRaw(type),
    known: readable && CATALOGUE_TYPES.has(type),
    workNo: readOptionalCode(raw.workNo),
    content: decodeContent(raw.content),
    generatedAt: readTimestamp(raw.eventGenTime),
    receivedAt,
  };
}

function decodeContent(content: unknown): GatewayEventContent {
  if (content === undefined || content === null) return null;
  if (typeof content === 'string' || typeof content === 'boolean') return content;
  if (typeof content === 'number') return Number.isFinite(content) ? content : null;
  if (Array.isArray(content)) return content as unknown[];
  if (!isRecord(content)) return null;
  // jsonKey only lists the object's own keys (§4.1); dropping it keeps consumers simple.
  if (!('jsonKey' in content)) return content;
  const { jsonKey: _jsonKey, ...rest } = content;
  return rest as JsonRecord;
}

/** An id sent as text or an integer; anything else (absent, null, an object) is no id. */
function readOptionalCode(value: unknown): string | null {
  if (typeof value === 'string') return value.trim() === '' ? null : value;
  if (typeof value === 'number' && Number.isSafeInteger(value)) return String(value);
  return null;
}

/** ms since epoch as a number or numeric text; anything else is "not sent". */
function readTimestamp(value: unknown): number | null {
  const number =
    typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : Number.NaN;
  return Number.isFinite(number) && number > 0 && value !== '' ? number : null;
}

/** A short, value-free description of a raw type for logs: its JSON type, or short text. */
function describeRaw(value: unknown): string {
  if (value === undefined) return '(missing)';
  if (value === null) return '(null)';
  if (typeof value === 'string') return value === '' ? '(empty text)' : sanitise(value);
  if (typeof value === 'number' || typeof value === 'boolean') return `(${typeof value})`;
  if (Array.isArray(value)) return '(list)';
  return '(object)';
}

function sanitise(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f]/g, '').slice(0, RAW_TYPE_MAX);
}

/** An event's content when it is an object (not a list), else null. */
export function contentObject(content: GatewayEventContent): Record<string, unknown> | null {
  return isRecord(content) ? content : null;
}
