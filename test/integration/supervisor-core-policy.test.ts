/**
 * Issue 16: the administrator's policy in a real core on the simulator. A locked gateway and CA
 * replace what the person had; a change to them (settings, sign-in elsewhere, a locked hotkey)
 * is refused with the key and the source; presets apply once; demo mode can be forbidden; a bad
 * policy key becomes a notice and the rest still applies.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mergePolicySources } from '../../src/main/policy/policy-merge';
import { startSimulator } from '../../src/simulator/http/simulator-server';
import type { RunningSimulator } from '../../src/simulator/simulator-types';
import { createCoreOnGateway, type CoreOnGateway } from '../support/core/start-core-on-simulator';
import { createMemorySettingsStore } from '../../src/main/node/node-settings-store';
import { createDemoGateway } from '../../src/main/node/demo-gateway';

const SOURCE = '/etc/cc-inspector/policy.json';

describe('supervisor core under an administrator policy', () => {
  let sim: RunningSimulator;
  let h: CoreOnGateway;
  const store = createMemorySettingsStore({
    gateway: {
      url: 'https://old-gateway.example:8043',
      inspectorId: '',
      phoneNumber: '',
      caPem: null,
      pinSha256: null,
      allowInsecureHttp: false,
      maxAnswerMiB: 8,
    },
  });

  beforeAll(async () => {
    sim = await startSimulator({ protocol: 'https', agents: 10, seed: 3, pollHoldMs: 300 });
    const policy = mergePolicySources([
      {
        source: SOURCE,
        document: {
          GatewayUrl: sim.baseUrl,
          PrivateCaPem: sim.caPem,
          HotkeyIntercept: '',
          AlertLongCallSeconds: 900,
          DemoModeAllowed: false,
          CertificatePin: 'not a pin',
          Recommended: { Language: 'zh-CN' },
        },
      },
    ]);
    h = createCoreOnGateway({
      gateway: sim,
      inspector: sim.inspectors[0]!,
      settingsStore: () => store,
      ports: { policy, demo: createDemoGateway({ simulator: { agents: 5 } }) },
      supervisor: { pollHoldMs: 300, warmupMs: 100 },
    });
  });
  afterAll(async () => {
    await h?.close();
    await sim?.close();
  });

  const snapshot = async () => {
    const result = await h.core.execute('app.getSnapshot', {});
    if (!result.ok) throw new Error(result.error.message);
    return result.value;
  };

  it('starts with the locked values and presets in force, saved, and the bad key reported', async () => {
    const value = await snapshot();
    expect(value.settings.gateway.url).toBe(sim.baseUrl);
    expect(value.settings.gateway.caPem).toBe(sim.caPem);
    expect(value.settings.hotkeys.intercept).toBeNull();
    expect(value.settings.alerts.longCallSeconds).toBe(900);
    expect(value.settings.demoMode).toBe(false);
    expect(value.settings.language).toBe('zh-CN');
    expect(store.current().gateway.url).toBe(sim.baseUrl);
    expect(value.policy?.locked['gateway.url']).toEqual({ key: 'GatewayUrl', source: SOURCE });
    expect(value.policy?.demoModeAllowed).toBe(false);
    const notice = value.startupNotices.find((entry) => entry.message.includes('CertificatePin'));
    expect(notice?.message).toMatch(/^Administrator policy: Policy CertificatePin was ignored/);
    expect(notice?.messageZh).toContain('管理员策略');
  });

  it('refuses a change to a locked setting and keeps the others changeable', async () => {
    const refused = await h.core.execute('settings.update', {
      gateway: { url: 'https://elsewhere.example:8043' },
    });
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.error.code).toBe('locked-by-policy');
    expect(refused.error.field).toBe('gateway.url');
    expect(refused.error.message).toContain(`GatewayUrl (${SOURCE})`);
    expect(store.current().gateway.url).toBe(sim.baseUrl);

    const allowed = await h.core.execute('settings.update', { language: 'en', theme: 'dark' });
    expect(allowed.ok && allowed.value.language).toBe('en');
    // The same locked values sent back unchanged (the dialog sends every field) are fine.
    const same = await h.core.execute('settings.update', {
      gateway: { url: sim.baseUrl },
      alerts: { longCallSeconds: 900, longBusySeconds: 400 },
    });
    expect(same.ok && same.value.alerts.longBusySeconds).toBe(400);
  });

  it('refuses a locked hotkey and demo mode, and a sign-in to another address', async () => {
    const hotkey = await h.core.execute('hotkeys.set', {
      action: 'intercept',
      accelerator: 'Control+Alt+F9',
    });
    expect(!hotkey.ok && hotkey.error.code).toBe('locked-by-policy');
    const demo = await h.core.execute('session.startDemo', {});
    expect(!demo.ok && demo.error.message).toContain('DemoModeAllowed');
    const elsewhere = await h.core.execute('session.signIn', {
      gatewayUrl: 'https://elsewhere.example:8043',
      inspectorId: h.inspector.agentId,
      phoneNumber: h.inspector.phoneNumber,
      password: h.inspector.password,
      remember: false,
    });
    expect(!elsewhere.ok && elsewhere.error.code).toBe('locked-by-policy');
  });

  it('signs in to the locked gateway with the locked CA', async () => {
    await h.signIn({ remember: false });
    const value = await snapshot();
    expect(value.connection).toMatchObject({ phase: 'live', gatewayUrl: sim.baseUrl, demo: false });
  });

  it('does not start demo mode at start-up where policy forbids it', async () => {
    const unconfigured = createCoreOnGateway({
      gateway: sim,
      inspector: sim.inspectors[1]!,
      settingsStore: () => createMemorySettingsStore(),
      ports: {
        policy: mergePolicySources([{ source: SOURCE, document: { DemoModeAllowed: false } }]),
        demo: createDemoGateway({ simulator: { agents: 5 } }),
      },
    });
    try {
      await unconfigured.core.start({ demo: true });
      const result = await unconfigured.core.execute('app.getSnapshot', {});
      expect(result.ok && result.value.connection.phase).toBe('signed-out');
    } finally {
      await unconfigured.close();
    }
  });
});
