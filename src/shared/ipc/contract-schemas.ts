/**
 * Argument schemas of every contract command. Main validates each IPC payload against these
 * before it reaches the supervisor; the types of the arguments are inferred from them, so the
 * check and the type cannot drift apart, and a command with a result but no schema (or the
 * reverse) does not compile.
 */
import { z } from 'zod';
import { HOTKEY_ACTIONS } from '../domain';
import { INSIGHT_BOUNDS } from '../insight-settings';
import type { CommandResults } from './contract';
import { coachingCommandSchemas, coachingSettingsPatchSchema } from '../coaching-schemas';
import {
  AGENT_ID_PATTERN,
  isAgentIdInRange,
  LIMITS,
  PHONE_NUMBER_PATTERN,
} from '../gateway-protocol/gateway-paths';
import { MAX_ANSWER_MIB_RANGE } from '../settings-defaults';

/** Agent ids: digit strings 101–999999 (newer gateways; older ones stop at 59999). */
const workNoSchema = z
  .string()
  .regex(AGENT_ID_PATTERN, 'an agent id is 3 to 6 digits')
  .refine(isAgentIdInRange, `an agent id is ${LIMITS.agentIdMin} to ${LIMITS.agentIdMax}`);

const skillIdSchema = z.number().int().min(0).max(2_147_483_647);

/** Call ids go into a URL path: printable, no slash, no whitespace, bounded. */
const callIdSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9._~@:-]+$/, 'a call id holds letters, digits and . _ ~ @ : - only');

const acceleratorSchema = z.string().min(1).max(64);

const budgetMinutesSchema = z
  .number()
  .int()
  .min(INSIGHT_BOUNDS.budgetMinutes.min)
  .max(INSIGHT_BOUNDS.budgetMinutes.max);

const hotkeyActionSchema = z.enum(HOTKEY_ACTIONS);
const languageSchema = z.enum(['en', 'zh-CN']);
const themeSchema = z.enum(['system', 'light', 'dark']);
/**
 * Where an action came from. Bindings set it (the IPC binding leaves the default, the local
 * control endpoint names `cli`); a payload that names its own is refused before validation.
 */
const sourceSchema = z.enum(['window', 'tray', 'hotkey', 'cli']).default('window');

const gatewayUrlSchema = z
  .string()
  .max(2048)
  .refine((value) => {
    try {
      const url = new URL(value);
      return url.protocol === 'https:' || url.protocol === 'http:';
    } catch {
      return false;
    }
  }, 'the gateway address is an http(s) URL, e.g. https://gateway.example:8043');

const phoneNumberSchema = z
  .string()
  .regex(PHONE_NUMBER_PATTERN, `a phone number is up to ${LIMITS.phoneMaxLength} digits`);

const alertThresholdsSchema = z.strictObject({
  longCallSeconds: z.number().int().min(10).max(86_400),
  longBusySeconds: z.number().int().min(10).max(86_400),
  longWrapUpSeconds: z.number().int().min(10).max(86_400),
  longQueueWaitSeconds: z.number().int().min(5).max(86_400),
});

export const insightPatchSchema = z
  .strictObject({
    serviceLevelSeconds: z
      .number()
      .int()
      .min(INSIGHT_BOUNDS.serviceLevelSeconds.min)
      .max(INSIGHT_BOUNDS.serviceLevelSeconds.max),
    restBudgetMinutes: budgetMinutesSchema,
    busyBudgetMinutes: budgetMinutesSchema,
    wrapUpBudgetMinutes: budgetMinutesSchema,
    wallboardSkillIds: z.array(skillIdSchema).max(INSIGHT_BOUNDS.wallboardSkills),
    wallboardDisplay: z
      .number()
      .int()
      .min(INSIGHT_BOUNDS.wallboardDisplay.min)
      .max(INSIGHT_BOUNDS.wallboardDisplay.max)
      .nullable(),
    wallboardRotateSeconds: z
      .number()
      .int()
      .min(INSIGHT_BOUNDS.wallboardRotateSeconds.min)
      .max(INSIGHT_BOUNDS.wallboardRotateSeconds.max),
  })
  .partial();

const pinSchema = z
  .string()
  .regex(
    /^(?:[0-9A-Fa-f]{2}:?){31}[0-9A-Fa-f]{2}$/,
    'a SHA-256 fingerprint is 64 hex digits (colons allowed)',
  );

export const settingsPatchSchema = z.strictObject({
  gateway: z
    .strictObject({
      url: gatewayUrlSchema.or(z.literal('')),
      inspectorId: workNoSchema.or(z.literal('')),
      phoneNumber: phoneNumberSchema.or(z.literal('')),
      caPem: z.string().max(65_536).nullable(),
      pinSha256: pinSchema.nullable(),
      allowInsecureHttp: z.boolean(),
      maxAnswerMiB: z.number().int().min(MAX_ANSWER_MIB_RANGE.min).max(MAX_ANSWER_MIB_RANGE.max),
    })
    .partial()
    .optional(),
  alerts: alertThresholdsSchema.partial().optional(),
  language: languageSchema.optional(),
  theme: themeSchema.optional(),
  demoMode: z.boolean().optional(),
  confirmDestructive: z.boolean().optional(),
  coaching: coachingSettingsPatchSchema.optional(),
  insight: insightPatchSchema.optional(),
  updates: z.strictObject({ channel: z.enum(['stable', 'beta']) }).optional(),
});

const empty = z.strictObject({});
const onAgent = z.strictObject({ workNo: workNoSchema, source: sourceSchema });
const onCurrent = z.strictObject({ source: sourceSchema });

export const commandArgSchemas = {
  'app.getSnapshot': empty,
  'app.getScreen': z.strictObject({
    /** Bring the agents along when there are at most this many (a small center paints at once). */
    agentsUpTo: z.number().int().min(0).max(100_000),
  }),
  'roster.getSnapshot': empty,
  'app.getStatus': empty,
  'app.openLogsFolder': empty,
  'session.signIn': z.strictObject({
    gatewayUrl: gatewayUrlSchema,
    inspectorId: workNoSchema,
    phoneNumber: phoneNumberSchema,
    /** Omitted: use the password remembered in the OS keychain. */
    password: z.string().min(1).max(32).optional(),
    remember: z.boolean(),
  }),
  'session.signOut': z.strictObject({ forgetPassword: z.boolean() }),
  'session.startDemo': empty,
  'agents.select': z.strictObject({ workNo: workNoSchema.nullable() }),
  'inspection.listen': onAgent,
  'inspection.barge': onAgent,
  'inspection.whisper': onAgent,
  'inspection.switch': onCurrent,
  'inspection.switchTo': z.strictObject({
    mode: z.enum(['listen', 'insert', 'whisper']),
    source: sourceSchema,
  }),
  'inspection.intercept': onCurrent,
  'inspection.cancel': onCurrent,
  'agents.forceBusy': onAgent,
  'agents.forceIdle': onAgent,
  'agents.forceSignOut': onAgent,
  'queues.watch': z.strictObject({
    /** Queues shown expanded (their waiting calls refresh every 2 s). */
    skillIds: z.array(skillIdSchema).max(1000),
    /** The queue panel is visible: overview counts refresh every 5 s instead of 60 s. Omitted = false. */
    panelOpen: z.boolean().optional(),
  }),
  'queues.requestCall': z.strictObject({
    callId: callIdSchema,
    skillId: skillIdSchema,
    source: sourceSchema,
  }),
  'settings.update': settingsPatchSchema,
  'hotkeys.set': z.strictObject({
    action: hotkeyActionSchema,
    accelerator: acceleratorSchema.nullable(),
  }),
  'journal.list': z.strictObject({ limit: z.number().int().min(1).max(10_000) }),
  'journal.export': z.strictObject({ format: z.enum(['csv', 'json']) }),
  ...coachingCommandSchemas,
  'stats.getSnapshot': empty,
  'stats.history': z.strictObject({
    /** null: the center. */
    skillId: skillIdSchema.nullable(),
    /** Only the last this many ms (default: the whole shift, up to 12 h). */
    sinceMs: z
      .number()
      .int()
      .min(0)
      .max(12 * 3_600_000)
      .optional(),
  }),
  'stats.exportCsv': empty,
  'wallboard.open': empty,
  'updates.check': empty,
  'updates.install': empty,
  'updates.getState': empty,
  /** Call parties' numbers stay out of the journal tail unless the person ticks the box. */
  'diagnostics.export': z.strictObject({ includeCallParties: z.boolean() }),
} as const satisfies Record<keyof CommandResults, z.ZodType>;

export type CommandArgSchemas = typeof commandArgSchemas;
