/**
 * JSON schema of the settings document, handed to electron-store (which validates every read
 * and write with ajv). Objects are closed (`additionalProperties: false`), so nothing but these
 * fields, and in particular no secret, can ever be stored.
 */
import { HOTKEY_ACTIONS } from '../../../shared/domain';
import {
  AGENT_ID_PATTERN,
  PHONE_NUMBER_PATTERN,
} from '../../../shared/gateway-protocol/gateway-paths';
import { MAX_ANSWER_MIB_RANGE, SETTINGS_SCHEMA_VERSION } from '../../../shared/settings-defaults';
import { INSIGHT_BOUNDS } from '../../../shared/insight-settings';
import { z } from 'zod';
import { coachingSettingsSchema } from '../../../shared/coaching-schemas';

type JsonSchema = Record<string, unknown>;

const closedObject = (properties: Record<string, JsonSchema>): JsonSchema => ({
  type: 'object',
  properties,
  required: Object.keys(properties),
  additionalProperties: false,
});
const seconds = (minimum: number): JsonSchema => ({ type: 'integer', minimum, maximum: 86_400 });
const nullableString = (maxLength: number, pattern?: string): JsonSchema => ({
  anyOf: [{ type: 'string', maxLength, ...(pattern ? { pattern } : {}) }, { type: 'null' }],
});
const accelerator: JsonSchema = nullableString(64);
const budgetMinutes: JsonSchema = {
  type: 'integer',
  minimum: INSIGHT_BOUNDS.budgetMinutes.min,
  maximum: INSIGHT_BOUNDS.budgetMinutes.max,
};
/** A JSON-schema pattern accepting '' or what `pattern` (anchored at both ends) accepts. */
const emptyOr = (pattern: RegExp): string => `^$|${pattern.source}`;

/** A sub-schema must not carry its own `$schema` (ajv allows it at the root only). */
function withoutSchemaKeyword(schema: JsonSchema): JsonSchema {
  const { $schema: _dialect, ...rest } = schema;
  return rest;
}

/** Per-key schemas (electron-store's `schema` option). */
export const SETTINGS_SCHEMA: Record<string, JsonSchema> = {
  schemaVersion: { type: 'integer', const: SETTINGS_SCHEMA_VERSION },
  gateway: closedObject({
    url: { type: 'string', maxLength: 2048, pattern: '^(?:$|https?://)' },
    // Empty until the user signs in to a gateway; then the same shapes the client checks.
    inspectorId: { type: 'string', pattern: emptyOr(AGENT_ID_PATTERN) },
    phoneNumber: { type: 'string', pattern: emptyOr(PHONE_NUMBER_PATTERN) },
    caPem: nullableString(65_536),
    pinSha256: nullableString(95, '^(?:[0-9A-Fa-f]{2}:?){31}[0-9A-Fa-f]{2}$'),
    allowInsecureHttp: { type: 'boolean' },
    maxAnswerMiB: {
      type: 'integer',
      minimum: MAX_ANSWER_MIB_RANGE.min,
      maximum: MAX_ANSWER_MIB_RANGE.max,
    },
  }),
  hotkeys: closedObject(Object.fromEntries(HOTKEY_ACTIONS.map((action) => [action, accelerator]))),
  alerts: closedObject({
    longCallSeconds: seconds(10),
    longBusySeconds: seconds(10),
    longWrapUpSeconds: seconds(10),
    longQueueWaitSeconds: seconds(5),
  }),
  language: { enum: ['en', 'zh-CN'] },
  theme: { enum: ['system', 'light', 'dark'] },
  demoMode: { type: 'boolean' },
  confirmDestructive: { type: 'boolean' },
  // One definition: the zod schema main validates patches with, as JSON schema (closed objects).
  coaching: withoutSchemaKeyword(z.toJSONSchema(coachingSettingsSchema, { target: 'draft-7' })),
  insight: closedObject({
    serviceLevelSeconds: {
      type: 'integer',
      minimum: INSIGHT_BOUNDS.serviceLevelSeconds.min,
      maximum: INSIGHT_BOUNDS.serviceLevelSeconds.max,
    },
    restBudgetMinutes: budgetMinutes,
    busyBudgetMinutes: budgetMinutes,
    wrapUpBudgetMinutes: budgetMinutes,
    wallboardSkillIds: {
      type: 'array',
      maxItems: INSIGHT_BOUNDS.wallboardSkills,
      items: { type: 'integer', minimum: 0, maximum: 2_147_483_647 },
    },
    wallboardDisplay: {
      anyOf: [
        {
          type: 'integer',
          minimum: INSIGHT_BOUNDS.wallboardDisplay.min,
          maximum: INSIGHT_BOUNDS.wallboardDisplay.max,
        },
        { type: 'null' },
      ],
    },
    wallboardRotateSeconds: {
      type: 'integer',
      minimum: INSIGHT_BOUNDS.wallboardRotateSeconds.min,
      maximum: INSIGHT_BOUNDS.wallboardRotateSeconds.max,
    },
  }),
  window: closedObject({
    bounds: {
      anyOf: [
        closedObject({
          x: { type: 'integer', minimum: -100_000, maximum: 100_000 },
          y: { type: 'integer', minimum: -100_000, maximum: 100_000 },
          width: { type: 'integer', minimum: 200, maximum: 100_000 },
          height: { type: 'integer', minimum: 150, maximum: 100_000 },
        }),
        { type: 'null' },
      ],
    },
    maximized: { type: 'boolean' },
  }),
};

/** Root options: the document is closed too, and every key is required. */
export const SETTINGS_ROOT_SCHEMA: JsonSchema = {
  additionalProperties: false,
  required: Object.keys(SETTINGS_SCHEMA),
};
