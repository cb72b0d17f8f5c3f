/**
 * Turns whatever a fetch implementation throws into a GatewayError of the right kind. Node's
 * fetch/undici put the reason in `cause.code`; Electron's net.fetch puts it in the message
 * (`net::ERR_CERT_AUTHORITY_INVALID`). The client's own time limit and the caller's abort are
 * known to the caller and passed in, so they win over whatever error the transport made of them.
 * A transport that enforces the limit itself reports it as a headers/body timeout (undici) or a
 * TimeoutError (AbortSignal.timeout); with `limitEnforcedByTransport` those are the same limit.
 */
import { GatewayError, type GatewayErrorKind } from '../gateway-error';
import { CertificatePinMismatchError, PIN_MISMATCH_CODE } from './certificate-pin';
import { AnswerTooLargeError, RedirectRefusedError } from './answer-limits';
import { CertificateRefusedError, LEAF_REFUSED_CODE } from './leaf-checks';

export interface FailureContext {
  interfaceName: string;
  /** The client's time limit fired. */
  timedOut: boolean;
  /** The caller's signal aborted the request. */
  callerAborted: boolean;
  timeoutMs: number;
  /** The transport applied `timeoutMs` itself (its header/body timeouts are that limit). */
  limitEnforcedByTransport?: boolean;
}

const TLS_CODES = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'CERT_REVOKED',
  'CERT_UNTRUSTED',
  'CERT_REJECTED',
  'CERT_SIGNATURE_FAILURE',
  'INVALID_CA',
  'INVALID_PURPOSE',
  'HOSTNAME_MISMATCH',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'EPROTO',
  PIN_MISMATCH_CODE,
  LEAF_REFUSED_CODE,
]);
const TIMEOUT_CODES = new Set([
  'ETIMEDOUT',
  'ESOCKETTIMEDOUT',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
]);
const NET_TIMEOUT = new Set(['ERR_TIMED_OUT', 'ERR_CONNECTION_TIMED_OUT']);
/** What a transport raises when the per-request limit it was given fires. */
const REQUEST_LIMIT_CODES = new Set(['UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT']);

const TRANSPORT_PHRASES: Record<string, string> = {
  ECONNREFUSED: 'the connection was refused',
  ECONNRESET: 'the connection was reset',
  ENOTFOUND: 'the host name could not be resolved',
  EAI_AGAIN: 'the host name could not be resolved (temporary DNS failure)',
  EHOSTUNREACH: 'the host is unreachable',
  ENETUNREACH: 'the network is unreachable',
  EPIPE: 'the connection was closed while sending',
  UND_ERR_SOCKET: 'the connection was closed by the other side',
  UND_ERR_CLOSED: 'the connection was closed',
  ERR_CONNECTION_REFUSED: 'the connection was refused',
  ERR_CONNECTION_RESET: 'the connection was reset',
  ERR_CONNECTION_CLOSED: 'the connection was closed',
  ERR_EMPTY_RESPONSE: 'the gateway closed the connection without answering',
  ERR_NAME_NOT_RESOLVED: 'the host name could not be resolved',
  ERR_INTERNET_DISCONNECTED: 'this computer is offline',
  ERR_ADDRESS_UNREACHABLE: 'the address is unreachable',
  ERR_NETWORK_CHANGED: 'the network changed',
};

interface Clue {
  codes: string[];
  netCodes: string[];
  names: string[];
  /** A TLS refusal of ours that explains itself (pin mismatch, refused leaf). */
  tlsRefusal: Error | null;
  /** An answer a transport refused to take (redirect, over the size cap). */
  answerRefusal: Error | null;
}

/** Collects codes, `net::ERR_*` names and error names along the cause chain. */
function gatherClues(error: unknown): Clue {
  const clue: Clue = { codes: [], netCodes: [], names: [], tlsRefusal: null, answerRefusal: null };
  const pending: unknown[] = [error];
  for (let visited = 0; pending.length > 0 && visited < 16; visited++) {
    const current = pending.shift();
    if (typeof current !== 'object' || current === null) continue;
    const record = current as {
      code?: unknown;
      message?: unknown;
      name?: unknown;
      cause?: unknown;
      errors?: unknown;
    };
    if (
      current instanceof CertificatePinMismatchError ||
      current instanceof CertificateRefusedError
    )
      clue.tlsRefusal ??= current;
    if (current instanceof RedirectRefusedError || current instanceof AnswerTooLargeError)
      clue.answerRefusal ??= current;
    if (typeof record.code === 'string') clue.codes.push(record.code);
    if (typeof record.name === 'string') clue.names.push(record.name);
    if (typeof record.message === 'string') {
      for (const match of record.message.matchAll(/net::(ERR_[A-Z0-9_]+)/g))
        if (match[1]) clue.netCodes.push(match[1]);
    }
    if (record.cause !== undefined) pending.push(record.cause);
    if (Array.isArray(record.errors)) pending.push(...(record.errors as unknown[]).slice(0, 4));
  }
  return clue;
}

function build(
  kind: GatewayErrorKind,
  context: FailureContext,
  message: string,
  cause: unknown,
): GatewayError {
  return new GatewayError({ kind, interfaceName: context.interfaceName, message, cause });
}

/** Classifies a failed fetch (or body read) as aborted, timeout, tls or transport. */
export function classifyTransportFailure(error: unknown, context: FailureContext): GatewayError {
  if (error instanceof GatewayError) return error;
  const name = context.interfaceName;
  if (context.callerAborted)
    return build('aborted', context, `The ${name} request was cancelled.`, error);
  if (context.timedOut)
    return build(
      'timeout',
      context,
      `The gateway did not answer ${name} within ${context.timeoutMs} ms.`,
      error,
    );
  const clue = gatherClues(error);
  if (clue.answerRefusal)
    return build('transport', context, `${clue.answerRefusal.message} (${name})`, error);
  if (clue.tlsRefusal) return build('tls', context, clue.tlsRefusal.message, error);
  const tlsCode = clue.codes.find(
    (code) => TLS_CODES.has(code) || code.startsWith('ERR_SSL_') || code.startsWith('ERR_TLS_'),
  );
  const netTls = clue.netCodes.find(
    (code) =>
      code.startsWith('ERR_CERT_') ||
      code.startsWith('ERR_SSL_') ||
      code === 'ERR_BAD_SSL_CLIENT_AUTH_CERT',
  );
  if (tlsCode !== undefined || netTls !== undefined) {
    return build(
      'tls',
      context,
      `The gateway's TLS certificate was not accepted (${tlsCode ?? netTls}). Check the gateway address, its CA certificate or the pinned fingerprint.`,
      error,
    );
  }
  const timeoutCode =
    clue.codes.find((code) => TIMEOUT_CODES.has(code)) ??
    clue.netCodes.find((code) => NET_TIMEOUT.has(code));
  const limitFired =
    clue.names.includes('TimeoutError') ||
    (timeoutCode !== undefined && REQUEST_LIMIT_CODES.has(timeoutCode));
  if (context.limitEnforcedByTransport === true && limitFired) {
    return build(
      'timeout',
      context,
      `The gateway did not answer ${name} within ${context.timeoutMs} ms.`,
      error,
    );
  }
  if (timeoutCode !== undefined || clue.names.includes('TimeoutError')) {
    return build(
      'timeout',
      context,
      `The gateway did not answer ${name} in time (${timeoutCode ?? 'timeout'}).`,
      error,
    );
  }
  if (clue.names.includes('AbortError') || clue.netCodes.includes('ERR_ABORTED')) {
    return build('aborted', context, `The ${name} request was cancelled.`, error);
  }
  const code =
    clue.codes.find((candidate) => TRANSPORT_PHRASES[candidate] !== undefined) ??
    clue.netCodes[0] ??
    clue.codes[0];
  const phrase =
    code !== undefined
      ? (TRANSPORT_PHRASES[code] ?? 'the connection failed')
      : 'the connection failed';
  return build(
    'transport',
    context,
    `Cannot reach the gateway for ${name}: ${phrase}${code !== undefined ? ` (${code})` : ''}.`,
    error,
  );
}
