import { describe, expect, it } from 'vitest';
import {
  normaliseBaseUrl,
  validateCallId,
  validatePassword,
  validatePhoneNumber,
  validateSkillId,
  validateTimeoutMs,
  validateWorkNo,
} from './gateway-validators';
import { failureOf } from '../../../../test/support/gateway/gateway-error-capture';

describe('validateWorkNo', () => {
  it.each(['101', '291', '59999', '999999'])('accepts %s', (value) => {
    expect(validateWorkNo(value)).toBe(value);
  });

  it.each([
    ['100', 'below the range'],
    ['1000000', 'seven digits'],
    ['0101', 'leading zero'],
    ['12a', 'letters'],
    [' 291', 'whitespace'],
    ['29 1', 'inner whitespace'],
    ['', 'empty'],
    ['291\r\n', 'CR/LF'],
    ['-291', 'sign'],
  ])('refuses %j (%s)', (value) => {
    const error = failureOf(() => validateWorkNo(value, 'target agent', 'addSupervise'));
    expect(error.kind).toBe('invalid-argument');
    expect(error.interfaceName).toBe('addSupervise');
    expect(error.message).toContain('target agent');
  });

  it.each([[291], [null], [undefined], [{}], [['291']]])('refuses the non-string %j', (value) => {
    expect(failureOf(() => validateWorkNo(value)).message).toMatch(/expected a digit string/);
  });
});

describe('validateSkillId', () => {
  it.each([0, 1, 2_147_483_647, Number.MAX_SAFE_INTEGER])('accepts %d', (value) => {
    expect(validateSkillId(value)).toBe(value);
  });
  it.each([-1, 1.5, Number.NaN, Infinity, '1', null])('refuses %j', (value) => {
    expect(failureOf(() => validateSkillId(value)).kind).toBe('invalid-argument');
  });
});

describe('validateCallId', () => {
  it.each(['1471585949806-123', 'abc.DEF_~@:-', 'x'.repeat(64)])('accepts %s', (value) => {
    expect(validateCallId(value)).toBe(value);
  });
  it.each([
    ['', /empty/],
    ['x'.repeat(65), /longer than 64/],
    ['a/b', /not allowed in a path/],
    ['a\\b', /not allowed in a path/],
    ['a b', /whitespace/],
    ['a\tb', /whitespace/],
    ['a\r\nGuid: x', /whitespace/],
    ['..', /"\.\."/],
    ['a..b', /"\.\."/],
    ['a?b=1', /not allowed/],
    ['a#b', /not allowed/],
    ['a%2Fb', /not allowed/],
    ['呼叫', /non-ASCII/],
  ])('refuses %j', (value, reason) => {
    expect(failureOf(() => validateCallId(value)).message).toMatch(reason);
  });
});

describe('validatePassword and validatePhoneNumber', () => {
  it('accepts an empty or 32-character password and refuses longer or control characters', () => {
    expect(validatePassword('')).toBe('');
    expect(validatePassword('p'.repeat(32))).toBe('p'.repeat(32));
    expect(failureOf(() => validatePassword('p'.repeat(33))).message).toMatch(/longer than 32/);
    expect(failureOf(() => validatePassword('pa\nss')).message).toMatch(/control/);
    expect(failureOf(() => validatePassword(42)).message).toMatch(/expected text/);
  });

  it('never echoes the password in the error', () => {
    const secret = 'S3cret!'.repeat(6);
    expect(failureOf(() => validatePassword(secret)).message).not.toContain('S3cret');
  });

  it('accepts phone numbers of digits, * # + up to 24 characters', () => {
    expect(validatePhoneNumber('+86*1234#')).toBe('+86*1234#');
    expect(validatePhoneNumber('1'.repeat(24))).toBe('1'.repeat(24));
    for (const bad of ['', '1'.repeat(25), '123-456', '12 34', '12\r\n']) {
      expect(failureOf(() => validatePhoneNumber(bad)).kind).toBe('invalid-argument');
    }
  });
});

describe('validateTimeoutMs', () => {
  it('accepts positive values up to an hour', () => {
    expect(validateTimeoutMs(1, 't')).toBe(1);
    expect(validateTimeoutMs(3_600_000, 't')).toBe(3_600_000);
  });
  it.each([0, -5, Number.NaN, 3_600_001, '10'])('refuses %j', (value) => {
    expect(failureOf(() => validateTimeoutMs(value, 'pollTimeoutMs')).message).toContain(
      'pollTimeoutMs',
    );
  });
});

describe('normaliseBaseUrl', () => {
  it.each([
    ['https://gw.example:8043', 'https://gw.example:8043/agentgateway/resource/'],
    ['https://gw.example:8043/', 'https://gw.example:8043/agentgateway/resource/'],
    [
      'https://gw.example:8043/agentgateway/resource',
      'https://gw.example:8043/agentgateway/resource/',
    ],
    [
      'https://gw.example:8043/agentgateway/resource/',
      'https://gw.example:8043/agentgateway/resource/',
    ],
    ['  http://10.0.0.5:8000  ', 'http://10.0.0.5:8000/agentgateway/resource/'],
    ['https://proxy.example/cc/', 'https://proxy.example/cc/agentgateway/resource/'],
    ['HTTPS://GW.EXAMPLE:8043', 'https://gw.example:8043/agentgateway/resource/'],
  ])('%s → %s', (input, expected) => {
    expect(normaliseBaseUrl(input)).toBe(expected);
  });

  it.each([
    ['', /expected an http/],
    ['gw.example:8043', /only http and https|not a URL/],
    ['ftp://gw.example', /only http and https/],
    ['https://user:pw@gw.example', /user name or password/],
    ['https://gw.example/?x=1', /query or fragment/],
    [42, /expected an http/],
  ])('refuses %j', (input, reason) => {
    expect(failureOf(() => normaliseBaseUrl(input)).message).toMatch(reason);
  });
});
