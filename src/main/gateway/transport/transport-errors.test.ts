import { describe, expect, it } from 'vitest';
import { CertificatePinMismatchError } from './certificate-pin';
import { GatewayError } from '../gateway-error';
import { classifyTransportFailure, type FailureContext } from './transport-errors';

const CONTEXT: FailureContext = {
  interfaceName: 'addInsert',
  timedOut: false,
  callerAborted: false,
  timeoutMs: 10_000,
};

function withCode(code: string, message = 'boom'): Error {
  return Object.assign(new Error(message), { code });
}

/** Node's fetch wraps the real reason: TypeError('fetch failed', { cause }). */
function fetchFailed(cause: unknown): TypeError {
  return new TypeError('fetch failed', { cause });
}

describe('classifyTransportFailure', () => {
  it.each([
    'ECONNREFUSED',
    'ECONNRESET',
    'ENOTFOUND',
    'EAI_AGAIN',
    'EHOSTUNREACH',
    'UND_ERR_SOCKET',
    'UND_ERR_CLOSED',
    'EPIPE',
  ])('%s (direct or as fetch cause) is transport', (code) => {
    for (const error of [withCode(code), fetchFailed(withCode(code))]) {
      const failure = classifyTransportFailure(error, CONTEXT);
      expect(failure.kind).toBe('transport');
      expect(failure.message).toContain(code);
      expect(failure.retryable).toBe(true);
    }
  });

  it('finds the code inside an AggregateError (happy-eyeballs connect)', () => {
    const aggregate = Object.assign(
      new AggregateError([withCode('ECONNREFUSED'), withCode('ECONNREFUSED')]),
      {},
    );
    expect(classifyTransportFailure(fetchFailed(aggregate), CONTEXT).kind).toBe('transport');
    expect(classifyTransportFailure(fetchFailed(aggregate), CONTEXT).message).toContain(
      'ECONNREFUSED',
    );
  });

  it.each([
    'UND_ERR_CONNECT_TIMEOUT',
    'UND_ERR_HEADERS_TIMEOUT',
    'UND_ERR_BODY_TIMEOUT',
    'ETIMEDOUT',
  ])('%s is timeout', (code) => {
    expect(classifyTransportFailure(fetchFailed(withCode(code)), CONTEXT).kind).toBe('timeout');
  });

  it('a TimeoutError (AbortSignal.timeout) is timeout', () => {
    const error = new DOMException('The operation was aborted due to timeout', 'TimeoutError');
    expect(classifyTransportFailure(error, CONTEXT).kind).toBe('timeout');
  });

  it.each([
    'DEPTH_ZERO_SELF_SIGNED_CERT',
    'SELF_SIGNED_CERT_IN_CHAIN',
    'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
    'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
    'CERT_HAS_EXPIRED',
    'ERR_TLS_CERT_ALTNAME_INVALID',
    'ERR_SSL_WRONG_VERSION_NUMBER',
    'EPROTO',
  ])('%s is tls and not retryable', (code) => {
    const failure = classifyTransportFailure(fetchFailed(withCode(code)), CONTEXT);
    expect(failure.kind).toBe('tls');
    expect(failure.message).toContain(code);
    expect(failure.retryable).toBe(false);
  });

  it('a pin mismatch is tls and shows both fingerprints', () => {
    const mismatch = new CertificatePinMismatchError('aa'.repeat(32), 'bb'.repeat(32));
    const failure = classifyTransportFailure(fetchFailed(mismatch), CONTEXT);
    expect(failure.kind).toBe('tls');
    expect(failure.message).toContain(`expected SHA-256 ${Array(32).fill('AA').join(':')}`);
    expect(failure.message).toContain(Array(32).fill('BB').join(':'));
  });

  it.each([
    ['net::ERR_CERT_AUTHORITY_INVALID', 'tls'],
    ['net::ERR_CERT_COMMON_NAME_INVALID', 'tls'],
    ['net::ERR_CERT_DATE_INVALID', 'tls'],
    ['net::ERR_SSL_PROTOCOL_ERROR', 'tls'],
    ['net::ERR_CONNECTION_REFUSED', 'transport'],
    ['net::ERR_CONNECTION_RESET', 'transport'],
    ['net::ERR_NAME_NOT_RESOLVED', 'transport'],
    ['net::ERR_INTERNET_DISCONNECTED', 'transport'],
    ['net::ERR_EMPTY_RESPONSE', 'transport'],
    ['net::ERR_TIMED_OUT', 'timeout'],
    ['net::ERR_CONNECTION_TIMED_OUT', 'timeout'],
    ['net::ERR_ABORTED', 'aborted'],
  ])('Electron net.fetch "%s" is %s', (message, kind) => {
    expect(classifyTransportFailure(new Error(message), CONTEXT).kind).toBe(kind);
  });

  it('the caller abort and the client time limit win over the transport error', () => {
    const error = new DOMException('This operation was aborted', 'AbortError');
    expect(classifyTransportFailure(error, { ...CONTEXT, callerAborted: true }).kind).toBe(
      'aborted',
    );
    const timeout = classifyTransportFailure(error, {
      ...CONTEXT,
      timedOut: true,
      timeoutMs: 1234,
    });
    expect(timeout.kind).toBe('timeout');
    expect(timeout.message).toContain('1234 ms');
    expect(classifyTransportFailure(error, CONTEXT).kind).toBe('aborted');
  });

  it('passes GatewayErrors through and falls back to transport for the unknown', () => {
    const original = new GatewayError({ kind: 'malformed', interfaceName: 'x' });
    expect(classifyTransportFailure(original, CONTEXT)).toBe(original);
    const unknown = classifyTransportFailure('weird', CONTEXT);
    expect(unknown.kind).toBe('transport');
    expect(unknown.interfaceName).toBe('addInsert');
    expect(unknown.cause).toBe('weird');
  });

  it('survives a cyclic cause chain', () => {
    const a: Error & { cause?: unknown } = new Error('a');
    const b: Error & { cause?: unknown } = new Error('b', { cause: a });
    a.cause = b;
    expect(classifyTransportFailure(a, CONTEXT).kind).toBe('transport');
  });
});
