import { describe, expect, it } from 'vitest';
import { parseSetGuid, sanitiseHeaderValue } from './header-values';

describe('sanitiseHeaderValue', () => {
  it('returns clean values unchanged (same string)', () => {
    const value = 'abc-123.AgentGateway0';
    expect(sanitiseHeaderValue(value)).toBe(value);
  });

  it('removes CR, LF, NUL, TAB and DEL', () => {
    expect(sanitiseHeaderValue('a\r\nInjected: yes\u0000\t\u007fb')).toBe('aInjected: yesb');
  });
});

describe('parseSetGuid', () => {
  it('takes the part after JSESSIONID=', () => {
    expect(parseSetGuid('JSESSIONID=7d3b1c2e-1111-2222-3333-444455556666.AgentGateway0')).toBe(
      '7d3b1c2e-1111-2222-3333-444455556666.AgentGateway0',
    );
  });

  it('ignores attributes, case of the prefix and surrounding whitespace', () => {
    expect(parseSetGuid('  jsessionid=abc.AgentGateway1; Path=/; HttpOnly ')).toBe(
      'abc.AgentGateway1',
    );
  });

  it('accepts a bare GUID without the prefix', () => {
    expect(parseSetGuid('abc-def')).toBe('abc-def');
  });

  it('drops characters that could split or confuse a header', () => {
    expect(parseSetGuid('JSESSIONID=ab\r\nc:d=e f"g')).toBe('abcdefg');
  });

  it('returns null for absent, empty or absurdly long values', () => {
    expect(parseSetGuid(null)).toBeNull();
    expect(parseSetGuid('')).toBeNull();
    expect(parseSetGuid('JSESSIONID=')).toBeNull();
    expect(parseSetGuid(`JSESSIONID=${'a'.repeat(600)}`)).toBeNull();
  });
});
