// @vitest-environment node
import type { AgentRow, AgentState, AlertThresholds } from '../domain';
import { makeAgents } from '../../../test/support/renderer/fixtures';
import { DEFAULT_VIEW } from './agent-view';
import { PRESORT_MIN_ROWS, composeRosterSnapshot, takePresortedSummary } from './presorted-roster';

const now = 1_700_000_000_000;
const thresholds: AlertThresholds = {
  longCallSeconds: 600,
  longBusySeconds: 300,
  longWrapUpSeconds: 120,
  longQueueWaitSeconds: 60,
};
const STATES: AgentState[] = ['idle', 'talking', 'busy', 'wrap-up', 'rest', 'signed-out'];

/** A big center, listed in workNo order (as the core's map holds it), a few agents alerted. */
function center(count = PRESORT_MIN_ROWS): AgentRow[] {
  return makeAgents(count, (index) => {
    const state = STATES[index % STATES.length] as AgentState;
    const stateSince = now - ((index * 7_919) % 3_600) * 1000;
    return {
      state,
      groupName: `Group ${index % 5}`,
      stateSince,
      call: state === 'talking' ? { callId: `c${index}`, caller: '555', since: stateSince } : null,
      alerts: index === 1_500 ? ['long-busy'] : index === 40 ? ['long-call'] : [],
    };
  });
}

describe('composeRosterSnapshot (what the core sends)', () => {
  it('sends a list below the threshold as it is, without an order', () => {
    const list = center(PRESORT_MIN_ROWS - 1);
    const snapshot = composeRosterSnapshot(list, 7, now, thresholds);
    expect(snapshot).toEqual({ roster: list, rosterVersion: 7 });
    expect(snapshot.roster).not.toBe(list);
  });

  it('sends a big list in attention order with its glance figures, as of the given time', () => {
    const list = center();
    const snapshot = composeRosterSnapshot(list, 7, now, thresholds);
    const { roster, presorted } = snapshot;
    expect(roster).toHaveLength(list.length);
    expect(new Set(roster.map((row) => row.workNo)).size).toBe(list.length);
    // The attention order, written out: alerted agents first, then calls longest first, then
    // the longest time in state; ties by the lower id.
    const alerted = roster.slice(0, 2).map((row) => row.workNo);
    expect(alerted.sort()).toEqual([list[40]!.workNo, list[1_500]!.workNo].sort());
    const rest = roster.slice(2);
    const callStart = (row: AgentRow): number => row.call?.since ?? Infinity;
    for (let index = 1; index < rest.length; index += 1) {
      const before = rest[index - 1]!;
      const after = rest[index]!;
      expect(callStart(before)).toBeLessThanOrEqual(callStart(after));
      if (callStart(before) === callStart(after) && before.call === null)
        expect(before.stateSince!).toBeLessThanOrEqual(after.stateSince!);
    }
    const counted = (state: AgentState): number => list.filter((row) => row.state === state).length;
    expect(presorted).toMatchObject({
      total: list.length,
      groups: ['Group 0', 'Group 1', 'Group 2', 'Group 3', 'Group 4'],
      alerted: 2,
      callsOfUnknownLength: 0,
      at: now,
      thresholds,
    });
    for (const state of STATES) expect(presorted?.stateCounts[state]).toBe(counted(state));
    const longest = list
      .filter((row) => row.call !== null)
      .reduce((best, row) => (row.call!.since! < best.call!.since! ? row : best));
    expect(presorted?.longestCallWorkNo).toBe(longest.workNo);
  });
});

describe('takePresortedSummary (what the window takes as it is)', () => {
  const snapshot = composeRosterSnapshot(center(), 7, now, thresholds);

  it('takes the order and figures in the default view with the same limits', () => {
    const summary = takePresortedSummary(snapshot, DEFAULT_VIEW, { ...thresholds });
    expect(summary?.ids).toEqual(snapshot.roster.map((row) => row.workNo));
    expect(summary).toMatchObject({ ordered: true, total: PRESORT_MIN_ROWS, alerted: 2 });
    expect(summary).not.toHaveProperty('at');
  });

  it('orders the list itself in another view, with other limits, or when it lacks or mismatches the order', () => {
    expect(takePresortedSummary(snapshot, { ...DEFAULT_VIEW, search: '10' }, thresholds)).toBe(
      null,
    );
    expect(takePresortedSummary(snapshot, { ...DEFAULT_VIEW, states: ['idle'] }, thresholds)).toBe(
      null,
    );
    expect(takePresortedSummary(snapshot, { ...DEFAULT_VIEW, group: 'Group 1' }, thresholds)).toBe(
      null,
    );
    const byName = { ...DEFAULT_VIEW, sort: { key: 'name', direction: 'asc' } } as const;
    expect(takePresortedSummary(snapshot, byName, thresholds)).toBe(null);
    const stricter = { ...thresholds, longBusySeconds: 60 };
    expect(takePresortedSummary(snapshot, DEFAULT_VIEW, stricter)).toBe(null);
    // The queue-wait limit is no row's: it does not change the order.
    const queue = { ...thresholds, longQueueWaitSeconds: 5 };
    expect(takePresortedSummary(snapshot, DEFAULT_VIEW, queue)).not.toBe(null);
    const { presorted: _dropped, ...plain } = snapshot;
    expect(takePresortedSummary(plain, DEFAULT_VIEW, thresholds)).toBe(null);
    const cut = { ...snapshot, roster: snapshot.roster.slice(1) };
    expect(takePresortedSummary(cut, DEFAULT_VIEW, thresholds)).toBe(null);
  });
});
