/**
 * One policy document from one source, checked key by key: a good key is kept, a bad or unknown
 * key is ignored and reported (never silently dropped, never half-applied), and a document that
 * is not a set of keys at all is ignored whole and reported. The same per-key schemas make the
 * published JSON schema (docs/policy.schema.json), so the code and the file cannot disagree.
 */
import { z } from 'zod';
import {
  POLICY_KEYS,
  POLICY_KEY_NAMES,
  policyKeySpec,
  RECOMMENDED_SECTION,
  type PolicyValues,
} from './policy-keys';

/** Something wrong with a policy, said in both languages; the key (if any) was ignored. */
export interface PolicyProblem {
  /** Where it was read. */
  source: string;
  /** The policy key ignored (`Recommended.Language` for a preset); null for the whole source. */
  key: string | null;
  message: string;
  messageZh: string;
}

/** What one source holds, after the per-key check. */
export interface CheckedDocument {
  locked: PolicyValues;
  recommended: PolicyValues;
  problems: PolicyProblem[];
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Zod's first complaint about `value`, as one sentence. */
function complaintOf(schema: z.ZodType, value: unknown): string | null {
  const result = schema.safeParse(value);
  if (result.success) return null;
  const issue = result.error.issues[0];
  return issue?.message ?? 'not a valid value';
}

/** A known key spelled in another case, to say "did you mean". */
function nearKey(key: string): string | undefined {
  const lower = key.toLowerCase();
  return POLICY_KEY_NAMES.find((name) => name.toLowerCase() === lower);
}

function checkEntries(
  entries: Record<string, unknown>,
  source: string,
  recommended: boolean,
  problems: PolicyProblem[],
): PolicyValues {
  const values: PolicyValues = {};
  const label = (key: string) => (recommended ? `${RECOMMENDED_SECTION}.${key}` : key);
  for (const [key, value] of Object.entries(entries)) {
    if (!recommended && key === RECOMMENDED_SECTION) continue;
    const spec = policyKeySpec(key);
    if (!spec) {
      const near = nearKey(key);
      problems.push({
        source,
        key: label(key),
        message: `Unknown policy key ${label(key)} was ignored${near ? ` (did you mean ${near}?)` : ''}.`,
        messageZh: `未知的策略项 ${label(key)} 已忽略${near ? `（是否应为 ${near}？）` : ''}。`,
      });
      continue;
    }
    if (recommended && !spec.recommendable) {
      problems.push({
        source,
        key: label(key),
        message: `${key} can only be set as a policy, not as a recommendation; ${label(key)} was ignored.`,
        messageZh: `${key} 只能作为强制策略设置，不能作为推荐值；${label(key)} 已忽略。`,
      });
      continue;
    }
    const complaint = complaintOf(spec.schema, value);
    if (complaint !== null) {
      problems.push({
        source,
        key: label(key),
        message: `Policy ${label(key)} was ignored: expected ${complaint}.`,
        messageZh: `策略项 ${label(key)} 已忽略：值不符合要求（${complaint}）。`,
      });
      continue;
    }
    values[key] = value as string | number | boolean;
  }
  return values;
}

/** Checks one source's document key by key. */
export function checkPolicyDocument(document: unknown, source: string): CheckedDocument {
  const problems: PolicyProblem[] = [];
  if (!isPlainObject(document)) {
    problems.push({
      source,
      key: null,
      message: `The policy in ${source} is not a set of keys (a JSON object); nothing from it was applied.`,
      messageZh: `${source} 中的策略不是键值集合（JSON 对象），其中的内容均未应用。`,
    });
    return { locked: {}, recommended: {}, problems };
  }
  const locked = checkEntries(document, source, false, problems);
  const section = document[RECOMMENDED_SECTION];
  let recommended: PolicyValues = {};
  if (isPlainObject(section)) recommended = checkEntries(section, source, true, problems);
  else if (section !== undefined)
    problems.push({
      source,
      key: RECOMMENDED_SECTION,
      message: `${RECOMMENDED_SECTION} in ${source} is not a set of keys; no recommendation from it was applied.`,
      messageZh: `${source} 中的 ${RECOMMENDED_SECTION} 不是键值集合，其中的推荐值均未应用。`,
    });
  return { locked, recommended, problems };
}

/** The whole document as one zod schema (what the published JSON schema is made from). */
export function policyDocumentSchema(): z.ZodType {
  const optional = (keys: typeof POLICY_KEYS) =>
    Object.fromEntries(
      keys.map((spec) => [spec.key, spec.schema.describe(spec.description).optional()]),
    );
  return z.strictObject({
    ...optional(POLICY_KEYS),
    [RECOMMENDED_SECTION]: z
      .strictObject(optional(POLICY_KEYS.filter((spec) => spec.recommendable)))
      .describe(
        'Presets: applied once (and again when the administrator changes them); the person may change them.',
      )
      .optional(),
  });
}

/** The published JSON schema (docs/policy.schema.json), generated from the per-key schemas. */
export function buildPolicyJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(policyDocumentSchema(), { target: 'draft-7' }) as Record<
    string,
    unknown
  >;
  return {
    $schema: generated.$schema,
    $id: 'https://cc-inspector.invalid/policy.schema.json',
    title: 'CC Inspector policy (managed settings)',
    description:
      'Keys at the top level are locked; keys under Recommended are presets. Windows: HKLM (then HKCU) \\Software\\Policies\\CC Inspector (presets in its Recommended subkey); macOS: managed preferences of com.ccinspector.desktop; Linux: /etc/cc-inspector/policy.json.',
    ...Object.fromEntries(Object.entries(generated).filter(([key]) => key !== '$schema')),
  };
}
