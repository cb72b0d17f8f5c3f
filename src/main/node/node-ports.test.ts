import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDefaultSettings, DEFAULT_HOTKEYS } from '../../shared/settings-defaults';
import { mergeSettings } from '../supervisor/account/settings-model';
import {
  createJsonFileSettingsStore,
  createMemorySettingsStore,
  createNodeTransportFactory,
} from './node-ports';
import { createDemoGateway } from './demo-gateway';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'node-ports-'));
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('settings stores', () => {
  it('a missing file gives defaults without notices; a save round-trips', () => {
    const file = path.join(dir, 'nested', 'settings.json');
    const store = createJsonFileSettingsStore(file);
    expect(store.load()).toEqual({ settings: createDefaultSettings(), notices: [] });
    const changed = mergeSettings(createDefaultSettings(), {
      language: 'zh-CN',
      gateway: { url: 'https://gw:8043' },
    });
    store.save(changed);
    expect(store.load().settings).toEqual(changed);
  });

  it('keeps a corrupt file aside, starts from defaults and says so', () => {
    const file = path.join(dir, 'settings.json');
    fs.writeFileSync(file, '{"schemaVersion": 1, "gateway": ');
    const store = createJsonFileSettingsStore(file, () => 42);
    const loaded = store.load();
    expect(loaded.settings).toEqual(createDefaultSettings());
    expect(loaded.notices[0]?.message).toMatch(/settings\.json\.corrupt-42/);
    expect(fs.existsSync(`${file}.corrupt-42`)).toBe(true);
    expect(fs.existsSync(file)).toBe(false);
  });

  it('repairs mistyped fields field by field', () => {
    const file = path.join(dir, 'settings.json');
    fs.writeFileSync(
      file,
      JSON.stringify({
        schemaVersion: 1,
        language: 'fr',
        alerts: { longCallSeconds: 'x', longBusySeconds: 200 },
        gateway: { url: 'https://gw' },
      }),
    );
    const { settings } = createJsonFileSettingsStore(file).load();
    expect(settings.language).toBe('en');
    expect(settings.alerts).toMatchObject({ longCallSeconds: 600, longBusySeconds: 200 });
    expect(settings.gateway.url).toBe('https://gw');
  });

  it('fills what a file lacks from the product defaults and keeps a cleared hotkey cleared', () => {
    const file = path.join(dir, 'settings.json');
    fs.writeFileSync(
      file,
      JSON.stringify({ schemaVersion: 1, hotkeys: { listen: null, barge: 'Alt+F9' } }),
    );
    const { settings } = createJsonFileSettingsStore(file).load();
    expect(settings.demoMode).toBe(true);
    expect(settings.hotkeys).toEqual({ ...DEFAULT_HOTKEYS, listen: null, barge: 'Alt+F9' });
    expect(settings).toMatchObject({ language: 'en', theme: 'system', confirmDestructive: true });
  });

  it('memory store hands out copies', () => {
    const store = createMemorySettingsStore({ language: 'zh-CN' });
    const loaded = store.load().settings;
    loaded.language = 'en';
    expect(store.current().language).toBe('zh-CN');
  });
});

describe('mergeSettings', () => {
  it('merges nested objects and leaves the rest', () => {
    const merged = mergeSettings(createDefaultSettings(), {
      gateway: { pinSha256: 'ab'.repeat(32) },
      alerts: { longWrapUpSeconds: 60 },
    });
    expect(merged.gateway).toMatchObject({ url: '', pinSha256: 'ab'.repeat(32) });
    expect(merged.alerts).toMatchObject({ longWrapUpSeconds: 60, longCallSeconds: 600 });
  });
});

describe('Node gateway ports', () => {
  it('the demo gateway loads the simulator lazily and serves an inspector account over HTTPS', async () => {
    const demo = createDemoGateway({ simulator: { agents: 5, pollHoldMs: 50 } });
    const started = await demo.start();
    expect(started.baseUrl).toMatch(/^https:\/\/127\.0\.0\.1:\d+\/agentgateway\/resource\/$/);
    expect(started.caPem).toContain('BEGIN CERTIFICATE');
    expect(started.inspector.agentId).toMatch(/^\d+$/);
    expect(demo.simulator()?.agents).toHaveLength(5);
    await demo.stop();
    expect(demo.simulator()).toBeNull();
  });

  it('the transport factory reuses one pool per trust setting', async () => {
    const factory = createNodeTransportFactory();
    const a = factory.create({ caPem: null, pinSha256: null });
    expect(factory.create({ caPem: null, pinSha256: null })).toBe(a);
    expect(factory.create({ caPem: null, pinSha256: 'ab'.repeat(32) })).not.toBe(a);
    await factory.close();
  });
});
