/**
 * fast-check generators of IPC payloads that are invalid *by construction* for each contract
 * command: a valid payload with one thing broken (a field of the wrong type or out of range, a
 * required field missing, an unknown or prototype-polluting key, deep junk), or no object at
 * all. The generators never ask the schemas what is valid — they encode the contract's rules
 * independently, so the test checks the schemas instead of trusting them.
 */
import fc from 'fast-check';
import type { CommandName } from '../../src/shared/ipc/contract';

type Arbitrary = fc.Arbitrary<unknown>;

/** Keys that pollute or confuse objects when copied or merged carelessly. */
const PROTOTYPE_KEYS = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'valueOf',
  'hasOwnProperty',
  '__defineGetter__',
  '__lookupGetter__',
];

const HUGE = 'A'.repeat(1_000_000);
const hugeString = fc.constantFrom(
  HUGE,
  '9'.repeat(100_000),
  '\u0000'.repeat(10_000),
  '😀'.repeat(50_000),
);
const hostileText = fc.constantFrom(
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
const deepJunk: Arbitrary = fc.integer({ min: 50, max: 800 }).map((depth) => {
  let value: unknown = { polluted: true };
  for (let level = 0; level < depth; level++) value = level % 2 === 0 ? [value] : { nested: value };
  return value;
});
/** Values that are not the primitive type a field wants. */
const nonPrimitive: Arbitrary = fc.oneof(
  fc.array(fc.anything(), { maxLength: 5 }),
  fc.object({ maxDepth: 3 }),
  deepJunk,
  fc.constant(null),
);
/** Anything structured clone can carry (what an IPC payload can be), except undefined. */
const anyValue: Arbitrary = fc
  .oneof(fc.anything({ maxDepth: 3 }), hugeString, hostileText, deepJunk, fc.bigInt())
  .filter((value) => value !== undefined);

const notString: Arbitrary = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.bigInt(),
  nonPrimitive,
);
const notBoolean: Arbitrary = fc.oneof(
  fc.integer(),
  fc.string(),
  fc.constantFrom('true', 'false', 0, 1),
  nonPrimitive,
);
const notNumber: Arbitrary = fc.oneof(
  fc.string(),
  fc.boolean(),
  fc.bigInt(),
  nonPrimitive,
  fc.constantFrom('1', '1e3'),
);

const validWorkNo = (value: string): boolean =>
  /^[1-9][0-9]{2,5}$/.test(value) && Number(value) >= 101 && Number(value) <= 999_999;
/** Agent ids that are wrong: out of range, not digits, padded, other digit scripts, huge. */
const badWorkNo: Arbitrary = fc.oneof(
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
const badSkillId: Arbitrary = fc.oneof(
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
const badCallId: Arbitrary = fc.oneof(
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
const badUrl: Arbitrary = fc.oneof(
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
const badPhone: Arbitrary = fc.oneof(
  fc.constantFrom('', '1'.repeat(25), '12 34', '12-34', 'abc', '+1;2', '\u0661\u0662'),
  notString,
);
const badPassword: Arbitrary = fc.oneof(fc.constantFrom('', 'p'.repeat(33), HUGE), notString);
const badSource: Arbitrary = fc.oneof(
  fc.constantFrom('cli', 'system', 'WINDOW', '', 'tray '),
  fc.string().filter((value) => !['window', 'tray', 'hotkey'].includes(value)),
  notString,
);
const badEnum = (allowed: readonly string[]): Arbitrary =>
  fc.oneof(
    fc.string().filter((value) => !allowed.includes(value)),
    fc.constantFrom(
      ...allowed.map((value) => value.toUpperCase()).filter((value) => !allowed.includes(value)),
    ),
    notString,
  );
const badLimit: Arbitrary = fc.oneof(
  fc.constantFrom(0, -1, 10_001, 1.5, Number.NaN),
  fc.integer({ min: 10_001 }),
  notNumber,
);
const badAccelerator: Arbitrary = fc.oneof(
  fc.constantFrom('', 'K'.repeat(65), HUGE),
  fc.integer(),
  fc.boolean(),
  fc.array(fc.string()),
  fc.object({ maxDepth: 1 }),
);
const badSkillIds: Arbitrary = fc.oneof(
  fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 1001, maxLength: 1100 }),
  fc
    .tuple(fc.array(fc.integer({ min: 0, max: 1000 }), { maxLength: 5 }), badSkillId)
    .map(([ids, bad]) => [...ids, bad]),
  notNumber.filter((value) => !Array.isArray(value)),
);
const badThreshold: Arbitrary = fc.oneof(
  fc.constantFrom(0, 4, 86_401, 10.5, -10, Number.NaN),
  notNumber,
);
const badPin: Arbitrary = fc.oneof(
  fc.constantFrom('', 'zz'.repeat(32), 'ab'.repeat(31), 'ab'.repeat(33)),
  fc.integer(),
  fc.boolean(),
  fc.array(fc.string()),
);
const badCaPem: Arbitrary = fc.oneof(
  fc.constant('P'.repeat(65_537)),
  fc.integer(),
  fc.boolean(),
  fc.array(fc.string()),
);

const notFlag: Arbitrary = notBoolean.filter((value) => value !== null);
const badAnswerMiB: Arbitrary = fc.oneof(
  fc.constantFrom(0, 257, 1.5, -1, Number.NaN, '8'),
  fc.integer({ min: 257 }),
);

interface FieldRule {
  /** Invalid values for the field. */
  bad: Arbitrary;
  /** Whether leaving the field out is invalid too. */
  required: boolean;
}

interface CommandRules {
  valid: Record<string, unknown>;
  fields: Record<string, FieldRule>;
}

/** Main records where an action came from: any `source` the renderer sends is refused. */
const source: FieldRule = {
  bad: fc.oneof(fc.constantFrom('window', 'tray', 'hotkey', 'cli'), badSource),
  required: false,
};
const onAgent: CommandRules = {
  valid: { workNo: '1001' },
  fields: { workNo: { bad: badWorkNo, required: true }, source },
};
const onCurrent: CommandRules = { valid: {}, fields: { source } };
const emptyRules: CommandRules = { valid: {}, fields: {} };

/** Each command: one valid payload and, per field, what breaks it. */
export const COMMAND_RULES: Record<CommandName, CommandRules> = {
  'app.getSnapshot': emptyRules,
  'app.getStatus': emptyRules,
  'app.openLogsFolder': emptyRules,
  'session.signIn': {
    valid: {
      gatewayUrl: 'https://gw.example:8043',
      inspectorId: '291',
      phoneNumber: '70001',
      password: 'Pw-1',
      remember: true,
    },
    fields: {
      gatewayUrl: { bad: badUrl, required: true },
      inspectorId: { bad: badWorkNo, required: true },
      phoneNumber: { bad: badPhone, required: true },
      password: { bad: badPassword, required: false },
      remember: { bad: notBoolean, required: true },
    },
  },
  'session.signOut': {
    valid: { forgetPassword: false },
    fields: { forgetPassword: { bad: notBoolean, required: true } },
  },
  'session.startDemo': emptyRules,
  'agents.select': {
    valid: { workNo: '1001' },
    fields: { workNo: { bad: badWorkNo.filter((value) => value !== null), required: true } },
  },
  'inspection.listen': onAgent,
  'inspection.barge': onAgent,
  'inspection.whisper': onAgent,
  'inspection.switch': onCurrent,
  'inspection.switchTo': {
    valid: { mode: 'insert' },
    fields: { mode: { bad: badEnum(['listen', 'insert', 'whisper']), required: true }, source },
  },
  'inspection.intercept': onCurrent,
  'inspection.cancel': onCurrent,
  'agents.forceBusy': onAgent,
  'agents.forceIdle': onAgent,
  'agents.forceSignOut': onAgent,
  'queues.watch': {
    valid: { skillIds: [1, 2] },
    fields: { skillIds: { bad: badSkillIds, required: true } },
  },
  'queues.requestCall': {
    valid: { callId: '1700000001-77', skillId: 3 },
    fields: {
      callId: { bad: badCallId, required: true },
      skillId: { bad: badSkillId, required: true },
      source,
    },
  },
  'settings.update': {
    valid: {
      language: 'zh-CN',
      gateway: { url: 'https://gw.example:8043' },
      alerts: { longCallSeconds: 600 },
    },
    fields: {
      language: { bad: badEnum(['en', 'zh-CN']), required: false },
      theme: { bad: badEnum(['system', 'light', 'dark']), required: false },
      demoMode: { bad: notBoolean.filter((value) => value !== null), required: false },
      confirmDestructive: { bad: notBoolean.filter((value) => value !== null), required: false },
      // In settings an empty string clears the field, so '' is valid there.
      'gateway.url': { bad: badUrl.filter((value) => value !== ''), required: false },
      'gateway.inspectorId': { bad: badWorkNo.filter((value) => value !== ''), required: false },
      'gateway.phoneNumber': { bad: badPhone.filter((value) => value !== ''), required: false },
      'gateway.pinSha256': { bad: badPin, required: false },
      'gateway.caPem': { bad: badCaPem, required: false },
      'gateway.allowInsecureHttp': { bad: notFlag, required: false },
      'gateway.maxAnswerMiB': { bad: badAnswerMiB, required: false },
      'alerts.longCallSeconds': { bad: badThreshold, required: false },
      'alerts.longQueueWaitSeconds': { bad: badThreshold, required: false },
      gateway: {
        bad: fc.oneof(
          notString.filter(
            (value) => value === null || typeof value !== 'object' || Array.isArray(value),
          ),
          fc.constant([]),
        ),
        required: false,
      },
    },
  },
  'hotkeys.set': {
    valid: { action: 'barge', accelerator: 'CommandOrControl+Shift+B' },
    fields: {
      action: {
        bad: badEnum(['listen', 'barge', 'whisper', 'switch', 'intercept', 'cancel']),
        required: true,
      },
      accelerator: { bad: badAccelerator, required: true },
    },
  },
  'journal.list': { valid: { limit: 100 }, fields: { limit: { bad: badLimit, required: true } } },
  'journal.export': {
    valid: { format: 'csv' },
    fields: { format: { bad: badEnum(['csv', 'json']), required: true } },
  },
  'stats.getSnapshot': emptyRules,
  'stats.history': {
    valid: { skillId: 3, sinceMs: 60_000 },
    fields: {
      skillId: { bad: badSkillId.filter((value) => value !== null), required: true },
      sinceMs: {
        bad: fc.oneof(
          fc.constantFrom(-1, 1.5, 12 * 3_600_000 + 1, Number.NaN),
          notNumber.filter((value) => value !== undefined),
        ),
        required: false,
      },
    },
  },
  'stats.exportCsv': emptyRules,
  'wallboard.open': emptyRules,
};

/** A deep copy of `base` with `path` (dot-separated) set to `value`. */
function withField(
  base: Record<string, unknown>,
  path: string,
  value: unknown,
): Record<string, unknown> {
  const copy = structuredClone(base);
  const keys = path.split('.');
  let target: Record<string, unknown> = copy;
  for (const key of keys.slice(0, -1)) {
    const next = target[key];
    target[key] = typeof next === 'object' && next !== null ? next : {};
    target = target[key] as Record<string, unknown>;
  }
  target[keys[keys.length - 1] as string] = value;
  return copy;
}

/** `base` plus an own property `key` (JSON.parse makes even `__proto__` an own key). */
function withExtraKey(
  base: Record<string, unknown>,
  key: string,
  value: unknown,
): Record<string, unknown> {
  const own = JSON.parse(`{${JSON.stringify(key)}: null}`) as Record<string, unknown>;
  Object.defineProperty(own, key, { value, enumerable: true, writable: true, configurable: true });
  return Object.assign(Object.create(null) as Record<string, unknown>, structuredClone(base), own);
}

/** Every way this command's payload is broken, one arbitrary. */
export function hostilePayloads(name: CommandName): Arbitrary {
  const rules = COMMAND_RULES[name];
  const knownKeys = new Set([
    ...Object.keys(rules.valid),
    ...Object.keys(rules.fields).map((path) => path.split('.')[0] as string),
  ]);
  const notAnObject = fc.oneof(
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.string(),
    fc.bigInt(),
    fc.array(anyValue, { maxLength: 4 }),
    hugeString,
    deepJunk.map((value) => [value]),
  );
  const unknownKey = fc
    .oneof(fc.constantFrom(...PROTOTYPE_KEYS), fc.string({ minLength: 1, maxLength: 20 }))
    .filter((key) => !knownKeys.has(key));
  const extraKey = fc
    .tuple(unknownKey, anyValue)
    .map(([key, value]) => withExtraKey(rules.valid, key, value));
  const validText = JSON.stringify(rules.valid).slice(1, -1);
  const pollutingProto = fc
    .constant(null)
    .map(
      () =>
        JSON.parse(
          `{"__proto__": {"polluted": "yes"}${validText ? `, ${validText}` : ''}}`,
        ) as unknown,
    );
  const choices: Arbitrary[] = [notAnObject, extraKey, pollutingProto];
  for (const [path, rule] of Object.entries(rules.fields)) {
    choices.push(rule.bad.map((value) => withField(rules.valid, path, value)));
    if (rule.required && !path.includes('.')) {
      choices.push(
        fc.constant(null).map(() => {
          const copy = structuredClone(rules.valid);
          delete copy[path];
          return copy;
        }),
      );
    }
  }
  return fc.oneof(...choices);
}
