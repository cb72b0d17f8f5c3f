import { beforeEach, describe, expect, it } from 'vitest';
import { FakeNotification, resetElectronFake } from '../../../test/support/fakes/electron';
import type { InspectionView } from '../../shared/domain';
import { createActivityWatcher } from './activity-notifications';
import { createNotifier } from './notifier';

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
    mode: 'idle',
    targetWorkNo: null,
    callId: null,
    since: null,
    pending: null,
    lastTargetWorkNo: null,
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
