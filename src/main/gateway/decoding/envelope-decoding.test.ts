import { describe, expect, it } from 'vitest';
import { decodeSuccessEnvelope, parseEnvelope } from './envelope-decoding';
import { failureOf } from '../../../../test/support/gateway/gateway-error-capture';

describe('parseEnvelope', () => {
  it('reads retcode, message, result and event; tolerates extra keys and an absent result', () => {
    expect(
      parseEnvelope('{"message":"","retcode":"0","result":{"a":1},"extra":true}', 'x'),
    ).toEqual({
      retcode: '0',
      message: '',
      result: { a: 1 },
      event: undefined,
    });
    const empty = parseEnvelope('{"message":"","retcode":"0"}', 'getAgentEvent');
    expect(empty.result).toBeUndefined();
    expect(empty.event).toBeUndefined();
    expect(parseEnvelope('{"retcode":"0","message":null}', 'x').message).toBe('');
  });

  it.each([
    ['', /body is empty/],
    ['   ', /body is empty/],
    ['<html>Bad gateway</html>', /not JSON/],
    ['[1,2]', /not a JSON object/],
    ['"0"', /not a JSON object/],
    ['null', /not a JSON object/],
    ['{"message":"","result":{}}', /retcode is missing/],
    ['{"retcode":0}', /retcode should be text but is a number/],
    ['{"retcode":null}', /retcode should be text but is null/],
    ['{"retcode":"0","message":42}', /message should be text/],
  ])('%j is malformed', (body, reason) => {
    const error = failureOf(() => parseEnvelope(body, 'queryAllAgentStatus'));
    expect(error.kind).toBe('malformed');
    expect(error.interfaceName).toBe('queryAllAgentStatus');
    expect(error.message).toMatch(reason);
    expect(error.retryable).toBe(true);
  });

  it('never quotes the body in the error', () => {
    const error = failureOf(() => parseEnvelope('{"guid":"SECRET-GUID", oops', 'x'));
    expect(error.message).not.toContain('SECRET');
  });
});

describe('decodeSuccessEnvelope', () => {
  it('turns a non-zero retcode into a retcode error with the documented messages and flags', () => {
    const error = failureOf(() =>
      decodeSuccessEnvelope('{"message":"not login","retcode":"100-006"}', 'addSupervise'),
    );
    expect(error).toMatchObject({
      kind: 'retcode',
      retcode: '100-006',
      interfaceName: 'addSupervise',
      needsSignIn: true,
      retryable: false,
    });
    expect(error.message).toMatch(/Not signed in/);
    expect(error.messageZh).toMatch(/未签入/);
  });

  it.each([
    ['900-005', false, false],
    ['000-007', true, false],
    ['000-003', false, true],
    ['105-002', true, false],
    ['105-006', false, true],
    ['105-009', false, false],
    ['900-001', true, false],
  ])('%s → retryable %s, needsSignIn %s', (code, retryable, needsSignIn) => {
    const error = failureOf(() => decodeSuccessEnvelope(`{"retcode":"${code}"}`, 'x'));
    expect(error.retryable).toBe(retryable);
    expect(error.needsSignIn).toBe(needsSignIn);
  });

  it('gives unknown codes a generic message in both languages', () => {
    const error = failureOf(() => decodeSuccessEnvelope('{"retcode":"777-001"}', 'x'));
    expect(error.message).toContain('777-001');
    expect(error.messageZh).toContain('777-001');
  });

  it('treats an empty retcode as malformed', () => {
    expect(failureOf(() => decodeSuccessEnvelope('{"retcode":""}', 'x')).kind).toBe('malformed');
  });

  it('returns the envelope on "0"', () => {
    expect(decodeSuccessEnvelope('{"retcode":"0","result":[1]}', 'x').result).toEqual([1]);
  });
});
