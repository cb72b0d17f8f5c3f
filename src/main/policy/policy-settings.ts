/**
 * What the managed policy does to the settings, as pure functions: locked keys overwrite their
 * setting (and stay so: a change is refused), presets are applied once per value (a preset the
 * person changed stays changed until the administrator changes the preset), and the screen's
 * view of which settings are locked, by which key, from where.
 */
import { createHash } from 'node:crypto';
import type { Settings } from '../../shared/domain';
import type { PolicyLock, PolicyView } from '../../shared/policy';
import type { ManagedPolicy } from './policy-merge';
import { isManaged } from './policy-merge';
import { policyKeySpec, type PolicyValues } from './policy-keys';

type Value = string | number | boolean;

/** The settings path a key writes and the value it writes there; null for policy-only keys. */
function settingOf(key: string, value: Value): { path: string; value: unknown } | null {
  if (key === 'DemoModeAllowed') return value === false ? { path: 'demoMode', value: false } : null;
  const spec = policyKeySpec(key);
  if (!spec?.setting) return null;
  if (spec.setting.startsWith('hotkeys.')) return { path: spec.setting, value: value || null };
  return { path: spec.setting, value };
}

function readPath(settings: Settings, path: string): unknown {
  return path
    .split('.')
    .reduce<unknown>((node, part) => (node as Record<string, unknown> | null)?.[part], settings);
}

/** A copy of `settings` with `path` set to `value`. */
function writePath(settings: Settings, path: string, value: unknown): Settings {
  const copy = structuredClone(settings) as unknown as Record<string, unknown>;
  const parts = path.split('.');
  let node = copy;
  for (const part of parts.slice(0, -1)) node = node[part] as Record<string, unknown>;
  node[parts.at(-1) as string] = value;
  return copy as unknown as Settings;
}

function applyValues(settings: Settings, values: PolicyValues): Settings {
  let result = settings;
  for (const [key, value] of Object.entries(values)) {
    const setting = settingOf(key, value);
    if (setting) result = writePath(result, setting.path, setting.value);
  }
  return result;
}

/** `settings` with every locked key's value. */
export function enforcePolicy(settings: Settings, policy: ManagedPolicy): Settings {
  return applyValues(settings, policy.locked);
}

/** A short fingerprint of a preset's value (the ledger never holds the value itself). */
function fingerprint(value: Value): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('hex').slice(0, 32);
}

export interface PresetOutcome {
  settings: Settings;
  /** The ledger to keep: key → fingerprint of the preset value applied. */
  presets: Record<string, string>;
  /** The keys applied now (new presets, or presets the administrator changed). */
  applied: string[];
}

/** Applies the presets not applied yet with their current value. */
export function applyPolicyPresets(
  settings: Settings,
  policy: ManagedPolicy,
  ledger: Readonly<Record<string, string>>,
): PresetOutcome {
  const presets: Record<string, string> = {};
  const fresh: PolicyValues = {};
  for (const [key, value] of Object.entries(policy.recommended)) {
    const print = fingerprint(value);
    presets[key] = print;
    if (ledger[key] !== print) fresh[key] = value;
  }
  return { settings: applyValues(settings, fresh), presets, applied: Object.keys(fresh) };
}

/** Which settings are locked, by which key, from where. */
export function lockedSettings(policy: ManagedPolicy): Record<string, PolicyLock> {
  const locked: Record<string, PolicyLock> = {};
  for (const [key, value] of Object.entries(policy.locked)) {
    const setting = settingOf(key, value);
    if (setting) locked[setting.path] = { key, source: policy.origin[key] ?? 'policy' };
  }
  return locked;
}

/** What the screen is told about the policy. */
export function policyViewOf(policy: ManagedPolicy): PolicyView {
  return {
    locked: lockedSettings(policy),
    demoModeAllowed: policy.locked.DemoModeAllowed !== false,
    managed: isManaged(policy),
  };
}

/** The locked settings paths whose value in `settings` differs from the policy's. */
export function lockedPathsChanged(settings: Settings, policy: ManagedPolicy): string[] {
  const enforced = enforcePolicy(settings, policy);
  return Object.keys(lockedSettings(policy)).filter(
    (path) => JSON.stringify(readPath(settings, path)) !== JSON.stringify(readPath(enforced, path)),
  );
}
