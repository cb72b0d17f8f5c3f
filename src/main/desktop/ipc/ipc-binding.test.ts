import { beforeEach, describe, expect, it } from 'vitest';
import {
  FakeBrowserWindow,
  ipcMain,
  resetElectronFake,
  protocol,
} from '../../../../test/support/fakes/electron';
import {
  COMMAND_NAMES,
  commandChannel,
  eventChannel,
  type EventName,
  type Result,
} from '../../../shared/ipc/contract';
import type { EventListener, SupervisorCore } from '../../supervisor/supervisor-api';
import { bindIpc } from './ipc-binding';
import type { RendererLocation } from '../window/renderer-location';
import { isTrustedSender, type IpcEventLike } from './sender-check';
import { isWallboardCommand, WALLBOARD_COMMANDS } from './wallboard-commands';

const APP_URL = 'app://cc-inspector/index.html';
const LOCATION: RendererLocation = { kind: 'app', url: APP_URL, root: '/app/out/renderer' };

/** A core that records calls and answers as told. */
function createRecordingCore() {
  const calls: Array<{ name: string; args: unknown }> = [];
  const listeners = new Set<EventListener>();
  let answer: (name: string) => unknown = () => ({ ok: true, value: null });
  const core: Pick<SupervisorCore, 'execute' | 'subscribe'> = {
    execute: (async (name: string, args: unknown) => {
      calls.push({ name, args });
      return answer(name);
    }) as SupervisorCore['execute'],
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  return {
    core,
    calls,
    listenerCount: () => listeners.size,
    answerWith(next: (name: string) => unknown) {
      answer = next;
    },
    emit(name: EventName, payload: unknown) {
      for (const listener of listeners)
        (listener as (name: EventName, payload: unknown) => void)(name, payload);
    },
  };
}

describe('IPC binding', () => {
  let window: FakeBrowserWindow;
  let recording: ReturnType<typeof createRecordingCore>;
  let logs: string[];

  beforeEach(async () => {
    resetElectronFake();
    window = new FakeBrowserWindow({});
    // The page's scheme is served by main (app-protocol.ts).
    protocol.handle('app', () => new Response('<!doctype html>'));
    await window.webContents.loadURL(APP_URL);
    recording = createRecordingCore();
    logs = [];
    const log = (message: string) => logs.push(message);
    bindIpc({
      ipcMain,
      core: recording.core,
      isTrustedSender: (event: IpcEventLike) =>
        isTrustedSender(event, window.webContents, LOCATION),
      getEventTarget: () => (window.isDestroyed() ? null : window.webContents),
      logger: { debug: log, info: log, warn: log, error: log },
    });
  });

  const fromOurWindow = () => ({
    sender: window.webContents,
    senderFrame: window.webContents.mainFrame,
  });
  const invoke = (name: string, payload: unknown, event: unknown = fromOurWindow()) =>
    ipcMain.invoke(commandChannel(name as never), event, payload) as Promise<Result<unknown>>;

  it('binds exactly one handler per contract command', () => {
    expect([...ipcMain.handlers.keys()].sort()).toEqual(COMMAND_NAMES.map(commandChannel).sort());
  });

  it('passes validated arguments (with defaults) to the core and its Result back', async () => {
    recording.answerWith(() => ({ ok: true, value: { mode: 'listening', targetWorkNo: '1001' } }));
    const result = await invoke('inspection.listen', { workNo: '1001' });
    expect(result).toEqual({ ok: true, value: { mode: 'listening', targetWorkNo: '1001' } });
    expect(recording.calls).toEqual([
      { name: 'inspection.listen', args: { workNo: '1001', source: 'window' } },
    ]);
  });

  // Issue 9: main, not the renderer, records where an action came from.
  it('refuses a renderer that names its own source; a window call is recorded as window', async () => {
    for (const source of ['hotkey', 'tray', 'system', 'window']) {
      const result = await invoke('inspection.intercept', { source });
      expect(result).toMatchObject({
        ok: false,
        error: { code: 'invalid-argument', field: 'source' },
      });
    }
    expect(await invoke('agents.forceSignOut', { workNo: '1001', source: 'hotkey' })).toMatchObject(
      { ok: false, error: { field: 'source' } },
    );
    expect(recording.calls).toEqual([]);
    await invoke('inspection.intercept', {});
    expect(recording.calls).toEqual([{ name: 'inspection.intercept', args: { source: 'window' } }]);
  });

  // Issue 9's rule on issue 12's commands: a note or a force from the window is the window's.
  it('refuses a coaching command that names its own source, and records the window', async () => {
    const coaching = [
      ['coaching.sendNote', { recipients: { kind: 'agents', workNos: ['1001'] }, text: 'hi' }],
      ['coaching.forceRest', { workNo: '1001', seconds: 60, reason: 1 }],
      ['coaching.forceRelease', { workNo: '1001' }],
      ['coaching.adjustSkills', { workNo: '1001', skillIds: [3] }],
      ['coaching.follow', { workNo: '1001', calls: 2, minutes: null }],
      ['coaching.stopFollow', {}],
      ['coaching.sampleNext', {}],
    ] as const;
    for (const [name, payload] of coaching) {
      expect(await invoke(name, { ...payload, source: 'tray' })).toMatchObject({
        ok: false,
        error: { code: 'invalid-argument', field: 'source' },
      });
    }
    expect(recording.calls).toEqual([]);
    for (const [name, payload] of coaching) await invoke(name, payload);
    expect(recording.calls.map((call) => [call.name, call.args])).toEqual(
      coaching.map(([name, payload]) => [name, { ...payload, source: 'window' }]),
    );
  });

  it('passes a refusal from the core through unchanged', async () => {
    const refusal = {
      ok: false,
      error: {
        code: 'forbidden-state',
        message: 'busy',
        messageZh: '忙',
        retcode: null,
        field: null,
      },
    };
    recording.answerWith(() => refusal);
    expect(await invoke('inspection.cancel', {})).toEqual(refusal);
  });

  it.each([
    ['inspection.listen', { workNo: '12' }, 'workNo'],
    ['inspection.listen', { workNo: 1001 }, 'workNo'],
    ['inspection.listen', {}, 'workNo'],
    ['queues.requestCall', { callId: '../../etc', skillId: 1 }, 'callId'],
    ['queues.watch', { skillIds: [1, -5] }, 'skillIds.1'],
    ['journal.list', { limit: 5, extra: true }, 'extra'],
    ['settings.update', { gateway: { url: 'ftp://x' } }, 'gateway.url'],
    ['app.getSnapshot', 'not an object', null],
  ])('refuses %s with %j as invalid-argument naming %s', async (name, payload, field) => {
    const result = await invoke(name, payload);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error).toMatchObject({ code: 'invalid-argument', field, retcode: null });
      expect(result.error.message.length).toBeGreaterThan(0);
      expect(result.error.messageZh.length).toBeGreaterThan(0);
    }
    expect(recording.calls).toEqual([]);
  });

  it('treats a missing payload as an empty object', async () => {
    expect(await invoke('app.getSnapshot', undefined)).toEqual({ ok: true, value: null });
  });

  it('refuses calls from an iframe, another window or a foreign page as forbidden-sender', async () => {
    const iframe = window.webContents.mainFrame.addChildFrame(APP_URL);
    const other = new FakeBrowserWindow({});
    await other.webContents.loadURL(APP_URL);
    const cases: unknown[] = [
      { sender: window.webContents, senderFrame: iframe },
      { sender: other.webContents, senderFrame: other.webContents.mainFrame },
      { sender: window.webContents, senderFrame: null },
    ];
    for (const event of cases) {
      const result = await invoke('session.signOut', { forgetPassword: false }, event);
      expect(result).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
    }
    window.webContents.attemptNavigation('https://evil.example/');
    expect(await invoke('app.getSnapshot', {})).toMatchObject({
      ok: false,
      error: { code: 'forbidden-sender' },
    });
    expect(recording.calls).toEqual([]);
  });

  it('turns a throwing core into an internal error instead of a rejection', async () => {
    recording.answerWith(() => {
      throw new Error('boom with password=hunter2');
    });
    const result = await invoke('journal.list', { limit: 10 });
    expect(result).toMatchObject({ ok: false, error: { code: 'internal', field: null } });
    if (!result.ok) expect(result.error.message).not.toContain('hunter2');
  });

  it('turns a malformed core answer into an internal error', async () => {
    recording.answerWith(() => 'not a result');
    expect(await invoke('journal.list', { limit: 10 })).toMatchObject({
      ok: false,
      error: { code: 'internal' },
    });
  });

  it('forwards core events to our window only, and stops after dispose', () => {
    recording.emit('selection.changed', { workNo: '1001' });
    expect(window.webContents.sent).toEqual([
      { channel: eventChannel('selection.changed'), args: [{ workNo: '1001' }] },
    ]);
    window.destroy();
    expect(() => recording.emit('selection.changed', { workNo: null })).not.toThrow();
  });

  it('dispose removes every handler and the event subscription', () => {
    resetElectronFake();
    const fresh = createRecordingCore();
    const binding = bindIpc({
      ipcMain,
      core: fresh.core,
      isTrustedSender: () => true,
      getEventTarget: () => null,
    });
    expect(fresh.listenerCount()).toBe(1);
    binding.dispose();
    expect(ipcMain.handlers.size).toBe(0);
    expect(fresh.listenerCount()).toBe(0);
  });
});

describe('IPC binding with the wallboard window', () => {
  it('lets the wallboard read only, and sends every event to both windows', async () => {
    resetElectronFake();
    const main = new FakeBrowserWindow({});
    const wallboard = new FakeBrowserWindow({});
    protocol.handle('app', () => new Response('<!doctype html>'));
    await main.webContents.loadURL(APP_URL);
    await wallboard.webContents.loadURL(`${APP_URL}#wallboard`);
    const recording = createRecordingCore();
    bindIpc({
      ipcMain,
      core: recording.core,
      isTrustedSender: (event: IpcEventLike, command) =>
        isTrustedSender(event, main.webContents, LOCATION) ||
        (isWallboardCommand(command) && isTrustedSender(event, wallboard.webContents, LOCATION)),
      getEventTarget: () => main.webContents,
      getEventTargets: () => [main.webContents, wallboard.webContents],
    });
    const fromWallboard = {
      sender: wallboard.webContents,
      senderFrame: { url: `${APP_URL}#wallboard`, parent: null },
    };
    const invoke = (name: string, payload: unknown) =>
      ipcMain.invoke(commandChannel(name as never), fromWallboard, payload) as Promise<
        Result<unknown>
      >;
    expect(await invoke('stats.history', { skillId: null })).toEqual({ ok: true, value: null });
    expect(await invoke('app.getSnapshot', {})).toEqual({ ok: true, value: null });
    for (const [name, payload] of [
      ['inspection.listen', { workNo: '1001' }],
      ['session.signOut', { forgetPassword: false }],
      ['settings.update', { theme: 'dark' }],
      ['wallboard.open', {}],
      // Issue 12: coaching acts on agents or reads their file — neither belongs on a wall.
      ['coaching.sendNote', { recipients: { kind: 'agents', workNos: ['1001'] }, text: 'hi' }],
      ['coaching.forceRelease', { workNo: '1001' }],
      ['coaching.stopFollow', {}],
      ['coaching.timeline', { workNo: '1001', kinds: ['note'], from: null, to: null, limit: 5 }],
    ] as const) {
      expect(await invoke(name, payload)).toMatchObject({
        ok: false,
        error: { code: 'forbidden-sender' },
      });
    }
    expect(recording.calls.map((call) => call.name)).toEqual(['stats.history', 'app.getSnapshot']);
    recording.emit('stats.changed', { at: 1 });
    const sent = [{ channel: eventChannel('stats.changed'), args: [{ at: 1 }] }];
    expect(main.webContents.sent).toEqual(sent);
    expect(wallboard.webContents.sent).toEqual(sent);
    expect([...WALLBOARD_COMMANDS].every((name) => COMMAND_NAMES.includes(name))).toBe(true);
    expect([...WALLBOARD_COMMANDS].filter((name) => name.startsWith('coaching.'))).toEqual([]);
  });
});
