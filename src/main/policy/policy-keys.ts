/**
 * The catalogue of policy keys: one line per key with its value schema (zod, translated to the
 * published JSON schema), the setting it presets or locks, and how Windows stores it. The same
 * flat key names are used in the registry, in macOS managed preferences and in the Linux JSON
 * file, so an administrator learns one list (README "Deploying to many desktops").
 */
import { z } from 'zod';
import { HOTKEY_ACTIONS, type HotkeyAction } from '../../shared/domain';
import { MODIFIER_SPELLINGS } from '../../shared/accelerator-identity';

/** How the value is stored in the Windows registry (what the ADMX writes). */
export type RegistryType = 'REG_SZ' | 'REG_DWORD' | 'REG_MULTI_SZ';

export interface PolicyKeySpec {
  key: string;
  /** Settings path this key presets or locks; null for a policy-only key. */
  setting: string | null;
  /** Whether the key may also appear under `Recommended` (a preset the person may change). */
  recommendable: boolean;
  registry: RegistryType;
  schema: z.ZodType;
  description: string;
}

/** `stop-follow` → `StopFollow`. */
const pascal = (text: string): string =>
  text.replace(/(^|-)([a-z])/g, (_match, _dash: string, letter: string) => letter.toUpperCase());

/** An https:// address (or http:// where `allowHttp`), as a JSON-schema-expressible pattern. */
const addressSchema = (allowHttp: boolean, what: string) =>
  z
    .string()
    .max(2048)
    .regex(
      allowHttp ? /^https?:\/\/[^\s/?#]+(?:[/?#]\S*)?$/ : /^https:\/\/[^\s/?#]+(?:[/?#]\S*)?$/,
      `${what} is an ${allowHttp ? 'http(s)' : 'https'}:// address`,
    );

const secondsSchema = (minimum: number) => z.number().int().min(minimum).max(86_400);

/** An Electron accelerator (modifiers + key), or '' for "no hotkey". Registration checks more. */
const ACCELERATOR_PATTERN = new RegExp(
  `^$|^(?:(?:${[...MODIFIER_SPELLINGS.values(), 'Ctrl', 'Cmd', 'CmdOrCtrl', 'Option', 'Meta']
    .filter((name, index, all) => all.indexOf(name) === index)
    .join(
      '|',
    )})\\+){1,4}(?:[A-Za-z0-9]|F(?:[1-9]|1[0-9]|2[0-4])|Space|Tab|Insert|Delete|Home|End|PageUp|PageDown|Up|Down|Left|Right|Plus|num[0-9])$`,
);

const hotkeyKey = (action: HotkeyAction): PolicyKeySpec => ({
  key: `Hotkey${pascal(action)}`,
  setting: `hotkeys.${action}`,
  recommendable: true,
  registry: 'REG_SZ',
  schema: z.string().max(64).regex(ACCELERATOR_PATTERN, 'an accelerator such as Control+Alt+F5'),
  description: `Global hotkey of "${action}" (Electron accelerator, e.g. Control+Alt+F5); empty: no hotkey.`,
});

export const POLICY_KEYS: readonly PolicyKeySpec[] = [
  {
    key: 'GatewayUrl',
    setting: 'gateway.url',
    recommendable: true,
    registry: 'REG_SZ',
    schema: addressSchema(true, 'the gateway address'),
    description:
      'Gateway address, e.g. https://cc-gw.example:8043. http:// is ignored unless AllowInsecureHttp is true (locked; or preset, for a preset address) and no CA or pin is set.',
  },
  {
    key: 'PrivateCaPem',
    setting: 'gateway.caPem',
    recommendable: true,
    registry: 'REG_MULTI_SZ',
    schema: z
      .string()
      .max(65_536)
      .regex(
        /^\s*-----BEGIN CERTIFICATE-----[\s\S]+-----END CERTIFICATE-----\s*$/,
        'a PEM certificate',
      ),
    description: 'PEM text of a private CA trusted in addition to the system store.',
  },
  {
    key: 'CertificatePin',
    setting: 'gateway.pinSha256',
    recommendable: true,
    registry: 'REG_SZ',
    schema: z
      .string()
      .regex(/^(?:[0-9A-Fa-f]{2}:?){31}[0-9A-Fa-f]{2}$/, 'a SHA-256 fingerprint (64 hex digits)'),
    description: "SHA-256 fingerprint of the gateway's certificate (hex, colons allowed).",
  },
  {
    key: 'AllowInsecureHttp',
    setting: 'gateway.allowInsecureHttp',
    recommendable: true,
    registry: 'REG_DWORD',
    schema: z.boolean(),
    description:
      'Lab gateways only: allow a plain http:// gateway (never with a CA or pin). Off by default.',
  },
  ...HOTKEY_ACTIONS.map(hotkeyKey),
  {
    key: 'AlertLongCallSeconds',
    setting: 'alerts.longCallSeconds',
    recommendable: true,
    registry: 'REG_DWORD',
    schema: secondsSchema(10),
    description: 'Alert on a call longer than this many seconds (10–86400).',
  },
  {
    key: 'AlertLongBusySeconds',
    setting: 'alerts.longBusySeconds',
    recommendable: true,
    registry: 'REG_DWORD',
    schema: secondsSchema(10),
    description: 'Alert on an agent busy longer than this many seconds (10–86400).',
  },
  {
    key: 'AlertLongWrapUpSeconds',
    setting: 'alerts.longWrapUpSeconds',
    recommendable: true,
    registry: 'REG_DWORD',
    schema: secondsSchema(10),
    description: 'Alert on wrap-up longer than this many seconds (10–86400).',
  },
  {
    key: 'AlertLongQueueWaitSeconds',
    setting: 'alerts.longQueueWaitSeconds',
    recommendable: true,
    registry: 'REG_DWORD',
    schema: secondsSchema(5),
    description: 'Alert on a queued call waiting longer than this many seconds (5–86400).',
  },
  {
    key: 'Language',
    setting: 'language',
    recommendable: true,
    registry: 'REG_SZ',
    schema: z.enum(['en', 'zh-CN']),
    description: 'Language of the app and the command line: en or zh-CN.',
  },
  {
    key: 'UpdateChannel',
    setting: 'updates.channel',
    recommendable: true,
    registry: 'REG_SZ',
    schema: z.enum(['stable', 'beta']),
    description: 'Update channel: stable or beta.',
  },
  {
    key: 'UpdateUrl',
    setting: null,
    recommendable: false,
    registry: 'REG_SZ',
    schema: addressSchema(false, 'the update server'),
    description:
      'https:// folder of the update server (latest.yml and the installers). Without it: GitHub releases.',
  },
  {
    key: 'UpdatesEnabled',
    setting: null,
    recommendable: false,
    registry: 'REG_DWORD',
    schema: z.boolean(),
    description: 'Whether the app checks for and downloads updates (default true).',
  },
  {
    key: 'DemoModeAllowed',
    setting: null,
    recommendable: false,
    registry: 'REG_DWORD',
    schema: z.boolean(),
    description:
      'Whether demo mode (the built-in simulated contact center) may run (default true).',
  },
];

/** The name of the section of presets (recommended values) in every source. */
export const RECOMMENDED_SECTION = 'Recommended';

export const POLICY_KEY_NAMES: readonly string[] = POLICY_KEYS.map((spec) => spec.key);

const BY_KEY: ReadonlyMap<string, PolicyKeySpec> = new Map(
  POLICY_KEYS.map((spec) => [spec.key, spec]),
);

/** The spec of `key`, or undefined for a key this version does not know. */
export function policyKeySpec(key: string): PolicyKeySpec | undefined {
  return BY_KEY.get(key);
}

/** Policy values by key (validated). */
export type PolicyValues = Record<string, string | number | boolean>;
