/**
 * fast-check generators of IPC payloads that are invalid *by construction* for each contract
 * command: a valid payload with one thing broken (a field of the wrong type or out of range, a
 * required field missing, an unknown or prototype-polluting key, deep junk), or no object at
 * all. The generators never ask the schemas what is valid — they encode the contract's rules
 * independently, so the test checks the schemas instead of trusting them.
 */
import fc from 'fast-check';
import type { CommandName } from '../../src/shared/ipc/contract';
import type { Arbitrary, CommandRules } from './hostile-values';
import {
  anyValue,
  badAccelerator,
  badAnswerMiB,
  badCallId,
  badCaPem,
  badEnum,
  badLimit,
  badPassword,
  badPhone,
  badPin,
  badSkillId,
  badSkillIds,
  badThreshold,
  badUrl,
  badWorkNo,
  deepJunk,
  emptyRules,
  hugeString,
  notBoolean,
  notFlag,
  notNumber,
  notString,
  onAgent,
  onCurrent,
  PROTOTYPE_KEYS,
  source,
} from './hostile-values';
import { COACHING_RULES } from './hostile-payloads-coaching';

/** Not a whole number from `min` to `max`. */
const badBound = (min: number, max: number): Arbitrary =>
  fc.oneof(
    fc.constantFrom(min - 1, max + 1, min + 0.5, Number.NaN, String(min)),
    notNumber.filter((value) => value !== undefined),
  );

/** Each command: one valid payload and, per field, what breaks it. */
export const COMMAND_RULES: Record<CommandName, CommandRules> = {
  'app.getSnapshot': emptyRules,
  'app.getScreen': {
    valid: { agentsUpTo: 1_999 },
    fields: { agentsUpTo: { bad: badBound(0, 100_000), required: true } },
  },
  'roster.getSnapshot': emptyRules,
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
      // Issues 11 and 12: their sections of settings are patched through the same command.
      'insight.serviceLevelSeconds': { bad: badBound(1, 3_600), required: false },
      'coaching.retentionDays': { bad: badBound(1, 3_650), required: false },
      'coaching.shiftHours': { bad: badBound(1, 24), required: false },
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
        bad: badEnum([
          'listen',
          'barge',
          'whisper',
          'switch',
          'intercept',
          'cancel',
          'stop-follow',
        ]),
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
  ...COACHING_RULES,
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
  'updates.check': emptyRules,
  'updates.install': emptyRules,
  'updates.getState': emptyRules,
  'diagnostics.export': {
    valid: { includeCallParties: false },
    fields: { includeCallParties: { bad: notFlag, required: true } },
  },
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
