/**
 * Zod schemas of the coaching settings and commands: main validates every payload with them,
 * the desktop settings file derives its JSON schema from them, the Node settings store repairs
 * with them. Limits come from src/shared/coaching.ts and the gateway's documented ones.
 */
import { z } from 'zod';
import { COACHING_LIMITS, SCORECARD_LIMITS, TIMELINE_KINDS } from './coaching';
import { AGENT_STATES } from './domain';
import { AGENT_ID_PATTERN, isAgentIdInRange, LIMITS } from './gateway-protocol/gateway-paths';

const encoder = new TextEncoder();
const utf8Bytes = (text: string): number => encoder.encode(text).length;

const idSchema = z
  .string()
  .min(1)
  .max(40)
  .regex(/^[A-Za-z0-9_-]+$/, 'an id holds letters, digits, - and _');
const nameSchema = z.string().trim().min(1).max(COACHING_LIMITS.nameMax);
const skillIdSchema = z.number().int().min(0).max(2_147_483_647);
export const coachingWorkNoSchema = z
  .string()
  .regex(AGENT_ID_PATTERN, 'an agent id is 3 to 6 digits')
  .refine(isAgentIdInRange, `an agent id is ${LIMITS.agentIdMin} to ${LIMITS.agentIdMax}`);

/** A note's text: at most 1,023 UTF-8 bytes (cec_07_1205). */
export const noteTextSchema = z
  .string()
  .max(LIMITS.noteContentMaxBytes)
  .refine(
    (text) => utf8Bytes(text) <= LIMITS.noteContentMaxBytes,
    `a note holds at most ${LIMITS.noteContentMaxBytes} bytes (UTF-8)`,
  );

/** Ids unique within a list (templates, queries, forms, form items). */
function uniqueIds<T extends { id: string }>(list: T[]): boolean {
  return new Set(list.map((item) => item.id)).size === list.length;
}

export const noteTemplateSchema = z.strictObject({
  id: idSchema,
  name: nameSchema,
  text: noteTextSchema,
});

export const savedQuerySchema = z.strictObject({
  id: idSchema,
  name: nameSchema,
  states: z.array(z.enum(AGENT_STATES)).min(1).max(AGENT_STATES.length),
  minMinutes: z.number().int().min(0).max(1_440),
  skillId: skillIdSchema.nullable(),
  group: z.string().max(100).nullable(),
});

export const scorecardFormSchema = z.strictObject({
  id: idSchema,
  name: nameSchema,
  maxScore: z.number().int().min(1).max(SCORECARD_LIMITS.maxScoreMax),
  items: z
    .array(
      z.strictObject({
        id: idSchema,
        label: z.string().trim().min(1).max(SCORECARD_LIMITS.labelMax),
      }),
    )
    .min(SCORECARD_LIMITS.itemsMin)
    .max(SCORECARD_LIMITS.itemsMax)
    .refine(uniqueIds, 'each item needs its own id'),
});

export const samplerRulesSchema = z.strictObject({
  enabled: z.boolean(),
  onePerAgentPerShift: z.boolean(),
  preferCallSeconds: z.number().int().min(0).max(7_200),
  skillIds: z.array(skillIdSchema).max(100),
  autoJoin: z.boolean(),
  minGapSeconds: z.number().int().min(10).max(3_600),
});

export const coachingSettingsSchema = z.strictObject({
  retentionDays: z
    .number()
    .int()
    .min(COACHING_LIMITS.retentionDaysMin)
    .max(COACHING_LIMITS.retentionDaysMax),
  shiftHours: z.number().int().min(1).max(24),
  noteTemplates: z
    .array(noteTemplateSchema)
    .max(COACHING_LIMITS.templatesMax)
    .refine(uniqueIds, 'each template needs its own id'),
  savedQueries: z
    .array(savedQuerySchema)
    .max(COACHING_LIMITS.queriesMax)
    .refine(uniqueIds, 'each query needs its own id'),
  scorecardForms: z
    .array(scorecardFormSchema)
    .min(1)
    .max(SCORECARD_LIMITS.formsMax)
    .refine(uniqueIds, 'each form needs its own id'),
  sampler: samplerRulesSchema,
  follow: z.strictObject({
    calls: z.number().int().min(1).max(COACHING_LIMITS.followCallsMax),
    minutes: z.number().int().min(1).max(COACHING_LIMITS.followMinutesMax),
  }),
});

/** A settings patch of the coaching section: any top-level field, each one whole. */
export const coachingSettingsPatchSchema = coachingSettingsSchema.partial();

const sourceSchema = z.enum(['window', 'tray', 'hotkey']).default('window');

export const noteRecipientsSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('agents'),
    workNos: z.array(coachingWorkNoSchema).min(1).max(10_000),
  }),
  z.strictObject({ kind: z.literal('group'), group: z.string().min(1).max(100) }),
  z.strictObject({ kind: z.literal('query'), queryId: idSchema }),
]);

/** Argument schemas of the coaching commands (merged into the contract's). */
export const coachingCommandSchemas = {
  'coaching.getView': z.strictObject({}),
  'coaching.previewRecipients': z.strictObject({ recipients: noteRecipientsSchema }),
  'coaching.sendNote': z.strictObject({
    recipients: noteRecipientsSchema,
    text: noteTextSchema,
    source: sourceSchema,
  }),
  'coaching.forceRest': z.strictObject({
    workNo: coachingWorkNoSchema,
    seconds: z.number().int().min(LIMITS.restSecondsMin).max(LIMITS.restSecondsMax),
    reason: z.number().int().min(LIMITS.restReasonMin).max(LIMITS.restReasonMax),
    source: sourceSchema,
  }),
  'coaching.forceRelease': z.strictObject({ workNo: coachingWorkNoSchema, source: sourceSchema }),
  'coaching.adjustSkills': z.strictObject({
    workNo: coachingWorkNoSchema,
    skillIds: z.array(skillIdSchema).min(1).max(LIMITS.adjustSkillsMax),
    source: sourceSchema,
  }),
  'coaching.follow': z.strictObject({
    workNo: coachingWorkNoSchema,
    calls: z.number().int().min(1).max(COACHING_LIMITS.followCallsMax).nullable(),
    minutes: z.number().int().min(1).max(COACHING_LIMITS.followMinutesMax).nullable(),
    source: sourceSchema,
  }),
  'coaching.stopFollow': z.strictObject({ source: sourceSchema }),
  'coaching.sampleNext': z.strictObject({ source: sourceSchema }),
  'coaching.saveScorecard': z.strictObject({
    inspectionId: z.number().int().min(1).nullable(),
    workNo: coachingWorkNoSchema,
    formId: idSchema,
    scores: z
      .array(
        z.strictObject({
          itemId: idSchema,
          score: z.number().int().min(0).max(SCORECARD_LIMITS.maxScoreMax),
          comment: z.string().max(SCORECARD_LIMITS.commentMax),
        }),
      )
      .min(SCORECARD_LIMITS.itemsMin)
      .max(SCORECARD_LIMITS.itemsMax),
    comment: z.string().max(SCORECARD_LIMITS.commentMax),
  }),
  'coaching.dismissScorecard': z.strictObject({}),
  'coaching.timeline': z.strictObject({
    workNo: coachingWorkNoSchema,
    kinds: z.array(z.enum(TIMELINE_KINDS)).max(TIMELINE_KINDS.length),
    from: z.number().int().min(0).nullable(),
    to: z.number().int().min(0).nullable(),
    limit: z.number().int().min(1).max(5_000),
  }),
  'coaching.exportFile': z.strictObject({
    workNo: coachingWorkNoSchema,
    kinds: z.array(z.enum(TIMELINE_KINDS)).max(TIMELINE_KINDS.length),
    from: z.number().int().min(0).nullable(),
    format: z.enum(['csv', 'json']),
  }),
  'coaching.exportScorecards': z.strictObject({
    workNo: coachingWorkNoSchema.nullable(),
    from: z.number().int().min(0).nullable(),
    format: z.enum(['csv', 'json']),
  }),
} as const;
