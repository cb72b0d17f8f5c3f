/**
 * Hostile payloads of the coaching commands (src/shared/coaching-schemas.ts), broken field by
 * field: more than 1,023 bytes of note, 101 receivers' worth of nonsense, a rest of 0 s, 1,001
 * skills, a scorecard score above its scale, unknown timeline kinds.
 */
import fc from 'fast-check';
import type { CommandName } from '../../src/shared/ipc/contract';
import type { Arbitrary, CommandRules, FieldRule } from './hostile-values';
import {
  badLimit,
  badSkillIds,
  badWorkNo,
  emptyRules,
  HUGE,
  notNumber,
  notString,
  onAgent,
  onCurrent,
  source,
} from './hostile-values';

const badFormat: FieldRule = { bad: fc.constantFrom('xml', 'CSV', '', 1, null), required: true };
const badKinds: Arbitrary = fc.oneof(
  fc.constant(['state', 'everything']),
  fc.constant(['state', 'state', 'state', 'state', 'state', 'state']),
  notString.filter((value) => !Array.isArray(value)),
);
const badTime: Arbitrary = fc.oneof(
  fc.constantFrom(-1, 1.5, Number.NaN),
  fc.string(),
  fc.boolean(),
);
/** More than 1,023 UTF-8 bytes (cec_07_1205), or not text. */
const badNoteText: Arbitrary = fc.oneof(
  fc.constantFrom('x'.repeat(1_024), '注'.repeat(342), HUGE),
  notString,
);
const badRecipients: Arbitrary = fc.oneof(
  fc.constant({ kind: 'agents', workNos: [] }),
  fc.constant({ kind: 'agents', workNos: ['0101'] }),
  fc.constant({ kind: 'team', group: 'Sales' }),
  fc.constant({ kind: 'query', queryId: '../x' }),
  fc.constant({ kind: 'group', group: '' }),
  notString,
);

/** The coaching commands (src/shared/coaching-schemas.ts), broken field by field. */
export const COACHING_RULES = {
  'coaching.getView': emptyRules,
  'coaching.previewRecipients': {
    valid: { recipients: { kind: 'group', group: 'Sales' } },
    fields: { recipients: { bad: badRecipients, required: true } },
  },
  'coaching.sendNote': {
    valid: { recipients: { kind: 'agents', workNos: ['1001'] }, text: 'hi' },
    fields: {
      recipients: { bad: badRecipients, required: true },
      text: { bad: badNoteText, required: true },
      source,
    },
  },
  'coaching.forceRest': {
    valid: { workNo: '1001', seconds: 600, reason: 3 },
    fields: {
      workNo: { bad: badWorkNo, required: true },
      seconds: { bad: fc.oneof(fc.constantFrom(0, 86_400, 1.5, -1), notNumber), required: true },
      reason: { bad: fc.oneof(fc.constantFrom(0, 256, 2.5), notNumber), required: true },
      source,
    },
  },
  'coaching.forceRelease': onAgent,
  'coaching.adjustSkills': {
    valid: { workNo: '1001', skillIds: [3, 5] },
    fields: {
      workNo: { bad: badWorkNo, required: true },
      skillIds: {
        bad: fc.oneof(badSkillIds, fc.constant([]), fc.constant(Array(1_001).fill(3))),
        required: true,
      },
      source,
    },
  },
  'coaching.follow': {
    valid: { workNo: '1001', calls: 3, minutes: 30 },
    fields: {
      workNo: { bad: badWorkNo, required: true },
      calls: {
        bad: fc.oneof(
          fc.constantFrom(0, 51, 1.5),
          notNumber.filter((v) => v !== null),
        ),
        required: true,
      },
      minutes: { bad: fc.oneof(fc.constantFrom(0, 481), fc.string()), required: true },
      source,
    },
  },
  'coaching.stopFollow': onCurrent,
  'coaching.sampleNext': onCurrent,
  'coaching.saveScorecard': {
    valid: {
      inspectionId: 4,
      workNo: '1001',
      formId: 'call-quality',
      scores: [1, 2, 3].map((n) => ({ itemId: `i${n}`, score: n, comment: '' })),
      comment: 'ok',
    },
    fields: {
      inspectionId: { bad: fc.oneof(fc.constantFrom(0, -1, 1.5), fc.string()), required: true },
      workNo: { bad: badWorkNo, required: true },
      formId: { bad: fc.oneof(fc.constantFrom('', '../f', 'a b'), notString), required: true },
      scores: {
        bad: fc.oneof(
          fc.constant([]),
          fc.constant([
            { itemId: 'a', score: 11, comment: '' },
            { itemId: 'b', score: 1, comment: '' },
            { itemId: 'c', score: 1, comment: '' },
          ]),
          fc.constant(Array(11).fill({ itemId: 'a', score: 1, comment: '' })),
          notString.filter((value) => !Array.isArray(value)),
        ),
        required: true,
      },
      comment: { bad: fc.oneof(fc.constant('c'.repeat(2_001)), notString), required: true },
    },
  },
  'coaching.dismissScorecard': emptyRules,
  'coaching.timeline': {
    valid: { workNo: '1001', kinds: ['state', 'note'], from: null, to: null, limit: 100 },
    fields: {
      workNo: { bad: badWorkNo, required: true },
      kinds: { bad: badKinds, required: true },
      from: { bad: badTime, required: true },
      to: { bad: badTime, required: true },
      limit: { bad: badLimit, required: true },
    },
  },
  'coaching.exportFile': {
    valid: { workNo: '1001', kinds: ['action'], from: null, format: 'json' },
    fields: {
      workNo: { bad: badWorkNo, required: true },
      kinds: { bad: badKinds, required: true },
      from: { bad: badTime, required: true },
      format: badFormat,
    },
  },
  'coaching.exportScorecards': {
    valid: { workNo: null, from: 0, format: 'csv' },
    fields: {
      workNo: { bad: badWorkNo.filter((value) => value !== null), required: true },
      from: { bad: badTime, required: true },
      format: badFormat,
    },
  },
} satisfies Record<Extract<CommandName, `coaching.${string}`>, CommandRules>;
