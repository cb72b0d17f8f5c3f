import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { COMMAND_NAMES, type CommandName, type ValidCommandArgs } from '../../shared/ipc/contract';
import { HOTKEY_ACTIONS, type HotkeyAction, type HotkeyStatus } from '../../shared/domain';
import {
  COMMAND_OF_ACTION,
  isSwitchToAction,
  qcOfSwitchTo,
  SUPERVISOR_ACTIONS,
} from '../../shared/inspection-vocabulary';
import { createSupervisor } from './create-supervisor';
import {
  createMemoryCredentialStore,
  createMemorySettingsStore,
  silentLogger,
} from '../node/node-ports';
import {
  KeychainUnavailableError,
  type CredentialStore,
  type HotkeyPort,
  type SettingsStore,
  type SupervisorPorts,
} from './ports';
import { createDefaultSettings } from '../../shared/settings-defaults';
import { ManualClock } from '../../../test/support/core/manual-clock';

/** Valid arguments for every command (what the desktop's zod validation lets through). */
const ARGS: { [N in CommandName]: ValidCommandArgs<N> } = {
  'app.getSnapshot': {},
  'app.getScreen': { agentsUpTo: 1_999 },
  'roster.getSnapshot': {},
  'app.getStatus': {},
  'app.openLogsFolder': {},
  'session.signIn': {
    gatewayUrl: 'https://gw.test:8043',
    inspectorId: '900',
    phoneNumber: '88001',
    remember: false,
  },
  'session.signOut': { forgetPassword: false },
  'session.startDemo': {},
  'agents.select': { workNo: '1002' },
  'inspection.listen': { workNo: '1002', source: 'window' },
  'inspection.barge': { workNo: '1002', source: 'window' },
  'inspection.whisper': { workNo: '1002', source: 'window' },
  'inspection.switch': { source: 'window' },
  'inspection.switchTo': { mode: 'insert', source: 'window' },
  'inspection.intercept': { source: 'window' },
  'inspection.cancel': { source: 'window' },
  'agents.forceBusy': { workNo: '1002', source: 'window' },
  'agents.forceIdle': { workNo: '1002', source: 'window' },
  'agents.forceSignOut': { workNo: '1002', source: 'window' },
  'queues.watch': { skillIds: [1, 2] },
  'queues.requestCall': { callId: 'c-1', skillId: 1, source: 'window' },
  'settings.update': { alerts: { longCallSeconds: 900 } },
  'hotkeys.set': { action: 'listen', accelerator: 'CommandOrControl+Alt+L' },
  'journal.list': { limit: 10 },
  'journal.export': { format: 'csv' },
  'coaching.getView': {},
  'coaching.previewRecipients': { recipients: { kind: 'group', group: 'Sales' } },
  'coaching.sendNote': {
    recipients: { kind: 'agents', workNos: ['1002'] },
    text: 'hello',
    source: 'window',
  },
  'coaching.forceRest': { workNo: '1002', seconds: 60, reason: 1, source: 'window' },
  'coaching.forceRelease': { workNo: '1002', source: 'window' },
  'coaching.adjustSkills': { workNo: '1002', skillIds: [3, 5], source: 'window' },
  'coaching.follow': { workNo: '1002', calls: 2, minutes: null, source: 'window' },
  'coaching.stopFollow': { source: 'window' },
  'coaching.sampleNext': { source: 'window' },
  'coaching.saveScorecard': {
    inspectionId: null,
    workNo: '1002',
    formId: 'call-quality',
    scores: [1, 2, 3].map((score) => ({ itemId: `i${score}`, score, comment: '' })),
    comment: '',
  },
  'coaching.dismissScorecard': {},
  'coaching.timeline': { workNo: '1002', kinds: ['state'], from: null, to: null, limit: 10 },
  'coaching.exportFile': { workNo: '1002', kinds: ['state'], from: null, format: 'csv' },
  'coaching.exportScorecards': { workNo: null, from: null, format: 'json' },
  'stats.getSnapshot': {},
  'stats.history': { skillId: null },
  'stats.exportCsv': {},
  'wallboard.open': {},
  'updates.check': {},
  'updates.install': {},
  'updates.getState': {},
  'diagnostics.export': { includeCallParties: false },
};

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'core-commands-'));
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

function ports(overrides: Partial<SupervisorPorts> = {}): SupervisorPorts {
  return {
    credentials: createMemoryCredentialStore(),
    settings: createMemorySettingsStore(),
    transport: { create: () => () => Promise.reject(new Error('no network in this test')) },
    journalDir: dir,
    logger: silentLogger,
    clock: new ManualClock(),
    ...overrides,
  };
}

function fakeHotkeys(): HotkeyPort {
  const bound = new Map<HotkeyAction, string | null>();
  const list = (): HotkeyStatus[] =>
    HOTKEY_ACTIONS.map((action) => {
      const accelerator = bound.get(action) ?? null;
      return { action, accelerator, status: accelerator ? 'registered' : 'unbound', detail: null };
    });
  return {
    set: (action, accelerator) => {
      bound.set(action, accelerator);
      return list();
    },
    list,
  };
}

describe('supervisor commands without a session', () => {
  it('every command answers with a Result and never throws', async () => {
    const core = createSupervisor(ports());
    for (const name of COMMAND_NAMES) {
      const result = await core.execute(name, ARGS[name] as never);
      expect(typeof result.ok, name).toBe('boolean');
      if (!result.ok) {
        expect(result.error.message.length, name).toBeGreaterThan(0);
        expect(result.error.messageZh.length, name).toBeGreaterThan(0);
      }
    }
    await core.dispose();
  });

  it('inspection and force commands say sign in first', async () => {
    const core = createSupervisor(ports());
    for (const name of [
      'inspection.listen',
      'inspection.cancel',
      'agents.forceBusy',
      'queues.requestCall',
    ] as const) {
      expect(await core.execute(name, ARGS[name] as never), name).toMatchObject({
        ok: false,
        error: { code: 'not-signed-in' },
      });
    }
  });

  it('sign-in without a remembered password asks for one; a missing keychain says so', async () => {
    const core = createSupervisor(ports());
    expect(await core.execute('session.signIn', ARGS['session.signIn'])).toMatchObject({
      ok: false,
      error: { code: 'no-password' },
    });
    const broken: CredentialStore = {
      getPassword: () =>
        Promise.reject(new KeychainUnavailableError('No Secret Service is running.')),
      setPassword: () =>
        Promise.reject(new KeychainUnavailableError('No Secret Service is running.')),
      deletePassword: () =>
        Promise.reject(new KeychainUnavailableError('No Secret Service is running.')),
      findCredentials: () => Promise.resolve([]),
    };
    const noKeychain = createSupervisor(ports({ credentials: broken }));
    expect(await noKeychain.execute('session.signIn', ARGS['session.signIn'])).toMatchObject({
      ok: false,
      error: { code: 'keychain-unavailable', message: 'No Secret Service is running.' },
    });
    const snapshot = await noKeychain.execute('app.getSnapshot', {});
    expect(snapshot.ok && snapshot.value.keychainAvailable).toBe(false);
  });

  it('a failed sign-in is journalled and never leaks the password', async () => {
    const core = createSupervisor(ports());
    const result = await core.execute('session.signIn', {
      ...ARGS['session.signIn'],
      password: 'S3cret-pass',
    });
    expect(result.ok).toBe(false);
    const journal = fs.readFileSync(path.join(dir, 'journal.jsonl'), 'utf8');
    expect(journal).toContain('"action":"sign-in"');
    expect(journal).not.toContain('S3cret-pass');
    expect(JSON.stringify(result)).not.toContain('S3cret-pass');
  });

  it('settings.update merges, saves and emits; thresholds apply', async () => {
    const store = createMemorySettingsStore();
    const core = createSupervisor(ports({ settings: store }));
    const events: string[] = [];
    core.subscribe((name) => events.push(name));
    const result = await core.execute('settings.update', {
      alerts: { longCallSeconds: 900 },
      language: 'zh-CN',
    });
    expect(result).toMatchObject({
      ok: true,
      value: { alerts: { longCallSeconds: 900, longBusySeconds: 300 }, language: 'zh-CN' },
    });
    expect(store.current().alerts.longCallSeconds).toBe(900);
    expect(events).toContain('settings.changed');
  });

  it('hotkeys.set delegates to the port and remembers registered bindings', async () => {
    const store = createMemorySettingsStore();
    const core = createSupervisor(ports({ settings: store, hotkeys: fakeHotkeys() }));
    const result = await core.execute('hotkeys.set', ARGS['hotkeys.set']);
    expect(result.ok && result.value.find((status) => status.action === 'listen')).toMatchObject({
      status: 'registered',
    });
    expect(store.current().hotkeys.listen).toBe('CommandOrControl+Alt+L');
  });

  describe('when the settings cannot be saved', () => {
    const readOnly = (): SettingsStore => ({
      load: () => ({ settings: createDefaultSettings(), notices: [] }),
      save: () => {
        throw new Error('EACCES: permission denied');
      },
    });
    function watch(core: ReturnType<typeof createSupervisor>): Array<[string, unknown]> {
      const events: Array<[string, unknown]> = [];
      core.subscribe((name, payload) => events.push([name, payload]));
      return events;
    }

    it('settings.update fails and changes nothing', async () => {
      const core = createSupervisor(ports({ settings: readOnly() }));
      const events = watch(core);
      expect(await core.execute('settings.update', { language: 'zh-CN' })).toMatchObject({
        ok: false,
        error: { code: 'internal', message: 'The settings could not be saved.' },
      });
      const snapshot = await core.execute('app.getSnapshot', {});
      expect(snapshot.ok && snapshot.value.settings.language).toBe('en');
      expect(events.map(([name]) => name)).not.toContain('settings.changed');
    });

    it('hotkeys.set keeps the registration and warns that it is not remembered', async () => {
      const core = createSupervisor(ports({ settings: readOnly(), hotkeys: fakeHotkeys() }));
      const events = watch(core);
      const result = await core.execute('hotkeys.set', ARGS['hotkeys.set']);
      expect(result.ok && result.value.find((status) => status.action === 'listen')).toMatchObject({
        status: 'registered',
      });
      expect(events).toContainEqual([
        'notice',
        expect.objectContaining({ level: 'warning', message: 'The settings could not be saved.' }),
      ]);
      expect(events.map(([name]) => name)).not.toContain('settings.changed');
    });

    it('sign-in still runs, warns, and does not adopt the unsaved address', async () => {
      const core = createSupervisor(ports({ settings: readOnly() }));
      const events = watch(core);
      await core.execute('session.signIn', { ...ARGS['session.signIn'], password: 'pw-1' });
      expect(events).toContainEqual([
        'notice',
        expect.objectContaining({ level: 'warning', message: 'The settings could not be saved.' }),
      ]);
      expect(events.map(([name]) => name)).toContain('connection.changed');
      expect(events.map(([name]) => name)).not.toContain('settings.changed');
      const snapshot = await core.execute('app.getSnapshot', {});
      expect(snapshot.ok && snapshot.value.settings.gateway.url).toBe('');
    });
  });

  it('journal.export hands CSV to the file saver', async () => {
    const saved: Array<{ name: string; content: string }> = [];
    const core = createSupervisor(
      ports({
        fileSaver: {
          save: async (name, content) => (saved.push({ name, content }), `/tmp/${name}`),
        },
      }),
    );
    await core.execute('inspection.listen', ARGS['inspection.listen']);
    const result = await core.execute('journal.export', { format: 'csv' });
    expect(result).toMatchObject({ ok: true, value: { entries: 1 } });
    expect(saved[0]?.name).toMatch(/^cc-inspector-journal-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(saved[0]?.content).toContain('listen,1002,window,idle,idle,refused');
  });

  it('the command each action is sent as runs that action in the core (journal line)', async () => {
    const core = createSupervisor(ports());
    for (const action of SUPERVISOR_ACTIONS) {
      const name = COMMAND_OF_ACTION[action];
      const args = isSwitchToAction(action)
        ? { mode: qcOfSwitchTo(action), source: 'window' }
        : ARGS[name];
      await core.execute(name, args as never);
      const newest = await core.execute('journal.list', { limit: 1 });
      expect(newest.ok && newest.value[0], action).toMatchObject({ action, outcome: 'refused' });
    }
    await core.dispose();
  });

  it('the snapshot describes a signed-out core', async () => {
    const core = createSupervisor(ports());
    const snapshot = await core.execute('app.getSnapshot', {});
    expect(snapshot).toMatchObject({
      ok: true,
      value: {
        connection: { phase: 'signed-out' },
        inspection: { mode: 'idle', pending: null },
        roster: [],
        rosterVersion: 0,
        queues: [],
        alerts: [],
      },
    });
    expect(snapshot.ok && snapshot.value.hotkeys).toHaveLength(HOTKEY_ACTIONS.length);
  });

  it('hotkeys act on the selection, and refuse without a session', async () => {
    const core = createSupervisor(ports());
    await core.execute('agents.select', { workNo: '1002' });
    expect(await core.runHotkey('barge')).toMatchObject({
      ok: false,
      error: { code: 'not-signed-in' },
    });
    expect(core.trayModel()).toMatchObject({
      connection: { phase: 'signed-out' },
      focusAgent: null,
      longestCalls: [],
    });
  });

  it('start without a configured gateway and without demo stays signed out', async () => {
    const core = createSupervisor(ports());
    await core.start({ demo: false });
    const snapshot = await core.execute('app.getSnapshot', {});
    expect(snapshot.ok && snapshot.value.connection.phase).toBe('signed-out');
  });
});
