/**
 * The envelope every gateway answer shares: `{"message", "retcode", "result"}` (or `"event"`
 * for the poll). A non-JSON body or a missing/ill-typed `retcode` is `malformed`; a non-zero
 * retcode is a `retcode` error carrying the documented message.
 */
import { RETCODE_SUCCESS } from '../../../shared/gateway-protocol/gateway-retcodes';
import { GatewayError } from '../gateway-error';
import { isRecord } from './response-fields';

export interface GatewayEnvelope {
  retcode: string;
  message: string;
  /** `result` as sent; undefined when the key is absent. */
  result: unknown;
  /** `event` as sent (poll answers only); undefined when absent. */
  event: unknown;
}

function malformed(interfaceName: string, what: string): GatewayError {
  return new GatewayError({
    kind: 'malformed',
    interfaceName,
    message: `The gateway's answer to ${interfaceName} is malformed: ${what}.`,
  });
}

/** Parses a response body into the envelope; throws `malformed` when it is not one. */
export function parseEnvelope(body: string, interfaceName: string): GatewayEnvelope {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    throw malformed(
      interfaceName,
      body.trim() === '' ? 'the body is empty' : 'the body is not JSON',
    );
  }
  if (!isRecord(parsed)) throw malformed(interfaceName, 'the body is not a JSON object');
  const { retcode, message } = parsed;
  if (retcode === undefined) throw malformed(interfaceName, 'retcode is missing');
  if (typeof retcode !== 'string')
    throw malformed(
      interfaceName,
      `retcode should be text but is ${retcode === null ? 'null' : `a ${typeof retcode}`}`,
    );
  if (message !== undefined && message !== null && typeof message !== 'string') {
    throw malformed(interfaceName, `message should be text but is a ${typeof message}`);
  }
  return { retcode, message: message ?? '', result: parsed.result, event: parsed.event };
}

/** Throws the `retcode` GatewayError for a non-zero retcode. */
function ensureSuccess(envelope: GatewayEnvelope, interfaceName: string): void {
  if (envelope.retcode === RETCODE_SUCCESS) return;
  const code = envelope.retcode.trim();
  if (code === '' || code.length > 32)
    throw malformed(interfaceName, 'retcode is empty or not a code');
  throw new GatewayError({ kind: 'retcode', interfaceName, retcode: code });
}

/** Parses and checks in one step: the envelope of a successful answer. */
export function decodeSuccessEnvelope(body: string, interfaceName: string): GatewayEnvelope {
  const envelope = parseEnvelope(body, interfaceName);
  ensureSuccess(envelope, interfaceName);
  return envelope;
}
