// @vitest-environment node
import { createBridge } from '../bridge';
import { createFakeInspector } from '../../../test/support/renderer/fake-inspector';
import { makeAgent, makeAgents, makeSnapshot } from '../../../test/support/renderer/fixtures';
import { screenAnswerOf } from '../../../test/support/renderer/screen-answer';
import { createAppStore } from './app-store';

/**
 * The window's start: the screen's answer first, the agents once the screen is shown. The
 * "shown" moment is the test's to give (`showScreen`), so each step can be looked at.
 */
function setup(
  snapshot = makeSnapshot({ roster: makeAgents(5), rosterVersion: 30 }),
  // Every list counts as big by default: the screen comes alone, the agents after it.
  screenFirstFrom = 1,
) {
  const api = createFakeInspector(snapshot);
  const shown: Array<() => void> = [];
  const store = createAppStore(createBridge(api), {
    scheduleFrame: (callback) => callback(),
    afterScreenShown: (callback) => shown.push(callback),
    screenFirstFrom,
    resyncBackoffMs: 0,
  });
  const showScreen = async (): Promise<void> => {
    await vi.waitFor(() => expect(shown).toHaveLength(1));
    shown.splice(0)[0]!();
  };
  return { api, store, showScreen, shown };
}

const refusal = {
  code: 'internal' as const,
  message: 'boom',
  messageZh: '失败',
  retcode: null,
  field: null,
};

describe('app store start: the screen first, then the agents', () => {
  it('shows the screen with the agents on their way before it asks for them', async () => {
    const { api, store, showScreen } = setup();
    const started = store.start();
    await vi.waitFor(() => expect(store.getState().boot).toEqual({ status: 'ready' }));
    expect(store.getState().roster).toMatchObject({ version: -1, arriving: 5 });
    expect(store.getState().roster.rows.size).toBe(0);
    expect(api.calls.map((call) => call.name)).toEqual(['app.getScreen']);

    await showScreen();
    await started;
    expect(api.calls.map((call) => call.name)).toEqual(['app.getScreen', 'roster.getSnapshot']);
    expect(store.getState().roster).toMatchObject({ version: 30, arriving: null });
    expect(store.getState().summary.ids).toHaveLength(5);
  });

  it('announces nothing on the way when the screen counts no agents', async () => {
    const { store } = setup(makeSnapshot({ roster: [], rosterVersion: 0 }));
    const seen: Array<number | null> = [];
    store.subscribe(() => seen.push(store.getState().roster.arriving));
    // No agents: nothing to wait for, the (empty) list is asked at once.
    await store.start();
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.every((arriving) => arriving === null)).toBe(true);
    expect(store.getState().roster.version).toBe(0);
  });

  it('applies the deltas that came while the agents were on their way, newer ones only', async () => {
    const { api, store, showScreen } = setup();
    const started = store.start();
    await vi.waitFor(() => expect(store.getState().boot.status).toBe('ready'));
    api.emit('roster.delta', {
      version: 30,
      reset: false,
      upserts: [makeAgent('1001', { state: 'rest' })],
      removed: [],
    });
    api.emit('roster.delta', {
      version: 31,
      reset: false,
      upserts: [makeAgent('1002', { state: 'busy' })],
      removed: [],
    });
    await showScreen();
    await started;
    const rows = store.getState().roster.rows;
    // 30 is the roster snapshot's own version (already in it); 31 follows it.
    expect(rows.get('1001')?.state).toBe('idle');
    expect(rows.get('1002')?.state).toBe('busy');
    expect(store.getState().roster.version).toBe(31);
  });

  it('keeps a newer whole list (reset delta) that overtook the roster answer', async () => {
    const { api, store, showScreen } = setup();
    const started = store.start();
    await vi.waitFor(() => expect(store.getState().boot.status).toBe('ready'));
    api.emit('roster.delta', {
      version: 40,
      reset: true,
      upserts: [makeAgent('7001'), makeAgent('7002')],
      removed: [],
    });
    await showScreen();
    await started;
    expect([...store.getState().roster.rows.keys()]).toEqual(['7001', '7002']);
    expect(store.getState().roster).toMatchObject({ version: 40, arriving: null });
  });

  it('falls back to the whole snapshot when the agents cannot be had alone', async () => {
    const { api, store, showScreen } = setup();
    api.handle('roster.getSnapshot', () => ({ ok: false, error: refusal }));
    const started = store.start();
    await showScreen();
    await started;
    expect(api.callsOf('app.getSnapshot')).toHaveLength(1);
    expect(store.getState().roster.rows.size).toBe(5);
    expect(store.getState().boot.status).toBe('ready');
  });

  it('stops announcing the agents when neither way could bring them, and says why', async () => {
    const { api, store, showScreen } = setup();
    api.handle('roster.getSnapshot', () => ({ ok: false, error: refusal }));
    api.handle('app.getScreen', () => ({
      ok: true,
      value: screenAnswerOf(makeSnapshot({ roster: makeAgents(5) }), 0),
    }));
    api.handle('app.getSnapshot', () => ({ ok: false, error: refusal }));
    const started = store.start();
    await vi.waitFor(() => expect(store.getState().roster.arriving).toBe(5));
    await showScreen();
    await started;
    expect(store.getState().roster).toMatchObject({ arriving: null, version: -1 });
    expect(store.getState().boot.status).toBe('ready');
    expect(store.getState().toasts.at(-1)).toMatchObject({ level: 'error', text: { en: 'boom' } });
  });

  it('takes a small list with the screen: one answer, nothing to wait for', async () => {
    const { api, store, shown } = setup(undefined, 6);
    const arriving: Array<number | null> = [];
    store.subscribe(() => arriving.push(store.getState().roster.arriving));
    await store.start();
    expect(api.callsOf('app.getScreen')).toEqual([{ agentsUpTo: 5 }]);
    expect(api.calls.map((call) => call.name)).toEqual(['app.getScreen']);
    expect(arriving.every((count) => count === null)).toBe(true);
    expect(store.getState().roster).toMatchObject({ version: 30, arriving: null });
    expect(store.getState().summary.ids).toHaveLength(5);
    // Nothing more is asked after the paint: the one callback waiting is the start's end.
    expect(shown).toHaveLength(1);
  });

  it('lets what waits for the agents (charts) go only once their screen has painted', async () => {
    const { store, shown } = setup(undefined, 6);
    let agentsIn = false;
    void store.whenAgentsIn().then(() => (agentsIn = true));
    await store.start();
    await Promise.resolve();
    expect(store.getState().summary.ids).toHaveLength(5);
    expect(agentsIn).toBe(false);
    shown.splice(0)[0]!();
    await vi.waitFor(() => expect(agentsIn).toBe(true));
  });

  it('reports a refused screen as a failed start and never asks for the agents', async () => {
    const { api, store } = setup();
    api.handle('app.getScreen', () => ({ ok: false, error: refusal }));
    await store.start();
    expect(store.getState().boot).toMatchObject({ status: 'failed', error: { message: 'boom' } });
    expect(api.callsOf('roster.getSnapshot')).toHaveLength(0);
  });
});
