// @vitest-environment node
import type { AgentRow } from '../domain';
import { makeAgent } from '../../../test/support/renderer/fixtures';
import { DEFAULT_VIEW, type AgentView } from './agent-view';
import { deriveRoster as derive, measureOverdue } from './derive-roster';

const now = 1_700_000_000_000;
const rows: AgentRow[] = [
  makeAgent('1001', {
    name: 'Zhang Wei',
    groupName: 'Sales',
    state: 'idle',
    stateSince: now - 60_000,
  }),
  makeAgent('1002', {
    name: 'li na',
    groupName: 'Support',
    state: 'talking',
    stateSince: now - 300_000,
    call: { callId: 'c2', caller: '555', since: now - 300_000 },
  }),
  makeAgent('1003', {
    name: 'Wang Fang',
    groupName: 'Support',
    state: 'busy',
    stateSince: now - 1_200_000,
    alerts: ['long-busy'],
  }),
  makeAgent('1004', {
    name: 'Chen Jie',
    groupName: 'Sales',
    state: 'talking',
    stateSince: now - 900_000,
    call: { callId: 'c4', caller: null, since: now - 900_000 },
  }),
  makeAgent('1010', { name: 'Liu Yang', groupName: '', state: 'signed-out', stateSince: null }),
];

const urgency = {
  now,
  thresholds: {
    longCallSeconds: 600,
    longBusySeconds: 900,
    longWrapUpSeconds: 180,
    longQueueWaitSeconds: 60,
  },
};
const deriveRoster = (list: AgentRow[], shown: AgentView) => derive(list, shown, urgency);
const view = (patch: Partial<AgentView>): AgentView => ({ ...DEFAULT_VIEW, ...patch });

describe('deriveRoster', () => {
  it('puts alerted agents first, then the longest calls, by default', () => {
    expect(deriveRoster(rows, DEFAULT_VIEW).ids).toEqual(['1003', '1004', '1002', '1001', '1010']);
  });

  it('ranks alerted agents by how far past their threshold they are', () => {
    const busyLong = makeAgent('2001', {
      state: 'busy',
      stateSince: now - 25 * 60_000,
      alerts: ['long-busy'],
    });
    const callLong = makeAgent('2002', {
      state: 'talking',
      stateSince: now - 20 * 60_000,
      call: { callId: 'x', caller: null, since: now - 20 * 60_000 },
      alerts: ['long-call'],
    });
    // 25 min against 15 min (busy) is less overdue than 20 min against 10 min (call).
    expect(measureOverdue(busyLong, urgency)).toBeCloseTo(5 / 3);
    expect(measureOverdue(callLong, urgency)).toBeCloseTo(2);
    const summary = deriveRoster([busyLong, callLong, ...rows], DEFAULT_VIEW);
    expect(summary.ids.slice(0, 3)).toEqual(['2002', '2001', '1003']);
    expect(summary.firstAlertWorkNo).toBe('2002');
  });

  it('counts states, groups, alerts and finds the longest call over all rows', () => {
    const summary = deriveRoster(rows, view({ search: 'nobody' }));
    expect(summary.ids).toEqual([]);
    expect(summary.total).toBe(5);
    expect(summary.stateCounts.talking).toBe(2);
    expect(summary.stateCounts['signed-out']).toBe(1);
    expect(summary.groups).toEqual(['Sales', 'Support']);
    expect(summary.longestCallWorkNo).toBe('1004');
    expect(summary.callsOfUnknownLength).toBe(0);
    expect(summary.alerted).toBe(1);
    expect(summary.firstAlertWorkNo).toBe('1003');
  });

  it('searches ids and names, case-insensitively', () => {
    expect(deriveRoster(rows, view({ search: 'LI N' })).ids).toEqual(['1002']);
    expect(deriveRoster(rows, view({ search: '101' })).ids).toEqual(['1010']);
    expect(deriveRoster(rows, view({ search: ' wang ' })).ids).toEqual(['1003']);
  });

  it('filters by state and by group together', () => {
    expect(deriveRoster(rows, view({ states: ['talking', 'busy'], group: 'Support' })).ids).toEqual(
      ['1003', '1002'],
    );
  });

  it('sorts by time in state, longest first, unknown times last either way', () => {
    expect(
      deriveRoster(rows, view({ sort: { key: 'timeInState', direction: 'desc' } })).ids,
    ).toEqual(['1003', '1004', '1002', '1001', '1010']);
    expect(
      deriveRoster(rows, view({ sort: { key: 'timeInState', direction: 'asc' } })).ids,
    ).toEqual(['1001', '1002', '1004', '1003', '1010']);
  });

  it('sorts by call duration with agents not on a call last', () => {
    expect(
      deriveRoster(rows, view({ sort: { key: 'call', direction: 'desc' } })).ids.slice(0, 2),
    ).toEqual(['1004', '1002']);
    expect(
      deriveRoster(rows, view({ sort: { key: 'call', direction: 'asc' } })).ids.slice(0, 2),
    ).toEqual(['1002', '1004']);
  });

  it('sorts names with a locale collator and ids numerically', () => {
    expect(deriveRoster(rows, view({ sort: { key: 'name', direction: 'asc' } })).ids).toEqual([
      '1004',
      '1002',
      '1010',
      '1003',
      '1001',
    ]);
    expect(deriveRoster(rows, view({ sort: { key: 'workNo', direction: 'desc' } })).ids).toEqual([
      '1010',
      '1004',
      '1003',
      '1002',
      '1001',
    ]);
  });

  it('ranks a call of unknown start by its lower bound (the time in its state)', () => {
    const untimed = makeAgent('3001', {
      state: 'talking',
      stateSince: now - 20 * 60_000,
      stateSinceExact: false,
      call: { callId: null, caller: null, since: null },
    });
    const summary = deriveRoster([...rows, untimed], DEFAULT_VIEW);
    // At least 20 min on a call: above the known 15 and 5 min calls, below the alerted agent.
    expect(summary.ids.slice(0, 4)).toEqual(['1003', '3001', '1004', '1002']);
    // The longest *known* call is still the one with a known start.
    expect(summary.longestCallWorkNo).toBe('1004');
    expect(summary.callsOfUnknownLength).toBe(1);
  });

  it('orders only a first screen when asked, keeping the selected agent in its true place', () => {
    const many = Array.from({ length: 50 }, (_, index) =>
      makeAgent(String(4000 + index), {
        state: 'talking',
        stateSince: now - index * 1000,
        call: { callId: null, caller: null, since: now - index * 1000 },
      }),
    );
    const full = deriveRoster(many, DEFAULT_VIEW);
    const partial = derive(many, DEFAULT_VIEW, urgency, { firstRows: 5, keepPlaceOf: '4010' });
    expect(full.ordered).toBe(true);
    expect(partial.ordered).toBe(false);
    expect(partial.ids.slice(0, 5)).toEqual(full.ids.slice(0, 5));
    expect(partial.ids.indexOf('4010')).toBe(full.ids.indexOf('4010'));
    expect(partial.ids).toHaveLength(50);
  });

  it('sorts by state in attention order', () => {
    expect(deriveRoster(rows, view({ sort: { key: 'state', direction: 'desc' } })).ids).toEqual([
      '1002',
      '1004',
      '1003',
      '1001',
      '1010',
    ]);
  });
});
