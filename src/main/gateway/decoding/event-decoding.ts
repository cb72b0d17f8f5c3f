/**
 * Decodes one event of the long poll (§4.1, §11). Unknown event types pass through untouched;
 * `content` may be null, an object or a bare string (Call_Release carries just the call id).
 */
import type { GatewayEvent } from '../gateway-types';
import {
  createCursor,
  isRecord,
  readCode,
  readOptionalNumber,
  rejectField,
  type JsonRecord,
} from './response-fields';

/** The event in a poll envelope, or null when the gateway answered without one. */
export function decodeEvent(
  raw: unknown,
  receivedAt: number,
  interfaceName: string,
): GatewayEvent | null {
  if (raw === undefined || raw === null) return null;
  const cursor = createCursor(interfaceName, 'event');
  if (!isRecord(raw)) rejectField(cursor, undefined, 'an object', raw);
  const eventType = raw.eventType;
  if (typeof eventType !== 'string' || eventType.length === 0)
    rejectField(cursor, 'eventType', 'non-empty text', eventType);
  return {
    eventType,
    workNo: readCode(raw, 'workNo', cursor),
    content: decodeContent(raw.content, cursor),
    generatedAt: readOptionalNumber(raw, 'eventGenTime', cursor),
    receivedAt,
  };
}

function decodeContent(
  content: unknown,
  cursor: ReturnType<typeof createCursor>,
): GatewayEvent['content'] {
  if (content === undefined || content === null) return null;
  if (typeof content === 'string') return content;
  if (!isRecord(content)) return rejectField(cursor, 'content', 'null, text or an object', content);
  // jsonKey only lists the object's own keys (§4.1); dropping it keeps consumers simple.
  if (!('jsonKey' in content)) return content;
  const { jsonKey: _jsonKey, ...rest } = content;
  return rest as JsonRecord;
}
