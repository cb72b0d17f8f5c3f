import { describe, expect, it } from 'vitest';
import type { AgentStatusEntry, GatewayEvent, MonitorableAgent, OwnStatus } from '../gateway/gateway-types';
import { GatewayError } from '../gateway/gateway-error';
import { RosterStore } from './roster-store';
import { RosterSync, mergeEntries, type RosterGateway } from './roster-sync';
import { ManualClock, flushPromises } from './testing/manual-clock';

class FakeRosterGateway implements RosterGateway {
  calls: string[] = [];
  statuses: AgentStatusEntry[] = [
    { workNo: '1001', name: 'A', status: '4', ctiStatus: '1', groupName: 'G1' },
    { workNo: '1002', name: 'B', status: '7', ctiStatus: '5', groupName: 'G1' },
    { workNo: '5000', name: 'Other VDN team', status: '4', ctiStatus: '1', groupName: 'G9' },
  ];
  monitorable: MonitorableAgent[] | null = [
    { workNo: '1001', name: 'A', status: '4' },
    { workNo: '1002', name: 'B', status: '7' },
    { workNo: '1003', name: 'C', status: '2' },
  ];

  listMonitorableAgents(): Promise<MonitorableAgent[]> {
    this.calls.push('allagent');
    return this.monitorable ? Promise.resolve(this.monitorable) : Promise.reject(new GatewayError({ kind: 'http-status', interfaceName: 'queryAllAgent', httpStatus: 404 }));
  }
  listAgentStatuses(): Promise<AgentStatusEntry[]> {
    this.calls.push('allagentstatus');
    return Promise.resolve(this.statuses.map((entry) => ({ ...entry })));
  }
  beginMonitor(workNos: readonly string[]): Promise<void> {
    this.calls.push(`begin(${workNos.length})`);
    return Promise.resolve();
  }
  endMonitor(workNos: readonly string[]): Promise<void> {
    this.calls.push(`end(${workNos.length})`);
    return Promise.resolve();
  }
  getOwnStatus(): Promise<OwnStatus> {
    this.calls.push('ownstatus');
    return Promise.resolve({ agentState: 1, isWorking: false });
  }
  setStatus(workNo: string, status: string): void {
    const entry = this.statuses.find((candidate) => candidate.workNo === workNo);
    if (entry) entry.status = status;
  }
}

function setup(policy = {}) {
  const clock = new ManualClock();
  const gateway = new FakeRosterGateway();
  const roster = new RosterStore();
  const failures: unknown[] = [];
  const sync = new RosterSync({
    clock,
    logger: { debug() {}, info() {}, warn() {}, error() {} },
    roster,
    warmupMs: 1_000,
    policy,
    onData: () => undefined,
    onFailure: (error) => failures.push(error),
    onOwnStatus: () => undefined,
  });
  return { clock, gateway, roster, sync, failures };
}

const notify = (workNo: string, subtype: string, receivedAt: number, generatedAt: number | null = receivedAt): GatewayEvent => ({
  eventType: 'QC_AgentState_Notify',
  workNo: '900',
  content: { subtype, monitoredagent: workNo, agentname: 'x', mediaserver: 'CtiServer' },
  generatedAt,
  receivedAt,
});

describe('RosterSync', () => {
  it('loads allagent ∩ allagentstatus, measures, then subscribes and closes the gap with a snapshot', async () => {
    const t = setup();
    await t.sync.start(t.gateway, true);
    expect(t.gateway.calls).toEqual(['ownstatus', 'allagent', 'allagentstatus']);
    expect(t.roster.list().map((row) => `${row.workNo}:${row.state}`)).toEqual(['1001:idle', '1002:talking', '1003:signed-out']);
    expect(t.sync.diagnostics().mode).toBe('warming');
    await t.clock.advance(1_000);
    expect(t.sync.diagnostics().mode).toBe('events');
    expect(t.gateway.calls.slice(3)).toEqual(['allagentstatus', 'begin(3)', 'allagentstatus']);
  });

  it('falls back to allagentstatus when allagent is not offered', async () => {
    const t = setup();
    t.gateway.monitorable = null;
    await t.sync.start(t.gateway, true);
    expect(t.roster.size).toBe(3);
    expect(t.roster.peek('5000')).toBeDefined();
  });

  it('applies monitor events in events mode and ignores them otherwise', async () => {
    const t = setup();
    await t.sync.start(t.gateway, true);
    t.sync.handleNotify(notify('1001', 'QC_AgentState_Busy', t.clock.now()));
    expect(t.roster.peek('1001')?.state).toBe('idle');
    await t.clock.advance(1_000);
    t.sync.handleNotify(notify('1001', 'QC_AgentState_Busy', t.clock.now()));
    t.sync.handleNotify(notify('1002', 'QC_AgentState_Monitor', t.clock.now()));
    expect(t.roster.peek('1001')?.state).toBe('busy');
    expect(t.roster.peek('1002')?.inspectedBy).toEqual({ inspectorWorkNo: '', mode: 'listen' });
  });

  it('switches to snapshots when the stream falls behind, and back when the rate fits', async () => {
    const t = setup({ minSnapshotModeMs: 5_000 });
    await t.sync.start(t.gateway, true);
    await t.clock.advance(1_000);
    const start = t.clock.now();
    for (let i = 0; i < 40; i++) t.sync.handleNotify(notify('1001', i % 2 ? 'QC_AgentState_Busy' : 'QC_AgentState_Idle', start + i * 10, start + i * 10 - (i < 5 ? 0 : 900)));
    await t.clock.advance(500);
    t.sync.tick(t.clock.now());
    await flushPromises();
    expect(t.sync.diagnostics().mode).toBe('snapshots');
    expect(t.gateway.calls).toContain('end(3)');
    const before = t.gateway.calls.filter((call) => call === 'allagentstatus').length;
    await t.clock.advance(2_000);
    expect(t.gateway.calls.filter((call) => call === 'allagentstatus').length - before).toBeGreaterThanOrEqual(6);
    await t.clock.advance(4_000);
    expect(t.sync.diagnostics()).toMatchObject({ mode: 'events', modeSwitches: 2 });
  });

  it('after a re-sign-in in events mode, subscribes before taking the snapshot', async () => {
    const t = setup();
    await t.sync.start(t.gateway, true);
    await t.clock.advance(1_000);
    t.sync.stop();
    t.gateway.calls = [];
    t.gateway.setStatus('1001', '5');
    await t.sync.start(t.gateway, false);
    expect(t.gateway.calls).toEqual(['ownstatus', 'allagent', 'begin(3)', 'allagentstatus']);
    expect(t.sync.diagnostics().mode).toBe('events');
    expect(t.roster.peek('1001')?.state).toBe('wrap-up');
  });

  it('reports a failing snapshot to the session', async () => {
    const t = setup();
    await t.sync.start(t.gateway, true);
    t.gateway.listAgentStatuses = () => Promise.reject(new GatewayError({ kind: 'retcode', interfaceName: 'x', retcode: '100-006' }));
    await t.clock.advance(1_000);
    expect(t.failures).toHaveLength(1);
  });
});

describe('mergeEntries', () => {
  it('keeps allagent’s list and takes live state and group from allagentstatus', () => {
    const merged = mergeEntries(
      [{ workNo: '1', name: '', status: '4' }, { workNo: '2', name: 'Two', status: '2' }],
      [{ workNo: '1', name: 'One', status: '7', ctiStatus: '4', groupName: 'G' }],
    );
    expect(merged).toEqual([
      { workNo: '1', name: 'One', status: '7', ctiStatus: '4', groupName: 'G' },
      { workNo: '2', name: 'Two', status: '2', ctiStatus: null, groupName: null },
    ]);
  });
});
