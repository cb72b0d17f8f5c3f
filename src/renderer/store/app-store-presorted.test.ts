// @vitest-environment node
import type { AgentRow, AppSnapshot } from '../../shared/domain';
import { composeRosterSnapshot } from '../../shared/roster-view/presorted-roster';
import { createBridge } from '../bridge';
import { createFakeInspector } from '../../../test/support/renderer/fake-inspector';
import { makeAgent, makeAgents, makeSnapshot } from '../../../test/support/renderer/fixtures';
import { createAppStore } from './app-store';
import type { RowIndex } from './row-index';

const now = 1_700_000_000_000;

/** 2,000 agents as the core sends them: presorted, every fifth one talking. */
function presortedSnapshot(at = now): AppSnapshot {
  const base = makeSnapshot({ rosterVersion: 30 });
  const list = makeAgents(2_000, (index) =>
    index % 5 === 0
      ? {
          state: 'talking',
          stateSince: now - index * 1000,
          call: { callId: `c${index}`, caller: null, since: now - index * 1000 },
        }
      : { stateSince: now - 1000 },
  );
  return { ...base, ...composeRosterSnapshot(list, 30, at, base.settings.alerts) };
}

function setup(snapshot: AppSnapshot) {
  const api = createFakeInspector(snapshot);
  const idle: Array<() => void> = [];
  const store = createAppStore(createBridge(api), {
    scheduleFrame: (callback) => callback(),
    afterScreenShown: (callback) => callback(),
    scheduleIdle: (callback) => idle.push(callback),
    now: () => now,
    reorderIntervalMs: 1000,
    resyncBackoffMs: 0,
  });
  const runIdle = (): void => {
    for (const callback of idle.splice(0)) callback();
  };
  return { api, store, runIdle };
}

const rowIndexOf = (rows: ReadonlyMap<string, AgentRow>): RowIndex => rows as RowIndex;

describe('app store: a big list the core sent presorted', () => {
  it('shows the list in the order it came with its figures, and indexes all rows when idle', async () => {
    const snapshot = presortedSnapshot();
    // The window does not order the list again: what came is what it shows first.
    const reversed = [...snapshot.roster].reverse();
    const { store, runIdle } = setup({
      ...snapshot,
      roster: reversed,
      presorted: { ...snapshot.presorted!, alerted: 7 },
    });
    await store.start();
    const state = store.getState();
    expect(state.summary.ids).toEqual(reversed.map((row) => row.workNo));
    expect(state.summary).toMatchObject({ ordered: true, total: 2_000, alerted: 7 });
    expect(state.summary.stateCounts.talking).toBe(400);
    const rows = rowIndexOf(state.roster.rows);
    expect(rows.get(reversed[0]!.workNo)).toBe(reversed[0]);
    expect(rows.unsettled).toBe(true);
    runIdle();
    expect(rows.unsettled).toBe(false);
    expect(rows.size).toBe(2_000);
  });

  it('orders it anew at the first change once the core ordered it a second ago', async () => {
    const snapshot = presortedSnapshot(now - 5_000);
    const { api, store } = setup({ ...snapshot, roster: [...snapshot.roster].reverse() });
    await store.start();
    api.emit('roster.delta', {
      version: 31,
      reset: false,
      upserts: [makeAgent('1002', { state: 'busy', stateSince: now - 10 })],
      removed: [],
    });
    // Attention order: the longest call first (agent 1001 + 1,995 talks longest).
    expect(store.getState().summary.ids[0]).toBe('2996');
    expect(store.getState().summary.ids).toHaveLength(2_000);
  });

  it('orders it itself for a supervisor who searched (a resync after the start)', async () => {
    const snapshot = presortedSnapshot();
    const { store } = setup(snapshot);
    await store.start();
    store.setView({ search: '100' });
    await store.reload();
    const ids = store.getState().summary.ids;
    expect(ids.length).toBeGreaterThan(0);
    expect(ids.every((workNo) => workNo.includes('100'))).toBe(true);
  });
});
