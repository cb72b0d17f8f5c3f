/**
 * The broken values the hostile payloads are made of (fast-check arbitraries), and the shape of
 * a command's rules: one valid payload and, per field, what breaks it. Built from the contract's
 * rules written out independently — never from the schemas they check.
 */
import fc from 'fast-check';

export type Arbitrary = fc.Arbitrary<unknown>;

/** Keys that pollute or confuse objects when copied or merged carelessly. */
export const PROTOTYPE_KEYS = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'valueOf',
  'hasOwnProperty',
  '__defineGetter__',
  '__lookupGetter__',
];

export const HUGE = 'A'.repeat(1_000_000);
export const hugeString = fc.constantFrom(
  HUGE,
  '9'.repeat(100_000),
  '\u0000'.repeat(10_000),
  '😀'.repeat(50_000),
);
export const hostileText = fc.constantFrom(
  '',
  ' ',
  '<script>alert(1)</script>',
  "'; DROP TABLE agents; --",
  '../../etc/passwd',
  '%00',
  '\r\nSet-Cookie: x=1',
  'null',
  'undefined',
  '{"__proto__":{"polluted":true}}',
  '\u202e\u0000\uffff',
);
/** Deeply nested junk: arrays and objects hundreds of levels deep. */
export const deepJunk: Arbitrary = fc.integer({ min: 50, max: 800 }).map((depth) => {
  let value: unknown = { polluted: true };
  for (let level = 0; level < depth; level++) value = level % 2 === 0 ? [value] : { nested: value };
  return value;
});
/** Values that are not the primitive type a field wants. */
export const nonPrimitive: Arbitrary = fc.oneof(
  fc.array(fc.anything(), { maxLength: 5 }),
  fc.object({ maxDepth: 3 }),
  deepJunk,
  fc.constant(null),
);
/** Anything structured clone can carry (what an IPC payload can be), except undefined. */
export const anyValue: Arbitrary = fc
  .oneof(fc.anything({ maxDepth: 3 }), hugeString, hostileText, deepJunk, fc.bigInt())
  .filter((value) => value !== undefined);

export const notString: Arbitrary = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.bigInt(),
  nonPrimitive,
);
export const notBoolean: Arbitrary = fc.oneof(
  fc.integer(),
  fc.string(),
  fc.constantFrom('true', 'false', 0, 1),
  nonPrimitive,
);
export const notNumber: Arbitrary = fc.oneof(
  fc.string(),
  fc.boolean(),
  fc.bigInt(),
  nonPrimitive,
  fc.constantFrom('1', '1e3'),
);

export const validWorkNo = (value: string): boolean =>
  /^[1-9][0-9]{2,5}$/.test(value) && Number(value) >= 101 && Number(value) <= 999_999;
/** Agent ids that are wrong: out of range, not digits, padded, other digit scripts, huge. */
export const badWorkNo: Arbitrary = fc.oneof(
  fc.constantFrom(
    '0',
    '100',
    '1000000',
    '9999999',
    '-101',
    '0101',
    ' 101',
    '101 ',
    '101\n',
    '１０１',
    '١٠١',
    '1e3',
    '101.0',
    '0x65',
    '',
    HUGE,
  ),
  fc.string({ maxLength: 12 }).filter((value) => !validWorkNo(value)),
  fc.integer({ min: 101, max: 999_999 }),
  notString,
);
export const badSkillId: Arbitrary = fc.oneof(
  fc.constantFrom(
    -1,
    2_147_483_648,
    1.5,
    Number.NaN,
    Number.POSITIVE_INFINITY,
    -0.5,
    Number.MAX_SAFE_INTEGER + 2,
  ),
  fc.integer({ max: -1 }),
  fc.double().filter((value) => !Number.isInteger(value)),
  notNumber,
);
export const badCallId: Arbitrary = fc.oneof(
  fc.constantFrom(
    '',
    '../x',
    'a/b',
    'a b',
    'a\nb',
    'x'.repeat(65),
    '%2e%2e',
    '?q=1',
    '#frag',
    HUGE,
  ),
  fc.string().filter((value) => !/^[A-Za-z0-9._~@:-]{1,64}$/.test(value)),
  notString,
);
export const badUrl: Arbitrary = fc.oneof(
  fc.constantFrom(
    '',
    'gateway',
    'ftp://x',
    'javascript:alert(1)',
    'file:///etc/passwd',
    'data:text/html,<b>x</b>',
    `https://${'a'.repeat(2100)}.example`,
    'ws://x',
  ),
  notString,
);
export const badPhone: Arbitrary = fc.oneof(
  fc.constantFrom('', '1'.repeat(25), '12 34', '12-34', 'abc', '+1;2', '\u0661\u0662'),
  notString,
);
export const badPassword: Arbitrary = fc.oneof(
  fc.constantFrom('', 'p'.repeat(33), HUGE),
  notString,
);
export const badSource: Arbitrary = fc.oneof(
  fc.constantFrom('cli', 'system', 'WINDOW', '', 'tray '),
  fc.string().filter((value) => !['window', 'tray', 'hotkey'].includes(value)),
  notString,
);
export const badEnum = (allowed: readonly string[]): Arbitrary =>
  fc.oneof(
    fc.string().filter((value) => !allowed.includes(value)),
    fc.constantFrom(
      ...allowed.map((value) => value.toUpperCase()).filter((value) => !allowed.includes(value)),
    ),
    notString,
  );
export const badLimit: Arbitrary = fc.oneof(
  fc.constantFrom(0, -1, 10_001, 1.5, Number.NaN),
  fc.integer({ min: 10_001 }),
  notNumber,
);
export const badAccelerator: Arbitrary = fc.oneof(
  fc.constantFrom('', 'K'.repeat(65), HUGE),
  fc.integer(),
  fc.boolean(),
  fc.array(fc.string()),
  fc.object({ maxDepth: 1 }),
);
export const badSkillIds: Arbitrary = fc.oneof(
  fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 1001, maxLength: 1100 }),
  fc
    .tuple(fc.array(fc.integer({ min: 0, max: 1000 }), { maxLength: 5 }), badSkillId)
    .map(([ids, bad]) => [...ids, bad]),
  notNumber.filter((value) => !Array.isArray(value)),
);
export const badThreshold: Arbitrary = fc.oneof(
  fc.constantFrom(0, 4, 86_401, 10.5, -10, Number.NaN),
  notNumber,
);
export const badPin: Arbitrary = fc.oneof(
  fc.constantFrom('', 'zz'.repeat(32), 'ab'.repeat(31), 'ab'.repeat(33)),
  fc.integer(),
  fc.boolean(),
  fc.array(fc.string()),
);
export const badCaPem: Arbitrary = fc.oneof(
  fc.constant('P'.repeat(65_537)),
  fc.integer(),
  fc.boolean(),
  fc.array(fc.string()),
);

export const notFlag: Arbitrary = notBoolean.filter((value) => value !== null);
export const badAnswerMiB: Arbitrary = fc.oneof(
  fc.constantFrom(0, 257, 1.5, -1, Number.NaN, '8'),
  fc.integer({ min: 257 }),
);

export interface FieldRule {
  /** Invalid values for the field. */
  bad: Arbitrary;
  /** Whether leaving the field out is invalid too. */
  required: boolean;
}

export interface CommandRules {
  valid: Record<string, unknown>;
  fields: Record<string, FieldRule>;
}

/** Main records where an action came from: any `source` the renderer sends is refused. */
export const source: FieldRule = {
  bad: fc.oneof(fc.constantFrom('window', 'tray', 'hotkey', 'cli'), badSource),
  required: false,
};
export const onAgent: CommandRules = {
  valid: { workNo: '1001' },
  fields: { workNo: { bad: badWorkNo, required: true }, source },
};
export const onCurrent: CommandRules = { valid: {}, fields: { source } };
export const emptyRules: CommandRules = { valid: {}, fields: {} };
