import { describe, expect, it } from 'vitest';
import { RETCODE_TABLE } from './gateway-retcode-table';
import { RETCODES, describeRetcode, isKnownRetcode, retcodeClass } from './gateway-retcodes';

const CLASSES = ['refusal', 'retry-later', 'session-lost', 'fatal-sign-in'];
const range = (prefix: string, from: number, to: number): string[] =>
  Array.from({ length: to - from + 1 }, (_, i) => `${prefix}-${String(from + i).padStart(3, '0')}`);

describe('the retcode table', () => {
  it.each(Object.entries(RETCODES))(
    '%s has a class and an English and a Chinese text',
    (code, info) => {
      expect(code).toMatch(/^\d{3}-\d{3}$/);
      expect(CLASSES).toContain(info.class);
      expect(info.en.trim().length).toBeGreaterThan(8);
      expect(info.en).toMatch(/[.:]$/);
      expect(info.zh).toMatch(/[\u4e00-\u9fff]/);
      expect(info.zh).toMatch(/[。：]$/);
      expect(info.retryable).toBe(info.class === 'retry-later');
      expect(info.needsSignIn).toBe(info.class === 'session-lost');
    },
  );

  // cec_07_0580 (en and zh): the codes the page lists, all present.
  it.each([...range('000', 1, 7), ...range('100', 1, 21), ...range('105', 1, 7), '110-016'])(
    'lists %s from the error-code page',
    (code) => {
      expect(isKnownRetcode(code)).toBe(true);
    },
  );

  // Families the page names, meanings from Huawei's demo ResultCode table.
  it.each([
    ...range('200', 1, 18),
    ...range('900', 1, 5),
    ...range('300', 1, 4),
    ...range('600', 1, 5),
  ])('lists %s', (code) => expect(isKnownRetcode(code)).toBe(true));

  it.each([
    // cec_07_0580: 105-002…004 are not session loss; 105-005…007 ask for a new sign-in.
    ['105-002', 'retry-later'],
    ['105-003', 'retry-later'],
    ['105-004', 'retry-later'],
    ['105-005', 'session-lost'],
    ['105-006', 'session-lost'],
    ['105-007', 'session-lost'],
    // cec_07_0580: sign-in refusals no retry can fix.
    ['100-011', 'fatal-sign-in'],
    ['100-013', 'fatal-sign-in'],
    ['100-014', 'fatal-sign-in'],
    ['100-015', 'fatal-sign-in'],
    ['100-018', 'fatal-sign-in'],
    ['100-020', 'fatal-sign-in'],
    ['110-016', 'fatal-sign-in'],
    ['100-006', 'session-lost'],
    ['000-003', 'session-lost'],
    ['000-004', 'retry-later'],
    ['000-007', 'retry-later'],
    ['100-021', 'retry-later'],
    ['900-001', 'retry-later'],
    ['900-005', 'refusal'],
    ['000-005', 'refusal'],
  ])('%s is %s', (code, expected) => {
    expect(retcodeClass(code)).toBe(expected);
  });

  it('gives an unlisted code a refusal with a generic text naming it', () => {
    expect(describeRetcode('105-009')).toMatchObject({ class: 'refusal' });
    expect(describeRetcode('777-001').en).toContain('777-001');
    expect(describeRetcode('777-001').zh).toContain('777-001');
  });

  it('keeps table rows and the derived view in step', () => {
    expect(Object.keys(RETCODES).sort()).toEqual(Object.keys(RETCODE_TABLE).sort());
  });
});
