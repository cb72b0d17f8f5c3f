import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { beforeEach, describe, expect, it } from 'vitest';
import { FakeNotification, resetElectronFake } from '../../../test/support/fakes/electron';
import type { InspectionView } from '../../shared/domain';
import { createActivityWatcher } from './activity-notifications';
import { appUserModelIdFor, createNotifier } from './notifier';
import { IDLE_INSPECTION } from '../../shared/inspection-vocabulary';

setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;
/** Let the current job end (WeakRef targets stay alive until then), then collect garbage. */
async function settleAndCollect(): Promise<void> {
  await new Promise((resolve) => setImmediate(resolve));
  collectGarbage();
  collectGarbage();
}

describe('notifier', () => {
  let time: number;
  let clicks: number;
  beforeEach(() => {
    resetElectronFake();
    time = 1_000_000;
    clicks = 0;
  });
  const create = () =>
    createNotifier({
      Notification: FakeNotification,
      now: () => time,
      onClick: () => (clicks += 1),
    });
  const bodies = () => FakeNotification.shown.map((notification) => notification.options.body);

  it('shows a notification; info is silent, errors are critical; a click calls back', () => {
    const notifier = create();
    notifier.notify({ title: 'CC Inspector', body: 'Listening to 1001', level: 'info' });
    notifier.notify({ title: 'CC Inspector', body: 'Not connected', level: 'error' });
    expect(FakeNotification.shown.map((notification) => notification.options)).toEqual([
      { title: 'CC Inspector', body: 'Listening to 1001', silent: true, urgency: 'normal' },
      { title: 'CC Inspector', body: 'Not connected', silent: false, urgency: 'critical' },
    ]);
    FakeNotification.shown[0]?.emit('click');
    expect(clicks).toBe(1);
  });

  // Issue 9: the body carries gateway text (agent names) into a native surface.
  it('strips control and bidi-override characters from title and body, and caps them', () => {
    const notifier = create();
    notifier.notify({
      title: 'Long call:\n\u202EAda',
      body: `Agent 1001 Ada\r\nClick to update\u2066 ${'z'.repeat(400)}`,
      level: 'warning',
    });
    const shown = FakeNotification.shown[0]?.options;
    expect(shown?.title).toBe('Long call: Ada');
    expect(shown?.body?.startsWith('Agent 1001 Ada Click to update z')).toBe(true);
    expect(Array.from(shown?.body ?? '')).toHaveLength(256);
  });

  it('keeps a shown notification referenced until it is clicked (Electron holds it weakly: electron/electron#16922)', async () => {
    const notifier = create();
    notifier.notify({ title: 'CC Inspector', body: 'Call waiting', level: 'warning' });
    // The test lets go of it: only the notifier (and "the OS", weakly) still know it.
    FakeNotification.shown.splice(0);
    await settleAndCollect();
    expect(FakeNotification.shownWeakly[0]?.deref()).toBeDefined();
    expect(notifier.onScreen()).toBe(1);
    FakeNotification.shownWeakly[0]?.deref()?.emit('click');
    expect(clicks).toBe(1);
    expect(notifier.onScreen()).toBe(0);
    await settleAndCollect();
    // Released after the click, so a long session does not pile them up.
    expect(FakeNotification.shownWeakly[0]?.deref()).toBeUndefined();
  });

  it('releases a notification that was closed or could not be shown', () => {
    const notifier = create();
    notifier.notify({ title: 't', body: 'one', level: 'info' });
    notifier.notify({ title: 't', body: 'two', level: 'info' });
    expect(notifier.onScreen()).toBe(2);
    FakeNotification.shown[0]?.close();
    FakeNotification.shown[1]?.emit('failed', {}, 'toast refused');
    expect(notifier.onScreen()).toBe(0);
    expect(clicks).toBe(0);
  });

  it('does not repeat the same message within a minute', () => {
    const notifier = create();
    notifier.notify({ title: 't', body: 'same', level: 'warning' });
    time += 59_000;
    notifier.notify({ title: 't', body: 'same', level: 'warning' });
    expect(bodies()).toEqual(['same']);
    time += 2_000;
    notifier.notify({ title: 't', body: 'same', level: 'warning' });
    expect(bodies()).toEqual(['same', 'same (+1)']);
  });

  it('shows at most four per 15 s and counts what it held back', () => {
    const notifier = create();
    for (let index = 0; index < 7; index += 1)
      notifier.notify({ title: 't', body: `n${index}`, level: 'info' });
    expect(bodies()).toEqual(['n0', 'n1', 'n2', 'n3']);
    expect(notifier.heldBack()).toBe(3);
    time += 15_000;
    notifier.notify({ title: 't', body: 'later', level: 'error' });
    expect(bodies().at(-1)).toBe('later (+3)');
    expect(notifier.heldBack()).toBe(0);
  });

  it('does nothing where notifications are unsupported', () => {
    FakeNotification.supported = false;
    create().notify({ title: 't', body: 'b', level: 'info' });
    expect(FakeNotification.shown).toEqual([]);
  });
});

describe('activity notifications', () => {
  const inspection = (patch: Partial<InspectionView>): InspectionView => ({
    ...IDLE_INSPECTION,
    ...patch,
  });

  it('announces an inspection starting, switching and ending', () => {
    const watcher = createActivityWatcher(() => 'en');
    expect(
      watcher.observe(
        'inspection.changed',
        inspection({ mode: 'listening', targetWorkNo: '1001' }),
      ),
    ).toEqual([{ title: 'CC Inspector', body: 'Listening to 1001', level: 'info' }]);
    expect(
      watcher.observe(
        'inspection.changed',
        inspection({ mode: 'listening', targetWorkNo: '1001', pending: 'barge' }),
      ),
    ).toEqual([]);
    expect(
      watcher.observe(
        'inspection.changed',
        inspection({ mode: 'inserting', targetWorkNo: '1001' }),
      )[0]?.body,
    ).toBe('Barged in on 1001');
    expect(
      watcher.observe(
        'inspection.changed',
        inspection({ mode: 'idle', lastTargetWorkNo: '1001' }),
      )[0]?.body,
    ).toBe('Left the call of 1001');
  });

  it("announces connection loss, recovery and failure, and error notices, in the user's language", () => {
    let language: 'en' | 'zh-CN' = 'en';
    const watcher = createActivityWatcher(() => language);
    watcher.observe('connection.changed', {
      phase: 'live',
      gatewayUrl: 'x',
      inspectorId: '900',
      demo: false,
      lastDataAt: null,
    });
    const reconnecting = {
      phase: 'reconnecting',
      reason: 'r',
      reasonZh: 'r',
      retcode: null,
      attempt: 1,
      nextAttemptAt: null,
      lastDataAt: null,
    } as const;
    expect(watcher.observe('connection.changed', reconnecting)[0]).toMatchObject({
      level: 'warning',
    });
    expect(watcher.observe('connection.changed', { ...reconnecting, attempt: 2 })).toEqual([]);
    language = 'zh-CN';
    expect(
      watcher.observe('connection.changed', {
        phase: 'failed',
        reason: 'bad password',
        reasonZh: '密码错误',
        retcode: '100-002',
      }),
    ).toEqual([{ title: 'CC Inspector', body: '未连接：密码错误', level: 'error' }]);
    expect(
      watcher.observe('notice', {
        level: 'error',
        message: 'Keychain missing',
        messageZh: '钥匙串不可用',
        retcode: null,
      })[0]?.body,
    ).toBe('钥匙串不可用');
    expect(
      watcher.observe('notice', { level: 'info', message: 'hi', messageZh: '嗨', retcode: null }),
    ).toEqual([]);
    expect(
      watcher.observe('roster.delta', { version: 1, reset: false, upserts: [], removed: [] }),
    ).toEqual([]);
    // Alerts are the core's to notify (through the Notifier port), not this watcher's.
    expect(
      watcher.observe('alerts.changed', [
        {
          id: 'long-call:1001',
          kind: 'long-call',
          target: '1001',
          raisedAt: 0,
          thresholdSeconds: 600,
        },
      ]),
    ).toEqual([]);
  });
});

describe('appUserModelIdFor', () => {
  // Windows shows toasts only for an AppUserModelId a Start-menu shortcut carries: the NSIS
  // shortcut carries electron-builder's appId; a development run has only electron.exe.
  it('is the installer appId when packaged and the executable path in development', () => {
    const base = { appId: 'com.ccinspector.desktop', execPath: 'C:\\dev\\electron.exe' };
    expect(appUserModelIdFor({ ...base, isPackaged: true })).toBe('com.ccinspector.desktop');
    expect(appUserModelIdFor({ ...base, isPackaged: false })).toBe('C:\\dev\\electron.exe');
  });
});
