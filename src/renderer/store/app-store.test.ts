// @vitest-environment node
import { createBridge } from '../bridge';
import { createFakeInspector } from '../../../test/support/renderer/fake-inspector';
import { makeAgent, makeAgents, makeSnapshot } from '../../../test/support/renderer/fixtures';
import { createAppStore, type StoreOptions } from './app-store';

/** A store over a fake whose frames run only when the test says so. */
function setup(
  options: StoreOptions = {},
  snapshot = makeSnapshot({ roster: makeAgents(3), rosterVersion: 10 }),
) {
  const api = createFakeInspector(snapshot);
  const frames: Array<() => void> = [];
  let now = 1_000_000;
  const store = createAppStore(createBridge(api), {
    scheduleFrame: (callback) => frames.push(callback),
    now: () => now,
    resyncBackoffMs: 0,
    ...options,
  });
  const runFrames = (): void => {
    for (const frame of frames.splice(0)) frame();
  };
  return { api, store, runFrames, advance: (ms: number) => (now += ms) };
}

describe('app store', () => {
  it('loads the snapshot and derives the visible list', async () => {
    const { store } = setup();
    await store.start();
    const state = store.getState();
    expect(state.boot).toEqual({ status: 'ready' });
    expect(state.roster.version).toBe(10);
    expect(state.summary.ids).toHaveLength(3);
  });

  it('applies many deltas at once per frame and tells listeners once', async () => {
    const { api, store, runFrames } = setup();
    await store.start();
    const listener = vi.fn();
    store.subscribe(listener);
    api.emit('roster.delta', {
      version: 11,
      reset: false,
      upserts: [makeAgent('1001', { state: 'talking' })],
      removed: [],
    });
    api.emit('roster.delta', {
      version: 12,
      reset: false,
      upserts: [makeAgent('1002', { state: 'busy' })],
      removed: [],
    });
    api.emit('roster.delta', {
      version: 13,
      reset: false,
      upserts: [makeAgent('1004')],
      removed: ['1003'],
    });
    expect(listener).not.toHaveBeenCalled();
    runFrames();
    expect(listener).toHaveBeenCalledTimes(1);
    const state = store.getState();
    expect(state.roster.version).toBe(13);
    expect(state.roster.rows.get('1001')?.state).toBe('talking');
    expect(state.summary.ids).toContain('1004');
    expect(state.summary.ids).not.toContain('1003');
  });

  it('reorders lazily when only live data changed', async () => {
    const { api, store, runFrames, advance } = setup({ reorderIntervalMs: 1000 });
    await store.start();
    store.setView({ states: ['idle'] });
    expect(store.getState().summary.ids).toHaveLength(3);
    advance(100);
    api.emit('roster.delta', {
      version: 11,
      reset: false,
      upserts: [makeAgent('1001', { state: 'talking' })],
      removed: [],
    });
    runFrames();
    // The row shows its new data at once; it leaves the filtered list at the next reorder.
    expect(store.getState().roster.rows.get('1001')?.state).toBe('talking');
    expect(store.getState().summary.ids).toContain('1001');
    advance(1000);
    api.emit('roster.delta', {
      version: 12,
      reset: false,
      upserts: [makeAgent('1002', { state: 'idle' })],
      removed: [],
    });
    runFrames();
    expect(store.getState().summary.ids).not.toContain('1001');
  });

  it('fetches a new snapshot when a delta is missing, and applies what came after it', async () => {
    const { api, store, runFrames } = setup();
    await store.start();
    const fresh = makeSnapshot({ roster: makeAgents(4), rosterVersion: 20 });
    api.handle('app.getSnapshot', () => ({ ok: true, value: fresh }));
    api.emit('roster.delta', {
      version: 15,
      reset: false,
      upserts: [makeAgent('1001', { state: 'rest' })],
      removed: [],
    });
    api.emit('roster.delta', {
      version: 21,
      reset: false,
      upserts: [makeAgent('1002', { state: 'wrap-up' })],
      removed: [],
    });
    await vi.waitFor(() => {
      runFrames();
      expect(store.getState().roster.version).toBe(21);
    });
    const state = store.getState();
    // The start asked for the screen and then the agents; the gap for the whole snapshot.
    expect(api.callsOf('app.getSnapshot')).toHaveLength(1);
    expect(state.roster.rows.size).toBe(4);
    // Version 15 predates the snapshot (20) and is dropped; 21 follows it and is applied.
    expect(state.roster.rows.get('1001')?.state).toBe('idle');
    expect(state.roster.rows.get('1002')?.state).toBe('wrap-up');
  });

  it('keeps deltas that arrive before the first snapshot and applies the newer ones', async () => {
    const { api, store } = setup();
    const started = store.start();
    api.emit('roster.delta', {
      version: 10,
      reset: false,
      upserts: [makeAgent('1001', { state: 'rest' })],
      removed: [],
    });
    api.emit('roster.delta', {
      version: 11,
      reset: false,
      upserts: [makeAgent('1002', { state: 'busy' })],
      removed: [],
    });
    await started;
    expect(store.getState().roster.rows.get('1001')?.state).toBe('idle');
    expect(store.getState().roster.rows.get('1002')?.state).toBe('busy');
  });

  it('replaces the list on a reset delta', async () => {
    const { api, store, runFrames } = setup();
    await store.start();
    api.emit('roster.delta', {
      version: 1,
      reset: true,
      upserts: [makeAgent('5001')],
      removed: [],
    });
    runFrames();
    expect([...store.getState().roster.rows.keys()]).toEqual(['5001']);
    expect(store.getState().summary.ids).toEqual(['5001']);
  });

  it('orders a whole new list of thousands top-first, and the rest when the page is idle', async () => {
    const roster = makeAgents(3000, (index) => ({
      state: 'talking',
      stateSince: 1_000 + index,
      call: { callId: null, caller: null, since: 1_000 + index },
    }));
    const idle: Array<() => void> = [];
    const { api, store, runFrames } = setup(
      { scheduleIdle: (callback) => idle.push(callback) },
      makeSnapshot({ roster, rosterVersion: 1, selectedWorkNo: '2500' }),
    );
    await store.start();
    const first = store.getState().summary;
    expect(first.ordered).toBe(false);
    // The longest calls (the earliest starts: 1001, 1002, …) are on top at once, and the
    // selected agent is already where the full order puts it.
    expect(first.ids.slice(0, 3)).toEqual(['1001', '1002', '1003']);
    expect(first.ids.indexOf('2500')).toBe(1499);
    expect(idle).toHaveLength(1);
    const listener = vi.fn();
    store.subscribe(listener);
    idle.shift()?.();
    expect(listener).toHaveBeenCalledTimes(1);
    expect(store.getState().summary.ordered).toBe(true);
    expect(store.getState().summary.ids).toEqual(roster.map((row) => row.workNo));

    // A re-sign-in's reset is ordered the same way; a view change meanwhile orders fully.
    api.emit('roster.delta', { version: 2, reset: true, upserts: roster, removed: [] });
    runFrames();
    expect(store.getState().summary.ordered).toBe(false);
    store.setView({ search: '1' });
    expect(store.getState().summary.ordered).toBe(true);
    idle.shift()?.();
    expect(store.getState().summary.ordered).toBe(true);
  });

  it('orders small lists fully at once', async () => {
    const scheduleIdle = vi.fn();
    const { store } = setup({ scheduleIdle });
    await store.start();
    expect(store.getState().summary.ordered).toBe(true);
    expect(scheduleIdle).not.toHaveBeenCalled();
  });

  it('reports a failed first load so the screen can offer a retry', async () => {
    const { api, store } = setup();
    api.handle('app.getSnapshot', () => ({
      ok: false,
      error: { code: 'internal', message: 'boom', messageZh: '失败', retcode: null, field: null },
    }));
    await store.start();
    expect(store.getState().boot).toMatchObject({ status: 'failed', error: { message: 'boom' } });
  });

  it('turns start-up notices into toasts once, and later notices too', async () => {
    const notice = {
      level: 'warning' as const,
      message: 'Settings were reset',
      messageZh: '设置已重置',
      retcode: null,
    };
    const { api, store } = setup({}, makeSnapshot({ startupNotices: [notice] }));
    await store.start();
    await store.reload();
    expect(store.getState().toasts).toHaveLength(1);
    api.emit('notice', {
      level: 'error',
      message: 'Gateway said no',
      messageZh: '网关拒绝',
      retcode: '100-007',
    });
    expect(store.getState().toasts[1]).toMatchObject({
      level: 'error',
      retcode: '100-007',
      sticky: true,
    });
  });

  it('selects at once and tells main', async () => {
    const { api, store } = setup();
    await store.start();
    store.selectAgent('1002');
    expect(store.getState().selectedWorkNo).toBe('1002');
    expect(api.callsOf('agents.select')).toEqual([{ workNo: '1002' }]);
    api.emit('selection.changed', { workNo: '1003' });
    expect(store.getState().selectedWorkNo).toBe('1003');
  });

  it('ignores echoes of its own earlier selections while the user keeps moving', async () => {
    const { api, store } = setup();
    await store.start();
    store.selectAgent('1001');
    store.selectAgent('1002');
    store.selectAgent('1003');
    api.emit('selection.changed', { workNo: '1001' });
    api.emit('selection.changed', { workNo: '1002' });
    expect(store.getState().selectedWorkNo).toBe('1003');
    api.emit('selection.changed', { workNo: '1003' });
    expect(store.getState().selectedWorkNo).toBe('1003');
    api.emit('selection.changed', { workNo: '1005' });
    expect(store.getState().selectedWorkNo).toBe('1005');
  });

  it('follows inspection, connection, queue and journal events', async () => {
    const { api, store } = setup();
    await store.start();
    api.emit('inspection.changed', {
      mode: 'listening',
      targetWorkNo: '1001',
      callId: null,
      since: 5,
      pending: null,
      lastTargetWorkNo: '1001',
    });
    api.emit('connection.changed', {
      phase: 'reconnecting',
      reason: 'x',
      reasonZh: 'x',
      retcode: null,
      attempt: 2,
      nextAttemptAt: null,
      lastDataAt: null,
    });
    api.emit('journal.appended', {
      at: '2025-01-01T00:00:00Z',
      action: 'listen',
      target: '1001',
      source: 'window',
      modeBefore: 'idle',
      modeAfter: 'listening',
      outcome: 'ok',
      retcode: null,
      message: null,
      durationMs: 12,
    });
    const state = store.getState();
    expect(state.inspection.mode).toBe('listening');
    expect(state.connection.phase).toBe('reconnecting');
    expect(state.journal).toHaveLength(1);
  });

  it('flips the sort direction when the same column is chosen again', async () => {
    const { store } = setup();
    await store.start();
    store.toggleSort('name');
    expect(store.getState().view.sort).toEqual({ key: 'name', direction: 'asc' });
    store.toggleSort('name');
    expect(store.getState().view.sort).toEqual({ key: 'name', direction: 'desc' });
    store.toggleSort('call');
    expect(store.getState().view.sort).toEqual({ key: 'call', direction: 'desc' });
  });
});
