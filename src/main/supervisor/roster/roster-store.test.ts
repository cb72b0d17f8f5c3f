import { describe, expect, it } from 'vitest';
import type { AgentDetail } from '../../gateway/gateway-types';
import { RosterStore, type RosterEntry } from './roster-store';

/** A realistic clock (ms since epoch): gateway state starts must look like timestamps. */
const T = 1_700_000_000_000;

const detail = (workNo: string, status: string, currentStateSince: number | null): AgentDetail => ({
  workNo,
  name: `Agent ${workNo}`,
  status,
  ctiStatus: null,
  groupId: 3,
  groupName: 'Escalations',
  skills: [{ id: 5, name: '' }],
  callIds: ['call-77'],
  phoneNumber: null,
  currentStateSince,
});

const entry = (workNo: string, status: string, extra: Partial<RosterEntry> = {}): RosterEntry => ({
  workNo,
  name: `Agent ${workNo}`,
  status,
  ctiStatus: null,
  groupName: 'Team A',
  ...extra,
});

function loaded(): RosterStore {
  const store = new RosterStore();
  store.replaceAll([entry('1001', '4'), entry('1002', '7'), entry('1003', '3')], 1_000);
  store.takeDelta();
  return store;
}

describe('RosterStore: load and reset', () => {
  it('first load is one reset delta with every row, version 1', () => {
    const store = new RosterStore();
    store.replaceAll([entry('1001', '4'), entry('1002', '7', { ctiStatus: '4' })], 1_000);
    const delta = store.takeDelta();
    expect(delta).toMatchObject({ version: 1, reset: true, removed: [] });
    expect(delta?.upserts.map((row) => [row.workNo, row.state])).toEqual([
      ['1001', 'idle'],
      ['1002', 'ringing'],
    ]);
    // The state began at or before the first sight: a lower bound, marked not exact.
    expect(delta?.upserts[0]).toMatchObject({
      stateSince: 1_000,
      stateSinceExact: false,
      dataAt: 1_000,
      groupName: 'Team A',
      alerts: [],
    });
    expect(store.takeDelta()).toBeNull();
  });

  it('clear emits an empty reset', () => {
    const store = loaded();
    store.clear();
    expect(store.takeDelta()).toMatchObject({ reset: true, upserts: [], version: 2 });
  });
});

describe('RosterStore: events and coalescing', () => {
  it('coalesces several changes of one agent into one upsert per delta', () => {
    const store = loaded();
    store.applyState('1001', 'ringing', 2_000);
    store.applyState('1001', 'talking', 2_010);
    store.applyState('1003', 'idle', 2_020);
    const delta = store.takeDelta();
    expect(delta?.version).toBe(2);
    expect(delta?.reset).toBe(false);
    expect(delta?.upserts.map((row) => [row.workNo, row.state, row.stateSince])).toEqual([
      ['1001', 'talking', 2_010],
      ['1003', 'idle', 2_020],
    ]);
    expect(delta?.upserts[0]?.call).toEqual({ callId: null, caller: null, since: 2_010 });
  });

  it('a repeated state is no change and produces no delta', () => {
    const store = loaded();
    expect(store.applyState('1001', 'idle', 2_000)).toBe(false);
    expect(store.takeDelta()).toBeNull();
    expect(store.peek('1001')?.dataAt).toBe(2_000);
  });

  it('ignores events for agents outside the roster', () => {
    const store = loaded();
    expect(store.applyState('4040', 'busy', 2_000)).toBe(false);
    expect(store.takeDelta()).toBeNull();
  });

  it('emitted rows are copies the store no longer changes', () => {
    const store = loaded();
    store.applyState('1001', 'busy', 2_000);
    const row = store.takeDelta()?.upserts[0];
    store.applyState('1001', 'idle', 3_000);
    expect(row?.state).toBe('busy');
  });

  it('versions increase by exactly one per delta', () => {
    const store = loaded();
    const versions: number[] = [];
    for (let i = 0; i < 5; i++) {
      store.applyState('1001', i % 2 === 0 ? 'busy' : 'idle', 2_000 + i);
      versions.push(store.takeDelta()?.version ?? -1);
    }
    expect(versions).toEqual([2, 3, 4, 5, 6]);
  });
});

describe('RosterStore: snapshot reconciliation', () => {
  it('diffs a snapshot: changed, added and removed agents only', () => {
    const store = loaded();
    const changed = store.applySnapshot(
      [entry('1001', '4'), entry('1002', '5'), entry('1004', '4')],
      4_000,
      4_100,
      true,
    );
    expect(changed).toBe(2);
    const delta = store.takeDelta();
    expect(delta?.upserts.map((row) => [row.workNo, row.state])).toEqual([
      ['1002', 'wrap-up'],
      ['1004', 'idle'],
    ]);
    expect(delta?.removed).toEqual(['1003']);
    expect(store.peek('1001')?.dataAt).toBe(4_100);
  });

  it('a snapshot older than an event does not undo the event', () => {
    const store = loaded();
    store.applyState('1001', 'talking', 5_000);
    store.takeDelta();
    store.applySnapshot(
      [entry('1001', '4'), entry('1002', '7'), entry('1003', '3')],
      4_900,
      5_050,
      true,
    );
    expect(store.peek('1001')?.state).toBe('talking');
    expect(store.takeDelta()).toBeNull();
  });

  it('a partial snapshot removes nothing', () => {
    const store = loaded();
    store.applySnapshot([entry('1001', '3')], 4_000, 4_000, false);
    expect(store.takeDelta()?.removed).toEqual([]);
    expect(store.size).toBe(3);
  });

  it('picks up name and group changes', () => {
    const store = loaded();
    store.applySnapshot(
      [entry('1001', '4', { name: 'Zhang Wei', groupName: 'Team B' })],
      4_000,
      4_000,
      false,
    );
    expect(store.takeDelta()?.upserts[0]).toMatchObject({ name: 'Zhang Wei', groupName: 'Team B' });
  });
});

describe('RosterStore: inspection and details', () => {
  it('shows our inspection first and another inspector’s otherwise', () => {
    const store = loaded();
    store.applyOthersInspection('1002', 'listen', 2_000);
    expect(store.takeDelta()?.upserts[0]?.inspectedBy).toEqual({
      inspectorWorkNo: '',
      mode: 'listen',
    });
    store.setOurInspection({ workNo: '1002', mode: 'insert', inspectorId: '900' });
    expect(store.takeDelta()?.upserts[0]?.inspectedBy).toEqual({
      inspectorWorkNo: '900',
      mode: 'insert',
    });
    store.setOurInspection(null);
    expect(store.takeDelta()?.upserts[0]?.inspectedBy).toBeNull();
  });

  it('moving our inspection marks both rows', () => {
    const store = loaded();
    store.setOurInspection({ workNo: '1001', mode: 'listen', inspectorId: '900' });
    store.takeDelta();
    store.setOurInspection({ workNo: '1002', mode: 'listen', inspectorId: '900' });
    const rows = store.takeDelta()?.upserts ?? [];
    expect(rows.map((row) => [row.workNo, row.inspectedBy?.inspectorWorkNo ?? null])).toEqual([
      ['1001', null],
      ['1002', '900'],
    ]);
  });

  it('enriches with skills, call id and the real state start', () => {
    const store = new RosterStore();
    store.replaceAll([entry('1002', '7')], T + 1_000);
    store.takeDelta();
    store.applyDetail(
      detail('1002', '7', T - 60_000),
      (id, fallback) => (id === 5 ? 'Billing' : fallback),
      T + 2_000,
    );
    expect(store.takeDelta()?.upserts[0]).toMatchObject({
      groupName: 'Escalations',
      skills: ['Billing'],
      stateSince: T - 60_000,
      stateSinceExact: true,
      call: { callId: 'call-77', since: T - 60_000 },
    });
    expect(store.alertSince('1002')).toBe(T - 60_000);
  });

  it('carries alert kinds and reports hook calls', () => {
    const changes: string[] = [];
    const store = new RosterStore({
      onStateChange: (workNo, state) => changes.push(`${workNo}:${state}`),
    });
    store.replaceAll([entry('1001', '4')], 0);
    store.applyState('1001', 'busy', 10);
    store.setAlerts('1001', ['long-busy']);
    store.setAlerts('1001', ['long-busy']);
    const delta = store.takeDelta();
    expect(delta?.upserts[0]?.alerts).toEqual(['long-busy']);
    expect(changes).toEqual(['1001:idle', '1001:busy']);
  });
});

describe('RosterStore: exact state start vs lower bound', () => {
  const since = (store: RosterStore, workNo: string) => {
    const row = store.peek(workNo);
    return [row?.stateSince, row?.stateSinceExact];
  };

  it('a change seen by an event is exact; a talk seen starting starts the call clock', () => {
    const store = new RosterStore();
    store.replaceAll([entry('1001', '4')], T);
    store.applyState('1001', 'talking', T + 5_000);
    expect(since(store, '1001')).toEqual([T + 5_000, true]);
    expect(store.peek('1001')?.call?.since).toBe(T + 5_000);
  });

  it('a change a snapshot finds soon after the last confirmation is exact', () => {
    const store = new RosterStore();
    store.replaceAll([entry('1001', '4')], T);
    store.applySnapshot([entry('1001', '3')], T + 900, T + 1_000, false);
    expect(since(store, '1001')).toEqual([T + 1_000, true]);
  });

  it('a change found after a long gap (missed event, re-sign-in) is only a lower bound', () => {
    const store = new RosterStore();
    store.replaceAll([entry('1001', '4')], T);
    store.applySnapshot([entry('1001', '7')], T + 59_000, T + 60_000, false);
    expect(since(store, '1001')).toEqual([T + 60_000, false]);
    // The call's start is not known either: no made-up call duration.
    expect(store.peek('1001')?.call).toEqual({ callId: null, caller: null, since: null });
  });

  it('the gateway start replaces a lower bound, never a start seen live', () => {
    const store = new RosterStore();
    store.replaceAll([entry('1001', '7'), entry('1002', '4')], T);
    store.applyState('1002', 'talking', T + 1_000);
    store.applyDetail(detail('1001', '7', T - 300_000), (_id, name) => name, T + 2_000);
    store.applyDetail(detail('1002', '7', T + 900), (_id, name) => name, T + 2_000);
    expect(since(store, '1001')).toEqual([T - 300_000, true]);
    expect(since(store, '1002')).toEqual([T + 1_000, true]);
  });

  it('ignores a gateway start of another state, an implausible one, and puts none in our future', () => {
    const store = new RosterStore();
    store.replaceAll([entry('1001', '7'), entry('1002', '3'), entry('1003', '5')], T);
    store.applyDetail(detail('1001', '3', T - 300_000), (_id, name) => name, T + 1_000);
    store.applyDetail(detail('1002', '3', 1_700_000), (_id, name) => name, T + 1_000);
    store.applyDetail(detail('1003', '5', T + 60_000), (_id, name) => name, T + 1_000);
    expect(since(store, '1001')).toEqual([T, false]);
    expect(since(store, '1002')).toEqual([T, false]);
    expect(since(store, '1003')).toEqual([T + 1_000, true]);
  });

  it('tells the alert engine when a real start is learnt', () => {
    const starts: Array<[string, string, number]> = [];
    const store = new RosterStore({
      onStateChange: (workNo, state, at) => starts.push([workNo, state, at]),
    });
    store.replaceAll([entry('1001', '7')], T);
    store.applyDetail(detail('1001', '7', T - 700_000), (_id, name) => name, T + 1_000);
    expect(starts).toEqual([
      ['1001', 'talking', T],
      ['1001', 'talking', T - 700_000],
    ]);
  });

  it('picks the next row to ask about: talking, then busy, then wrap-up, longest observed first', () => {
    const store = new RosterStore();
    store.replaceAll(
      [entry('1001', '5'), entry('1002', '3'), entry('1003', '4'), entry('1004', '7')],
      T + 10_000,
    );
    store.applySnapshot([entry('1005', '7')], T + 20_000, T + 20_000, false);
    store.applySnapshot([entry('1006', '7')], T + 5_000, T + 5_000, false);
    const order: string[] = [];
    for (
      let next = store.nextInexact(['talking', 'busy', 'wrap-up'], (w) => order.includes(w));
      next !== null;
      next = store.nextInexact(['talking', 'busy', 'wrap-up'], (w) => order.includes(w))
    ) {
      order.push(next);
    }
    expect(order).toEqual(['1006', '1004', '1005', '1002', '1001']);
    store.applyState('1002', 'talking', T + 30_000);
    expect(store.nextInexact(['talking', 'busy'], () => false)).toBe('1006');
    expect(store.nextInexact(['busy'], () => false)).toBeNull();
  });
});
