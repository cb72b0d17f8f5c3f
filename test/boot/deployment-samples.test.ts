/**
 * Issue 16: the samples IT starts from (docs/deployment) parse, and name exactly the keys of
 * the published schema (docs/policy.schema.json): the Group Policy template (ADMX + en-US ADML,
 * in Microsoft's ADMX schema: https://learn.microsoft.com/previous-versions/windows/desktop/policy/admx-schema),
 * the macOS configuration profile (a plist whose payload type is the app's preference domain:
 * Apple's "Configuration Profile Reference", custom settings payload), and the Linux file.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import Ajv from 'ajv';
import plist from 'plist';
import { describe, expect, it } from 'vitest';
import { deploymentSamples } from '../../scripts/deployment-samples';
import { checkPolicyDocument } from '../../src/main/policy/policy-document';
import { POLICY_APP_ID } from '../../src/main/policy/sources/read-policy-sources';

/** The few DOM members the test reads (xmldom's own types would pull the DOM lib into Node's). */
interface Element {
  localName: string;
  namespaceURI: string | null;
  nodeType: number;
  textContent: string | null;
  childNodes: ArrayLike<Element>;
  getAttribute(name: string): string | null;
  getElementsByTagNameNS(namespace: string, name: string): ArrayLike<Element>;
}
const { DOMParser } = createRequire(import.meta.url)('@xmldom/xmldom') as {
  DOMParser: new (options: { onError(level: string, message: string): void }) => {
    parseFromString(text: string, type: string): { documentElement: Element };
  };
};

const root = fileURLToPath(new URL('../..', import.meta.url));
const read = (path: string) => readFileSync(join(root, path), 'utf8');
const schema = JSON.parse(read('docs/policy.schema.json')) as {
  properties: Record<
    string,
    { properties?: Record<string, unknown>; minimum?: number; maximum?: number; enum?: string[] }
  >;
};
const presetSchema = schema.properties.Recommended?.properties ?? {};
const LOCKED_KEYS = Object.keys(schema.properties)
  .filter((key) => key !== 'Recommended')
  .sort();
const PRESET_KEYS = Object.keys(presetSchema).sort();
const NS = 'http://schemas.microsoft.com/GroupPolicy/2006/07/PolicyDefinitions';

function parseXml(text: string): Element {
  const problems: string[] = [];
  const document = new DOMParser({
    onError: (level: string, message: string) => {
      if (level !== 'warning') problems.push(message);
    },
  }).parseFromString(text, 'text/xml');
  expect(problems).toEqual([]);
  return document.documentElement;
}

const all = (element: Element, name: string): Element[] =>
  Array.from(element.getElementsByTagNameNS(NS, name));

describe('docs/deployment', () => {
  it('is what scripts/deployment-samples.ts makes (run `npm run policy:samples` after a key change)', () => {
    for (const [name, text] of Object.entries(deploymentSamples()))
      expect(read(`docs/deployment/${name}`), name).toBe(text);
  });

  it('ADMX: every key of the schema, locked and (where allowed) recommended, typed as the app reads it', () => {
    const admx = parseXml(read('docs/deployment/windows/cc-inspector.admx'));
    expect(admx.localName).toBe('policyDefinitions');
    expect(admx.namespaceURI).toBe(NS);
    const valueNames = { locked: [] as string[], preset: [] as string[] };
    for (const policy of all(admx, 'policy')) {
      expect(policy.getAttribute('class')).toBe('Both');
      const key = policy.getAttribute('key');
      const names = [
        policy.getAttribute('valueName'),
        ...Array.from(policy.getElementsByTagNameNS(NS, 'elements')).flatMap((elements) =>
          Array.from(elements.childNodes)
            .filter((node) => node.nodeType === 1)
            .map((node) => (node as Element).getAttribute('valueName')),
        ),
      ].filter((name): name is string => Boolean(name));
      expect(names).toHaveLength(1);
      const name = names[0] as string;
      if (key === 'Software\\Policies\\CC Inspector') valueNames.locked.push(name);
      else if (key === 'Software\\Policies\\CC Inspector\\Recommended')
        valueNames.preset.push(name);
      else throw new Error(`unexpected registry key ${key}`);
      const decimal = all(policy, 'decimal').find((element) => element.getAttribute('id'));
      const target = key.endsWith('Recommended') ? presetSchema[name] : schema.properties[name];
      if (decimal)
        expect([
          Number(decimal.getAttribute('minValue')),
          Number(decimal.getAttribute('maxValue')),
        ]).toEqual([
          (target as { minimum: number }).minimum,
          (target as { maximum: number }).maximum,
        ]);
      const items = all(policy, 'string').map((element) => element.textContent);
      if (all(policy, 'enum').length > 0)
        expect(items).toEqual((target as { enum: string[] }).enum);
    }
    expect(valueNames.locked.sort()).toEqual(LOCKED_KEYS);
    expect(valueNames.preset.sort()).toEqual(PRESET_KEYS);
  });

  it('ADML: every string and presentation the ADMX names exists, and every control has its presentation', () => {
    const admxText = read('docs/deployment/windows/cc-inspector.admx');
    const adml = parseXml(read('docs/deployment/windows/en-US/cc-inspector.adml'));
    const strings = new Set(all(adml, 'string').map((element) => element.getAttribute('id')));
    const presentations = new Map(
      all(adml, 'presentation').map((element) => [element.getAttribute('id'), element]),
    );
    for (const [, id] of admxText.matchAll(/\$\(string\.([^)]+)\)/g))
      expect(strings, id).toContain(id);
    for (const [, id] of admxText.matchAll(/\$\(presentation\.([^)]+)\)/g)) {
      const presentation = presentations.get(id ?? '');
      expect(presentation, id).toBeDefined();
      const refs = Array.from((presentation as Element).childNodes)
        .filter((node) => node.nodeType === 1)
        .map((node) => (node as Element).getAttribute('refId'));
      expect(refs).toEqual([id]);
    }
  });

  it('mobileconfig: a configuration profile for the app id whose settings are exactly the schema keys', () => {
    const profile = plist.parse(read('docs/deployment/macos/cc-inspector.mobileconfig')) as {
      PayloadType: string;
      PayloadContent: Array<Record<string, unknown>>;
    };
    expect(profile.PayloadType).toBe('Configuration');
    const [payload] = profile.PayloadContent;
    expect(payload?.PayloadType).toBe(POLICY_APP_ID);
    const builder = read('electron-builder.yml');
    expect(builder).toContain(`appId: ${POLICY_APP_ID}`);
    const settings = Object.fromEntries(
      Object.entries(payload ?? {}).filter(([key]) => !key.startsWith('Payload')),
    );
    expectExactlyTheSchemaKeys(settings);
  });

  it('Linux: policy.json is a valid policy naming exactly the schema keys', () => {
    expectExactlyTheSchemaKeys(JSON.parse(read('docs/deployment/linux/policy.json')));
  });
});

/** Valid for ajv and the app alike, and every schema key named once (locked or preset). */
function expectExactlyTheSchemaKeys(document: Record<string, unknown>): void {
  const validate = new Ajv({ allErrors: true }).compile(schema);
  expect(validate(document), JSON.stringify(validate.errors)).toBe(true);
  expect(checkPolicyDocument(document, 'sample').problems).toEqual([]);
  const presets = Object.keys((document.Recommended ?? {}) as object);
  const locked = Object.keys(document).filter((key) => key !== 'Recommended');
  expect([...locked, ...presets].sort()).toEqual(LOCKED_KEYS);
  expect(presets.every((key) => PRESET_KEYS.includes(key))).toBe(true);
}
