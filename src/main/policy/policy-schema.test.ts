/**
 * The published JSON schema (docs/policy.schema.json) and the code's key-by-key check agree: the
 * file is generated from the same per-key schemas (`npm run policy:schema`), and ajv — what an
 * administrator's editor or CI validates with — refuses exactly the keys the app ignores, over
 * hand-picked documents and generated ones.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Ajv, { type ErrorObject } from 'ajv';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildPolicyJsonSchema, checkPolicyDocument } from './policy-document';
import { POLICY_KEYS } from './policy-keys';

const published = JSON.parse(
  readFileSync(fileURLToPath(new URL('../../../docs/policy.schema.json', import.meta.url)), 'utf8'),
) as Record<string, unknown>;
const validate = new Ajv({ allErrors: true, strict: true }).compile(published);

/** The keys ajv refuses, named as the code names them (`Recommended.Language`). */
function refusedByAjv(document: unknown): string[] {
  if (validate(document)) return [];
  const keys = (validate.errors ?? []).map((error: ErrorObject) => {
    const path = error.instancePath.split('/').filter(Boolean);
    if (error.keyword === 'additionalProperties')
      path.push(String((error.params as { additionalProperty: string }).additionalProperty));
    return path.length === 0 ? '(document)' : path.join('.');
  });
  return [...new Set(keys)].sort();
}

function refusedByCode(document: unknown): string[] {
  const keys = checkPolicyDocument(document, 'test').problems.map((p) => p.key ?? '(document)');
  return [...new Set(keys)].sort();
}

const PEM = '-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIU\n-----END CERTIFICATE-----\n';

/** Values that some key accepts and others refuse (every kind of JSON value, edges of bounds). */
const CANDIDATES: unknown[] = [
  'https://cc-gw.example:8043',
  'http://lab:8000/',
  'ftp://x',
  'https://',
  PEM,
  'BEGIN CERTIFICATE',
  'ab'.repeat(32),
  'AB:'.repeat(31) + 'AB',
  'ab'.repeat(31),
  'Control+Alt+F5',
  'Ctrl+Shift+L',
  'Control+Alt+F25',
  'L',
  '',
  'en',
  'zh-CN',
  'fr',
  'stable',
  'beta',
  true,
  false,
  0,
  1,
  5,
  10,
  600,
  86_400,
  86_401,
  12.5,
  -1,
  null,
  [],
  {},
  'x'.repeat(3000),
];

describe('docs/policy.schema.json', () => {
  it('is what the code generates (run `npm run policy:schema` after changing a key)', () => {
    expect(published).toEqual(buildPolicyJsonSchema());
  });

  it('names every key of the catalogue, and Recommended only the recommendable ones', () => {
    const properties = published.properties as Record<string, { properties?: object }>;
    expect(Object.keys(properties).sort()).toEqual(
      [...POLICY_KEYS.map((spec) => spec.key), 'Recommended'].sort(),
    );
    expect(Object.keys(properties.Recommended?.properties ?? {}).sort()).toEqual(
      POLICY_KEYS.filter((spec) => spec.recommendable)
        .map((spec) => spec.key)
        .sort(),
    );
  });

  it('refuses the same keys as the code, value by value for every key', () => {
    for (const spec of POLICY_KEYS) {
      for (const value of CANDIDATES) {
        const document = { [spec.key]: value };
        expect(refusedByAjv(document), `${spec.key} = ${JSON.stringify(value)}`).toEqual(
          refusedByCode(document),
        );
        if (spec.recommendable) {
          const preset = { Recommended: { [spec.key]: value } };
          expect(refusedByAjv(preset)).toEqual(refusedByCode(preset));
        }
      }
    }
  });

  it('refuses the same keys as the code for whole generated documents', () => {
    const keys = [...POLICY_KEYS.map((spec) => spec.key), 'Unknown', 'gatewayUrl'];
    const value = fc.constantFrom(...CANDIDATES);
    const section = fc.dictionary(fc.constantFrom(...keys), value, { maxKeys: 8 });
    const document = fc.oneof(
      fc
        .record({ Recommended: fc.oneof(section, value) }, { requiredKeys: [] })
        .chain((base) => section.map((rest) => ({ ...rest, ...base }))),
      value,
    );
    fc.assert(
      fc.property(document, (candidate) => {
        expect(refusedByAjv(candidate)).toEqual(refusedByCode(candidate));
      }),
      { numRuns: 400 },
    );
  });
});
