/** What the policy does to the settings: locks, presets applied once per value, the screen's view. */
import { describe, expect, it } from 'vitest';
import { createDefaultSettings } from '../../shared/settings-defaults';
import { mergePolicySources } from './policy-merge';
import {
  applyPolicyPresets,
  enforcePolicy,
  lockedPathsChanged,
  policyViewOf,
} from './policy-settings';

const SOURCE = '/etc/cc-inspector/policy.json';
const policyOf = (document: Record<string, unknown>) =>
  mergePolicySources([{ source: SOURCE, document }]);

describe('policy and settings', () => {
  const policy = policyOf({
    GatewayUrl: 'https://cc-gw.example:8043',
    CertificatePin: 'AB:'.repeat(31) + 'AB',
    HotkeyIntercept: '',
    AlertLongCallSeconds: 900,
    DemoModeAllowed: false,
    UpdateUrl: 'https://updates.example/cc',
    Recommended: { Language: 'zh-CN', UpdateChannel: 'beta' },
  });

  it('overwrites every locked setting; "" unbinds a hotkey; DemoModeAllowed=false turns demo off', () => {
    const enforced = enforcePolicy(createDefaultSettings('linux'), policy);
    expect(enforced.gateway.url).toBe('https://cc-gw.example:8043');
    expect(enforced.gateway.pinSha256).toBe('AB:'.repeat(31) + 'AB');
    expect(enforced.hotkeys.intercept).toBeNull();
    expect(enforced.hotkeys.listen).toBe('Control+Alt+Shift+L');
    expect(enforced.alerts.longCallSeconds).toBe(900);
    expect(enforced.demoMode).toBe(false);
    // Presets are not locks.
    expect(enforced.language).toBe('en');
  });

  it('tells the screen what is locked, by which key, from where', () => {
    const view = policyViewOf(policy);
    expect(view.managed).toBe(true);
    expect(view.demoModeAllowed).toBe(false);
    expect(view.locked).toEqual({
      'gateway.url': { key: 'GatewayUrl', source: SOURCE },
      'gateway.pinSha256': { key: 'CertificatePin', source: SOURCE },
      'hotkeys.intercept': { key: 'HotkeyIntercept', source: SOURCE },
      'alerts.longCallSeconds': { key: 'AlertLongCallSeconds', source: SOURCE },
      demoMode: { key: 'DemoModeAllowed', source: SOURCE },
    });
    expect(policyViewOf(mergePolicySources([]))).toEqual({
      locked: {},
      demoModeAllowed: true,
      managed: false,
    });
  });

  it('applies a preset once; the person may change it; a changed preset applies again', () => {
    const first = applyPolicyPresets(createDefaultSettings('linux'), policy, {});
    expect(first.settings.language).toBe('zh-CN');
    expect(first.settings.updates.channel).toBe('beta');
    expect(first.applied).toEqual(['Language', 'UpdateChannel']);
    expect(JSON.stringify(first.presets)).not.toContain('zh-CN');

    const changedByPerson = { ...first.settings, language: 'en' as const };
    const again = applyPolicyPresets(changedByPerson, policy, first.presets);
    expect(again.settings.language).toBe('en');
    expect(again.applied).toEqual([]);

    const newPreset = policyOf({ Recommended: { Language: 'en', UpdateChannel: 'beta' } });
    const later = applyPolicyPresets(
      { ...changedByPerson, language: 'zh-CN' },
      newPreset,
      first.presets,
    );
    expect(later.applied).toEqual(['Language']);
    expect(later.settings.language).toBe('en');
  });

  it('names the locked settings a change would alter', () => {
    const enforced = enforcePolicy(createDefaultSettings('linux'), policy);
    expect(lockedPathsChanged(enforced, policy)).toEqual([]);
    const edited = {
      ...enforced,
      gateway: { ...enforced.gateway, url: 'https://other:8043' },
      demoMode: true,
      theme: 'dark' as const,
    };
    expect(lockedPathsChanged(edited, policy)).toEqual(['gateway.url', 'demoMode']);
  });
});
