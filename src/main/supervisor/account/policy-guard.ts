/**
 * The administrator's policy in the core: settings load with the presets applied (once per
 * value) and the locked values in force; a change to a locked setting — from the window, a
 * hotkey binding or a sign-in to another address — is refused with the key and where it was
 * set; demo mode only runs where allowed; every policy problem becomes a start-up notice.
 */
import type { Notice, Settings } from '../../../shared/domain';
import type { CommandError } from '../../../shared/ipc/contract';
import type { PolicyLock } from '../../../shared/policy';
import { NO_POLICY, type ManagedPolicy } from '../../policy/policy-merge';
import {
  applyPolicyPresets,
  enforcePolicy,
  lockedPathsChanged,
  lockedSettings,
} from '../../policy/policy-settings';
import { commandError } from '../command-errors';
import { errorMessage } from '../error-text';
import type { Logger, SettingsStore } from '../ports';
import { loadSettingsOrDefaults } from './settings-model';
import { SettingsWriter } from './settings-writer';

/** At most this many policy problems are listed one by one; the rest are counted. */
const LISTED_PROBLEMS = 5;

/** The refusal of a change to locked settings, naming the keys and where they were set. */
export function lockedError(locks: readonly PolicyLock[], field: string | null): CommandError {
  const named = locks.map((lock) => `${lock.key} (${lock.source})`).join(', ');
  return commandError(
    'locked-by-policy',
    `Set by your administrator and locked: ${named}. It cannot be changed here.`,
    `该设置已由管理员通过策略锁定：${named}，无法在此更改。`,
    null,
    field,
  );
}

/** Why `next` may not be saved under `policy`; null when it changes no locked setting. */
export function refuseLockedSettings(next: Settings, policy: ManagedPolicy): CommandError | null {
  const changed = lockedPathsChanged(next, policy);
  if (changed.length === 0) return null;
  const locks = lockedSettings(policy);
  return lockedError(
    changed.map((path) => locks[path] as PolicyLock),
    changed[0] ?? null,
  );
}

/** Why a setting path may not change; null when it is not locked. */
export function refuseLockedPath(path: string, policy: ManagedPolicy): CommandError | null {
  const lock = lockedSettings(policy)[path];
  return lock ? lockedError([lock], path) : null;
}

/** A sign-in to another address than the locked one is refused. */
export function refuseLockedAddress(url: string, policy: ManagedPolicy): CommandError | null {
  const locked = policy.locked.GatewayUrl;
  if (typeof locked !== 'string' || locked.trim() === url.trim()) return null;
  return lockedError(
    [{ key: 'GatewayUrl', source: policy.origin.GatewayUrl ?? 'policy' }],
    'gatewayUrl',
  );
}

/** Demo mode refused by policy (DemoModeAllowed=false). */
export function refuseDemo(policy: ManagedPolicy): CommandError | null {
  if (policy.locked.DemoModeAllowed !== false) return null;
  return commandError(
    'locked-by-policy',
    `Demo mode is turned off by your administrator (DemoModeAllowed, ${policy.origin.DemoModeAllowed ?? 'policy'}).`,
    `演示模式已被管理员关闭（DemoModeAllowed，${policy.origin.DemoModeAllowed ?? 'policy'}）。`,
  );
}

/** Every policy problem as start-up notices (a long list is cut, with the count of the rest). */
export function policyNotices(policy: ManagedPolicy): Notice[] {
  const listed = policy.problems.slice(0, LISTED_PROBLEMS).map((problem): Notice => ({
    level: 'warning',
    message: `Administrator policy: ${problem.message}`,
    messageZh: `管理员策略：${problem.messageZh}`,
    retcode: null,
  }));
  const rest = policy.problems.length - listed.length;
  if (rest > 0)
    listed.push({
      level: 'warning',
      message: `Administrator policy: ${rest} more problems; "Export diagnostics…" lists them all.`,
      messageZh: `管理员策略：另有 ${rest} 个问题，“导出诊断信息…”中列出了全部问题。`,
      retcode: null,
    });
  return listed;
}

/**
 * Settings as the core starts with them: loaded, presets applied, locks in force. What changed
 * is saved, so the file and the screen agree; a failed save still leaves the policy in force.
 */
export function loadSettingsUnderPolicy(
  store: SettingsStore,
  logger: Logger,
  policy: ManagedPolicy = NO_POLICY,
): { settings: Settings; notices: Notice[] } {
  const loaded = loadSettingsOrDefaults(store, logger);
  const notices = [...loaded.notices, ...policyNotices(policy)];
  let ledger: Record<string, string> = {};
  try {
    ledger = store.loadPolicyPresets?.() ?? {};
  } catch (error) {
    logger.warn('policy presets ledger not readable', { error: errorMessage(error) });
  }
  const preset = applyPolicyPresets(loaded.settings, policy, ledger);
  const settings = enforcePolicy(preset.settings, policy);
  if (preset.applied.length > 0) logger.info('policy presets applied', { keys: preset.applied });
  try {
    if (JSON.stringify(settings) !== JSON.stringify(loaded.settings)) store.save(settings);
    if (JSON.stringify(preset.presets) !== JSON.stringify(ledger))
      store.savePolicyPresets?.(preset.presets);
  } catch (error) {
    logger.warn('settings under policy not saved', { error: errorMessage(error) });
  }
  return { settings, notices };
}

/** The one settings writer, starting from the settings under policy and refusing locked changes. */
export function createPolicySettingsWriter(
  store: SettingsStore,
  logger: Logger,
  policy: ManagedPolicy,
  onChanged: (settings: Settings) => void,
): { writer: SettingsWriter; notices: Notice[] } {
  const loaded = loadSettingsUnderPolicy(store, logger, policy);
  const writer = new SettingsWriter({
    store,
    logger,
    initial: loaded.settings,
    onChanged,
    refuse: (next) => refuseLockedSettings(next, policy),
  });
  return { writer, notices: loaded.notices };
}
