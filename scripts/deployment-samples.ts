/**
 * The deployment samples in docs/deployment, made from the policy key catalogue so they name
 * exactly the keys of docs/policy.schema.json: a Group Policy template (ADMX, with its en-US
 * ADML) writing HKLM/HKCU\Software\Policies\CC Inspector and its Recommended subkey, a macOS
 * configuration profile (.mobileconfig) for the managed preferences of the app id, and a Linux
 * /etc/cc-inspector/policy.json. `npm run policy:samples` rewrites them; the test
 * (test/boot/deployment-samples.test.ts) fails while they and the code disagree.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import plist from 'plist';
import { z } from 'zod';
import { POLICY_KEYS, type PolicyKeySpec } from '../src/main/policy/policy-keys';
import type { HotkeyAction } from '../src/shared/domain';
import { DEFAULT_ALERT_THRESHOLDS, defaultHotkeysFor } from '../src/shared/settings-defaults';

const REGISTRY_KEY = 'Software\\Policies\\CC Inspector';
const APP_ID = 'com.ccinspector.desktop';

/** A value for every key, as the samples show it (each passes the key's schema). */
export const SAMPLE_VALUES: Record<string, string | number | boolean> = {
  GatewayUrl: 'https://cc-gw.example.com:8043',
  PrivateCaPem:
    '-----BEGIN CERTIFICATE-----\nMIIB…(the PEM text of your private CA)…\n-----END CERTIFICATE-----',
  CertificatePin:
    'AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89',
  AllowInsecureHttp: false,
  // Hotkeys: the platform's defaults (see samplePolicyDocument), intercept switched off.
  AlertLongCallSeconds: 900,
  AlertLongBusySeconds: 300,
  AlertLongWrapUpSeconds: 120,
  AlertLongQueueWaitSeconds: 60,
  Language: 'zh-CN',
  UpdateChannel: 'stable',
  UpdateUrl: 'https://updates.example.com/cc-inspector/',
  UpdatesEnabled: true,
  DemoModeAllowed: false,
};

/** Keys the samples put under Recommended (presets); every other key is locked. */
export const SAMPLE_PRESETS = ['Language', 'UpdateChannel', 'AlertLongWrapUpSeconds'];

type Kind = 'boolean' | 'integer' | 'enum' | 'multiline' | 'text';

function kindOf(spec: PolicyKeySpec): Kind {
  if (spec.schema instanceof z.ZodBoolean) return 'boolean';
  if (spec.schema instanceof z.ZodNumber) return 'integer';
  if (spec.schema instanceof z.ZodEnum) return 'enum';
  return spec.registry === 'REG_MULTI_SZ' ? 'multiline' : 'text';
}

const escapeXml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function bounds(spec: PolicyKeySpec): { min: number; max: number } {
  const json = z.toJSONSchema(spec.schema) as { minimum?: number; maximum?: number };
  return { min: json.minimum ?? 0, max: json.maximum ?? 2_147_483_647 };
}

/** The product default of a number setting (the ADML's starting value). */
function defaultNumber(spec: PolicyKeySpec): number {
  const field = spec.setting?.startsWith('alerts.') ? spec.setting.slice(7) : null;
  return field
    ? DEFAULT_ALERT_THRESHOLDS[field as keyof typeof DEFAULT_ALERT_THRESHOLDS]
    : bounds(spec).min;
}

function enumValues(spec: PolicyKeySpec): string[] {
  return (spec.schema as z.ZodEnum).options.map(String);
}

function admxPolicy(spec: PolicyKeySpec, recommended: boolean): string {
  const name = recommended ? `${spec.key}_Recommended` : spec.key;
  const key = recommended ? `${REGISTRY_KEY}\\Recommended` : REGISTRY_KEY;
  const category = recommended ? 'CCInspectorRecommended' : 'CCInspector';
  const head = `    <policy name="${name}" class="Both" displayName="$(string.${spec.key})" explainText="$(string.${spec.key}_Explain)"`;
  const tail = `      <parentCategory ref="${category}" />\n      <supportedOn ref="SUPPORTED_CCInspector_0_1" />`;
  const kind = kindOf(spec);
  if (kind === 'boolean')
    return `${head} key="${key}" valueName="${spec.key}">\n${tail}\n      <enabledValue><decimal value="1" /></enabledValue>\n      <disabledValue><decimal value="0" /></disabledValue>\n    </policy>`;
  let element: string;
  if (kind === 'integer') {
    const { min, max } = bounds(spec);
    element = `<decimal id="${spec.key}" valueName="${spec.key}" required="true" minValue="${min}" maxValue="${max}" />`;
  } else if (kind === 'enum') {
    const items = enumValues(spec)
      .map(
        (value) =>
          `          <item displayName="$(string.${spec.key}_${value.replace(/-/g, '')})"><value><string>${value}</string></value></item>`,
      )
      .join('\n');
    element = `<enum id="${spec.key}" valueName="${spec.key}" required="true">\n${items}\n        </enum>`;
  } else if (kind === 'multiline') {
    element = `<multiText id="${spec.key}" valueName="${spec.key}" required="true" maxStrings="400" />`;
  } else {
    element = `<text id="${spec.key}" valueName="${spec.key}" maxLength="2048" />`;
  }
  return `${head} presentation="$(presentation.${spec.key})" key="${key}">\n${tail}\n      <elements>\n        ${element}\n      </elements>\n    </policy>`;
}

export function buildAdmx(): string {
  const locked = POLICY_KEYS.map((spec) => admxPolicy(spec, false));
  const presets = POLICY_KEYS.filter((spec) => spec.recommendable).map((spec) =>
    admxPolicy(spec, true),
  );
  return `<?xml version="1.0" encoding="utf-8"?>
<!-- CC Inspector Group Policy template (generated by scripts/deployment-samples.ts).
     Copy to C:\\Windows\\PolicyDefinitions (or the central store) with en-US\\cc-inspector.adml.
     "CC Inspector" policies are locked; "CC Inspector - Recommended" are presets the person may change. -->
<policyDefinitions xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" revision="1.0" schemaVersion="1.0" xmlns="http://schemas.microsoft.com/GroupPolicy/2006/07/PolicyDefinitions">
  <policyNamespaces>
    <target prefix="ccinspector" namespace="CCInspector.Policies" />
  </policyNamespaces>
  <resources minRequiredRevision="1.0" />
  <supportedOn>
    <definitions>
      <definition name="SUPPORTED_CCInspector_0_1" displayName="$(string.SUPPORTED_CCInspector_0_1)" />
    </definitions>
  </supportedOn>
  <categories>
    <category name="CCInspector" displayName="$(string.CCInspector)" />
    <category name="CCInspectorRecommended" displayName="$(string.CCInspectorRecommended)" />
  </categories>
  <policies>
${[...locked, ...presets].join('\n')}
  </policies>
</policyDefinitions>
`;
}

const LABELS: Record<string, string> = {
  GatewayUrl: 'Gateway address',
  PrivateCaPem: 'Private CA (PEM)',
  CertificatePin: 'Gateway certificate pin (SHA-256)',
  AllowInsecureHttp: 'Allow plain HTTP (lab gateways only)',
  Language: 'Language',
  UpdateChannel: 'Update channel',
  UpdateUrl: 'Update server (https://)',
  UpdatesEnabled: 'Updates enabled',
  DemoModeAllowed: 'Demo mode allowed',
};

const labelOf = (key: string): string =>
  LABELS[key] ??
  key
    .replace(/^Hotkey/, 'Hotkey: ')
    .replace(/^Alert/, 'Alert: ')
    .replace(/([a-z])([A-Z])/g, '$1 $2');

export function buildAdml(): string {
  const strings: string[] = [
    `<string id="CCInspector">CC Inspector</string>`,
    `<string id="CCInspectorRecommended">CC Inspector - Recommended</string>`,
    `<string id="SUPPORTED_CCInspector_0_1">CC Inspector 0.1 and later</string>`,
  ];
  const presentations: string[] = [];
  for (const spec of POLICY_KEYS) {
    strings.push(`<string id="${spec.key}">${escapeXml(labelOf(spec.key))}</string>`);
    strings.push(
      `<string id="${spec.key}_Explain">${escapeXml(`${spec.description}\n\nRegistry value ${spec.key} (${spec.registry}). Locked under ${REGISTRY_KEY}; a preset under its Recommended subkey.`)}</string>`,
    );
    const kind = kindOf(spec);
    if (kind === 'enum')
      for (const value of enumValues(spec))
        strings.push(`<string id="${spec.key}_${value.replace(/-/g, '')}">${value}</string>`);
    const label = `<label>${escapeXml(labelOf(spec.key))}</label>`;
    if (kind === 'integer')
      presentations.push(
        `<presentation id="${spec.key}"><decimalTextBox refId="${spec.key}" defaultValue="${defaultNumber(spec)}">${escapeXml(labelOf(spec.key))}</decimalTextBox></presentation>`,
      );
    else if (kind === 'enum')
      presentations.push(
        `<presentation id="${spec.key}"><dropdownList refId="${spec.key}" noSort="true">${escapeXml(labelOf(spec.key))}</dropdownList></presentation>`,
      );
    else if (kind === 'multiline')
      presentations.push(
        `<presentation id="${spec.key}"><multiTextBox refId="${spec.key}">${escapeXml(labelOf(spec.key))}</multiTextBox></presentation>`,
      );
    else if (kind === 'text')
      presentations.push(
        `<presentation id="${spec.key}"><textBox refId="${spec.key}">${label}</textBox></presentation>`,
      );
  }
  return `<?xml version="1.0" encoding="utf-8"?>
<!-- English strings of cc-inspector.admx (generated by scripts/deployment-samples.ts). -->
<policyDefinitionResources xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" revision="1.0" schemaVersion="1.0" xmlns="http://schemas.microsoft.com/GroupPolicy/2006/07/PolicyDefinitions">
  <displayName>CC Inspector</displayName>
  <description>Managed settings of CC Inspector: gateway and trust, hotkeys, alert thresholds, language, updates, demo mode.</description>
  <resources>
    <stringTable>
${strings.map((line) => `      ${line}`).join('\n')}
    </stringTable>
    <presentationTable>
${presentations.map((line) => `      ${line}`).join('\n')}
    </presentationTable>
  </resources>
</policyDefinitionResources>
`;
}

/** A sample value of `key` on `platform` (hotkeys: the platform's defaults; intercept off). */
function sampleValue(key: string, platform: 'darwin' | 'linux'): string | number | boolean {
  const spec = POLICY_KEYS.find((entry) => entry.key === key);
  const action = spec?.setting?.startsWith('hotkeys.') ? spec.setting.slice(8) : null;
  if (action === null) return SAMPLE_VALUES[key] as string | number | boolean;
  return action === 'intercept' ? '' : defaultHotkeysFor(platform)[action as HotkeyAction];
}

/** The policy document the macOS and Linux samples carry: presets under Recommended. */
export function samplePolicyDocument(platform: 'darwin' | 'linux'): Record<string, unknown> {
  const locked = Object.fromEntries(
    POLICY_KEYS.filter((spec) => !SAMPLE_PRESETS.includes(spec.key)).map((spec) => [
      spec.key,
      sampleValue(spec.key, platform),
    ]),
  );
  const recommended = Object.fromEntries(SAMPLE_PRESETS.map((key) => [key, SAMPLE_VALUES[key]]));
  return { ...locked, Recommended: recommended };
}

export function buildMobileconfig(): string {
  const payload = {
    PayloadContent: [
      {
        PayloadType: APP_ID,
        PayloadIdentifier: `${APP_ID}.policy`,
        PayloadUUID: '8E3F6C1A-2B4D-4E5F-9A7B-1C2D3E4F5A6B',
        PayloadVersion: 1,
        PayloadDisplayName: 'CC Inspector settings',
        ...samplePolicyDocument('darwin'),
      },
    ],
    PayloadDisplayName: 'CC Inspector',
    PayloadDescription:
      'Managed settings of CC Inspector. Top-level keys are locked; keys under Recommended are presets. Remove the keys you do not want to set.',
    PayloadIdentifier: `${APP_ID}.profile`,
    PayloadOrganization: 'Example Contact Center',
    PayloadScope: 'System',
    PayloadType: 'Configuration',
    PayloadUUID: '3D5A7C9E-1F2B-4C6D-8E0A-2B4C6D8E0F1A',
    PayloadVersion: 1,
  };
  return `${plist.build(payload as unknown as plist.PlistValue)}\n`;
}

export function buildLinuxSample(): string {
  return `${JSON.stringify(samplePolicyDocument('linux'), null, 2)}\n`;
}

/** Every sample file, by path under docs/deployment. */
export function deploymentSamples(): Record<string, string> {
  return {
    'windows/cc-inspector.admx': buildAdmx(),
    'windows/en-US/cc-inspector.adml': buildAdml(),
    'macos/cc-inspector.mobileconfig': buildMobileconfig(),
    'linux/policy.json': buildLinuxSample(),
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const root = fileURLToPath(new URL('../docs/deployment/', import.meta.url));
  for (const [name, text] of Object.entries(deploymentSamples())) {
    const target = join(root, name);
    mkdirSync(join(target, '..'), { recursive: true });
    writeFileSync(target, text);
    process.stdout.write(`wrote ${target}\n`);
  }
}
