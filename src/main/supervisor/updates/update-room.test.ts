/**
 * The update flow with a scripted updater and a manual clock: background checks on schedule,
 * quiet failures with back-off, a download that becomes "ready" once, and an install that
 * waits for the end of an inspection or a call and needs the person's confirmation.
 */
import { describe, expect, it } from 'vitest';
import type { InspectorMode } from '../../../shared/domain';
import type { UpdateView } from '../../../shared/updates';
import { ManualClock } from '../../../../test/support/core/manual-clock';
import type { Notifier, UpdaterPort } from '../ports';
import { silentLogger } from '../../node/node-ports';
import { UPDATE_TIMING } from './update-decision';
import { UpdateRoom } from './update-room';

type Step = { offer: string | null } | { fail: string };

function setup(options: {
  steps: Step[];
  enabled?: boolean;
  confirm?: boolean;
  port?: boolean;
  /** The server answers only once this settles. */
  hold?: Promise<void>;
}) {
  const clock = new ManualClock();
  const views: UpdateView[] = [];
  const notes: string[] = [];
  const calls: string[] = [];
  let mode: InspectorMode = 'idle';
  const steps = [...options.steps];
  const port: UpdaterPort = {
    currentVersion: '1.0.0',
    feed: 'policy',
    setChannel: (channel) => calls.push(`channel ${channel}`),
    check: async () => {
      calls.push('check');
      await options.hold;
      const step = steps.shift() ?? { offer: null };
      if ('fail' in step) throw new Error(step.fail);
      return step.offer === null ? null : { version: step.offer };
    },
    download: async (onProgress) => {
      calls.push('download');
      onProgress(40.4);
      onProgress(100);
    },
    installNow: () => calls.push('install'),
  };
  const notifier: Notifier = { notify: (note) => notes.push(note.body) };
  const room = new UpdateRoom({
    port: options.port === false ? undefined : port,
    enabled: options.enabled ?? true,
    clock,
    logger: silentLogger,
    channel: () => 'stable',
    mode: () => mode,
    language: () => 'en',
    emit: (view) => views.push(view),
    notifier,
    confirm: {
      confirmTrustChange: async () => false,
      confirmDestructive: async () => false,
      confirmInstallUpdate: async () => {
        calls.push('asked');
        return options.confirm ?? true;
      },
    },
  });
  return { clock, room, views, notes, calls, setMode: (next: InspectorMode) => (mode = next) };
}

describe('UpdateRoom', () => {
  it('checks a minute after start and every 4 h; "up to date" disturbs nobody', async () => {
    const h = setup({ steps: [{ offer: null }, { offer: null }] });
    h.room.start();
    await h.clock.advance(UPDATE_TIMING.firstCheckMs - 1);
    expect(h.calls).toEqual(['channel stable']);
    await h.clock.advance(1);
    expect(h.calls).toEqual(['channel stable', 'check']);
    expect(h.room.state().phase).toBe('up-to-date');
    await h.clock.advance(UPDATE_TIMING.everyMs);
    expect(h.calls.filter((call) => call === 'check')).toHaveLength(2);
    expect(h.notes).toEqual([]);
  });

  it('an offline server fails quietly and is retried sooner, backing off', async () => {
    const h = setup({
      steps: [{ fail: 'net::ERR_INTERNET_DISCONNECTED' }, { fail: 'HTTP 503' }, { offer: null }],
    });
    h.room.start();
    await h.clock.advance(UPDATE_TIMING.firstCheckMs);
    expect(h.room.state().phase).toBe('failed');
    expect(h.clock.pendingDelays()).toEqual([15 * 60_000]);
    await h.clock.advance(15 * 60_000);
    expect(h.clock.pendingDelays()).toEqual([30 * 60_000]);
    await h.clock.advance(30 * 60_000);
    expect(h.room.state().phase).toBe('up-to-date');
    expect(h.clock.pendingDelays()).toEqual([UPDATE_TIMING.everyMs]);
    expect(h.notes).toEqual([]);
  });

  it('a check the person asked for reports its failure in both languages', async () => {
    const h = setup({ steps: [{ fail: 'ENOTFOUND updates.example' }] });
    const result = await h.room.checkNow();
    expect(result.ok && result.value.phase).toBe('failed');
    expect(result.ok && result.value.failure?.message).toContain('ENOTFOUND updates.example');
    expect(result.ok && result.value.failure?.messageZh).toContain('更新服务器');
  });

  it('downloads an offered update in the background, says so once, shows progress', async () => {
    const h = setup({ steps: [{ offer: '1.1.0' }] });
    await h.room.checkNow();
    expect(h.calls).toEqual(['check', 'download']);
    expect(h.views.map((view) => view.phase)).toEqual([
      'checking',
      'downloading',
      'downloading',
      'downloading',
      'ready',
    ]);
    expect(h.views[2]?.percent).toBe(40);
    expect(h.room.state()).toMatchObject({ phase: 'ready', version: '1.1.0', waitingFor: null });
    expect(h.notes).toHaveLength(1);
    expect(h.notes[0]).toContain('1.1.0');
    // Ready: further checks do not download again nor announce again.
    await h.room.checkNow();
    expect(h.calls).toEqual(['check', 'download']);
    expect(h.notes).toHaveLength(1);
  });

  it('installs only when not inspecting, not on a call, and confirmed', async () => {
    const h = setup({ steps: [{ offer: '1.1.0' }] });
    await h.room.checkNow();
    h.setMode('listening');
    expect(h.room.state().waitingFor).toBe('inspection');
    const whileListening = await h.room.installNow();
    expect(!whileListening.ok && whileListening.error.message).toContain('after your inspection');
    h.setMode('talking');
    const onCall = await h.room.installNow();
    expect(!onCall.ok && onCall.error.message).toContain('after your call');
    expect(h.calls).not.toContain('asked');
    h.setMode('idle');
    expect((await h.room.installNow()).ok).toBe(true);
    expect(h.calls.slice(-2)).toEqual(['asked', 'install']);
  });

  it('does not install when the person declines (it then installs at quit)', async () => {
    const h = setup({ steps: [{ offer: '1.1.0' }], confirm: false });
    await h.room.checkNow();
    expect((await h.room.installNow()).ok).toBe(true);
    expect(h.calls).not.toContain('install');
  });

  it('is off without an updater or where policy turns updates off', async () => {
    for (const h of [setup({ steps: [], enabled: false }), setup({ steps: [], port: false })]) {
      h.room.start();
      await h.clock.advance(UPDATE_TIMING.everyMs);
      expect(h.room.state().phase).toBe('disabled');
      expect(h.calls).toEqual([]);
      const asked = await h.room.checkNow();
      expect(!asked.ok && asked.error.code).toBe('forbidden-state');
    }
  });

  it('schedules nothing more once disposed, even when a check was still running', async () => {
    let answer: () => void = () => undefined;
    const h = setup({
      steps: [{ offer: null }],
      hold: new Promise((resolve) => (answer = resolve)),
    });
    h.room.start();
    await h.clock.advance(UPDATE_TIMING.firstCheckMs);
    expect(h.calls).toEqual(['channel stable', 'check']);
    h.room.dispose();
    answer();
    await h.clock.advance(UPDATE_TIMING.everyMs * 2);
    expect(h.calls).toEqual(['channel stable', 'check']);
    expect(h.clock.pendingDelays()).toEqual([]);
  });
});
