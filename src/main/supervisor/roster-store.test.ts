import { describe, expect, it } from 'vitest';
import type { AgentDetail } from '../gateway/gateway-types';
import { RosterStore, type RosterEntry } from './roster-store';

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
    expect(delta?.upserts[0]).toMatchObject({ stateSince: null, dataAt: 1_000, groupName: 'Team A', alerts: [] });
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
    const changed = store.applySnapshot([entry('1001', '4'), entry('1002', '5'), entry('1004', '4')], 4_000, 4_100, true);
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
    store.applySnapshot([entry('1001', '4'), entry('1002', '7'), entry('1003', '3')], 4_900, 5_050, true);
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
    store.applySnapshot([entry('1001', '4', { name: 'Zhang Wei', groupName: 'Team B' })], 4_000, 4_000, false);
    expect(store.takeDelta()?.upserts[0]).toMatchObject({ name: 'Zhang Wei', groupName: 'Team B' });
  });
});

describe('RosterStore: inspection and details', () => {
  it('shows our inspection first and another inspector’s otherwise', () => {
    const store = loaded();
    store.applyOthersInspection('1002', 'listen', 2_000);
    expect(store.takeDelta()?.upserts[0]?.inspectedBy).toEqual({ inspectorWorkNo: '', mode: 'listen' });
    store.setOurInspection({ workNo: '1002', mode: 'insert', inspectorId: '900' });
    expect(store.takeDelta()?.upserts[0]?.inspectedBy).toEqual({ inspectorWorkNo: '900', mode: 'insert' });
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
    const store = loaded();
    const detail: AgentDetail = {
      workNo: '1002',
      name: 'Agent 1002',
      status: '7',
      ctiStatus: '5',
      groupId: 3,
      groupName: 'Escalations',
      skills: [{ id: 5, name: '' }],
      callIds: ['call-77'],
      phoneNumber: null,
      currentStateSince: 500,
    };
    store.applyDetail(detail, (id, fallback) => (id === 5 ? 'Billing' : fallback), 2_000);
    expect(store.takeDelta()?.upserts[0]).toMatchObject({
      groupName: 'Escalations',
      skills: ['Billing'],
      stateSince: 500,
      call: { callId: 'call-77' },
    });
    expect(store.alertSince('1002')).toBe(500);
  });

  it('carries alert kinds and reports hook calls', () => {
    const changes: string[] = [];
    const store = new RosterStore({ onStateChange: (workNo, state) => changes.push(`${workNo}:${state}`) });
    store.replaceAll([entry('1001', '4')], 0);
    store.applyState('1001', 'busy', 10);
    store.setAlerts('1001', ['long-busy']);
    store.setAlerts('1001', ['long-busy']);
    const delta = store.takeDelta();
    expect(delta?.upserts[0]?.alerts).toEqual(['long-busy']);
    expect(changes).toEqual(['1001:idle', '1001:busy']);
  });
});
