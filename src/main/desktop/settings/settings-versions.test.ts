/**
 * Every settings document an earlier build can have left on disk loads into today's settings:
 * version 0 (no schemaVersion), version 1, version 1 with the coaching section (issue 12's
 * branch, before issue 9's version 2), and version 2 without it (issue 9 and 11). Each keeps
 * what the person set and gains, from the defaults, what it lacks — the answer cap, plain HTTP
 * off, the insight and coaching sections, the stop-follow hotkey — with nothing set aside.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { resetElectronFake } from '../../../../test/support/fakes/electron';
import {
  createDefaultCoachingSettings,
  DEFAULT_HOTKEYS,
  SETTINGS_SCHEMA_VERSION,
} from '../../../shared/settings-defaults';
import { createDefaultInsightSettings } from '../../../shared/insight-settings';
import { createSettingsStore } from './settings-store';

/** What a version-1 build wrote: six hotkeys, no insight, no coaching, no trust fields. */
const VERSION_1 = {
  schemaVersion: 1,
  gateway: {
    url: 'https://gw.example:8043',
    inspectorId: '900',
    phoneNumber: '7001',
    caPem: null,
    pinSha256: 'ab'.repeat(32),
  },
  hotkeys: {
    listen: 'Control+Alt+Shift+1',
    barge: 'Control+Alt+Shift+2',
    whisper: null,
    switch: 'Control+Alt+Shift+4',
    intercept: 'Control+Alt+Shift+5',
    cancel: 'Control+Alt+Shift+6',
  },
  alerts: {
    longCallSeconds: 900,
    longBusySeconds: 300,
    longWrapUpSeconds: 120,
    longQueueWaitSeconds: 45,
  },
  language: 'zh-CN',
  theme: 'dark',
  demoMode: false,
  confirmDestructive: true,
  window: { bounds: null },
};

const { schemaVersion: _none, ...VERSION_0 } = VERSION_1;

/** Issue 12's branch wrote version 1 with its section (and hotkey) before version 2 existed. */
const COACHING_OF_VERSION_1 = { ...createDefaultCoachingSettings(), retentionDays: 30 };
const VERSION_1_WITH_COACHING = {
  ...VERSION_1,
  hotkeys: { ...VERSION_1.hotkeys, 'stop-follow': 'Control+Alt+Shift+7' },
  coaching: COACHING_OF_VERSION_1,
};

/** Issue 9 and 11 wrote version 2: trust fields and insight, no coaching. */
const INSIGHT_OF_VERSION_2 = { ...createDefaultInsightSettings(), serviceLevelSeconds: 30 };
const VERSION_2_WITHOUT_COACHING = {
  ...VERSION_1,
  schemaVersion: 2,
  gateway: { ...VERSION_1.gateway, allowInsecureHttp: true, maxAnswerMiB: 16 },
  insight: INSIGHT_OF_VERSION_2,
};

describe('settings documents of every earlier version', () => {
  let dir: string;
  beforeEach(() => {
    resetElectronFake();
    dir = mkdtempSync(join(tmpdir(), 'cc-settings-versions-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  function load(document: unknown) {
    writeFileSync(join(dir, 'settings.json'), JSON.stringify(document));
    const loaded = createSettingsStore({ directory: dir, now: () => 1 }).load();
    const stored = JSON.parse(readFileSync(join(dir, 'settings.json'), 'utf8')) as {
      schemaVersion: number;
    };
    expect(loaded.notices).toEqual([]);
    expect(readdirSync(dir).filter((name) => name.includes('corrupt'))).toEqual([]);
    expect(loaded.settings.schemaVersion).toBe(SETTINGS_SCHEMA_VERSION);
    expect(stored.schemaVersion).toBe(SETTINGS_SCHEMA_VERSION);
    return loaded.settings;
  }

  const keptFromVersion1 = {
    gateway: { url: 'https://gw.example:8043', inspectorId: '900', pinSha256: 'ab'.repeat(32) },
    alerts: { longCallSeconds: 900, longQueueWaitSeconds: 45 },
    language: 'zh-CN',
    theme: 'dark',
    demoMode: false,
  };

  for (const [name, document] of [
    ['version 0', VERSION_0],
    ['version 1', VERSION_1],
  ] as const) {
    it(`${name}: keeps every value and gains the rest from the defaults`, () => {
      const settings = load(document);
      expect(settings).toMatchObject(keptFromVersion1);
      expect(settings.gateway).toMatchObject({ allowInsecureHttp: false, maxAnswerMiB: 8 });
      expect(settings.hotkeys).toEqual({
        ...VERSION_1.hotkeys,
        'stop-follow': DEFAULT_HOTKEYS['stop-follow'],
      });
      expect(settings.insight).toEqual(createDefaultInsightSettings());
      expect(settings.coaching).toEqual(createDefaultCoachingSettings());
    });
  }

  it('version 1 with the coaching section keeps it and its hotkey', () => {
    const settings = load(VERSION_1_WITH_COACHING);
    expect(settings).toMatchObject(keptFromVersion1);
    expect(settings.gateway).toMatchObject({ allowInsecureHttp: false, maxAnswerMiB: 8 });
    expect(settings.hotkeys['stop-follow']).toBe('Control+Alt+Shift+7');
    expect(settings.coaching).toEqual(COACHING_OF_VERSION_1);
    expect(settings.insight).toEqual(createDefaultInsightSettings());
  });

  it('version 2 without the coaching section keeps trust and insight, gains coaching', () => {
    const settings = load(VERSION_2_WITHOUT_COACHING);
    expect(settings).toMatchObject(keptFromVersion1);
    expect(settings.gateway).toMatchObject({ allowInsecureHttp: true, maxAnswerMiB: 16 });
    expect(settings.insight).toEqual(INSIGHT_OF_VERSION_2);
    expect(settings.coaching).toEqual(createDefaultCoachingSettings());
    expect(settings.hotkeys['stop-follow']).toBe(DEFAULT_HOTKEYS['stop-follow']);
  });
});
