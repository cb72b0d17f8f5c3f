import { describe, expect, it } from 'vitest';
import type {
  AgentStatusEntry,
  GatewayEvent,
  MonitorableAgent,
  OwnStatus,
} from '../../gateway/gateway-types';
import { GatewayError } from '../../gateway/gateway-error';
import { RosterStore } from './roster-store';
import { mergeEntries } from './roster-row';
import { RosterSync, type RosterGateway } from './roster-sync';
import { ManualClock, flushPromises } from '../../../../test/support/core/manual-clock';

class FakeRosterGateway implements RosterGateway {
  readonly agentId = '900';
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
    return this.monitorable
      ? Promise.resolve(this.monitorable)
      : Promise.reject(
          new GatewayError({
            kind: 'http-status',
            interfaceName: 'queryAllAgent',
            httpStatus: 404,
          }),
        );
  }
  listAgentStatuses(): Promise<AgentStatusEntry[]> {
    this.calls.push('allagentstatus');
    return Promise.resolve(this.statuses.map((entry) => ({ ...entry })));
  }
  /** Failures the next beginMonitor calls answer with, in order. */
  beginFailures: unknown[] = [];
  beginMonitor(workNos: readonly string[]): Promise<void> {
    this.calls.push(`begin(${workNos.length})`);
    const failure = this.beginFailures.shift();
    return failure === undefined ? Promise.resolve() : Promise.reject(failure);
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
  const lost: unknown[] = [];
  const sync = new RosterSync({
    clock,
    logger: { debug() {}, info() {}, warn() {}, error() {} },
    roster,
    warmupMs: 1_000,
    policy,
    onData: () => undefined,
    onFailure: (error) => failures.push(error),
    onSubscriptionLost: (error) => lost.push(error),
    onOwnStatus: () => undefined,
  });
  return { clock, gateway, roster, sync, failures, lost };
}

const reset = (): GatewayError =>
  new GatewayError({
    kind: 'transport',
    interfaceName: 'beginMonitor',
    message: 'other side closed',
  });
const http503 = (): GatewayError =>
  new GatewayError({ kind: 'http-status', interfaceName: 'beginMonitor', httpStatus: 503 });
const gatewayRetcode = (retcode: string): GatewayError =>
  new GatewayError({ kind: 'retcode', interfaceName: 'beginMonitor', retcode });

/** Started, warmed up and in events mode with the subscription in place; call log cleared. */
async function setupInEvents(policy = {}) {
  const t = setup(policy);
  await t.sync.start(t.gateway, true);
  await t.clock.advance(1_000);
  expect(t.sync.diagnostics()).toMatchObject({ mode: 'events', subscription: 'active' });
  t.gateway.calls = [];
  return t;
}

const notify = (
  workNo: string,
  subtype: string,
  receivedAt: number,
  generatedAt: number | null = receivedAt,
): GatewayEvent => ({
  eventType: 'QC_AgentState_Notify',
  rawType: null,
  known: true,
  workNo: '900',
  content: { subtype, monitoredagent: workNo, agentname: 'x', mediaserver: 'CtiServer' },
  generatedAt,
  receivedAt,
});

describe('RosterSync', () => {
  // A real allagent / allagentstatus includes the signed-in inspector (issue 10); Huawei's
  // ICP bridge (AgentService.java) skips its own id before beginmonitor, the Java demo's
  // qualitycontrol.js before listing.
  it('keeps the inspector themself out of the roster and the subscription', async () => {
    const t = setup();
    t.gateway.monitorable?.push({ workNo: '900', name: 'Me', status: '4' });
    t.gateway.statuses.push({
      workNo: '900',
      name: 'Me',
      status: '4',
      ctiStatus: '1',
      groupName: 'QC',
    });
    await t.sync.start(t.gateway, true);
    expect(t.roster.peek('900')).toBeUndefined();
    await t.clock.advance(1_000);
    expect(t.sync.diagnostics().mode).toBe('events');
    expect(t.gateway.calls).toContain('begin(3)');
    expect(t.roster.peek('900')).toBeUndefined();
    expect(t.roster.size).toBe(3);
  });

  it('loads allagent ∩ allagentstatus, measures, then subscribes and closes the gap with a snapshot', async () => {
    const t = setup();
    await t.sync.start(t.gateway, true);
    expect(t.gateway.calls).toEqual(['ownstatus', 'allagent', 'allagentstatus']);
    expect(t.roster.list().map((row) => `${row.workNo}:${row.state}`)).toEqual([
      '1001:idle',
      '1002:talking',
      '1003:signed-out',
    ]);
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
    for (let i = 0; i < 40; i++)
      t.sync.handleNotify(
        notify(
          '1001',
          i % 2 ? 'QC_AgentState_Busy' : 'QC_AgentState_Idle',
          start + i * 10,
          start + i * 10 - (i < 5 ? 0 : 900),
        ),
      );
    await t.clock.advance(500);
    t.sync.tick(t.clock.now());
    await flushPromises();
    expect(t.sync.diagnostics().mode).toBe('snapshots');
    expect(t.gateway.calls).toContain('end(3)');
    const before = t.gateway.calls.filter((call) => call === 'allagentstatus').length;
    await t.clock.advance(2_000);
    expect(
      t.gateway.calls.filter((call) => call === 'allagentstatus').length - before,
    ).toBeGreaterThanOrEqual(6);
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

  it('a failed subscription is reported as lost, not as live: reconcile subscribes again before its snapshot', async () => {
    const t = setup();
    await t.sync.start(t.gateway, true);
    t.gateway.beginFailures = [reset()];
    await t.clock.advance(1_000);
    expect(t.lost).toHaveLength(1);
    expect(t.failures).toEqual([]);
    expect(t.sync.diagnostics()).toMatchObject({ mode: 'events', subscription: 'broken' });
    // No snapshot "closes the gap" of a subscription that is not there.
    expect(t.gateway.calls.slice(3)).toEqual(['allagentstatus', 'begin(3)']);
    t.gateway.calls = [];
    await t.sync.reconcile(t.gateway);
    // ICP bridge demo (AgentService.java): endmonitor before each re-subscription.
    expect(t.gateway.calls).toEqual(['end(3)', 'begin(3)', 'allagentstatus']);
    expect(t.sync.diagnostics().subscription).toBe('active');
  });

  it('re-subscribes on every reconcile in events mode (every recovery), and a failure there is reported too', async () => {
    const t = await setupInEvents();
    await t.sync.reconcile(t.gateway);
    expect(t.gateway.calls).toEqual(['end(3)', 'begin(3)', 'allagentstatus']);
    t.gateway.calls = [];
    t.gateway.beginFailures = [http503()];
    await t.sync.reconcile(t.gateway);
    expect(t.gateway.calls).toEqual(['end(3)', 'begin(3)']);
    expect(t.lost).toHaveLength(1);
    expect(t.sync.diagnostics().subscription).toBe('broken');
  });

  it('falls back to snapshots when the subscription cannot be restored, instead of going stale', async () => {
    const t = setup();
    await t.sync.start(t.gateway, true);
    t.gateway.beginFailures = [reset(), http503(), reset(), http503()];
    await t.clock.advance(1_000);
    await t.sync.reconcile(t.gateway);
    await t.sync.reconcile(t.gateway);
    expect(t.lost).toHaveLength(3);
    expect(t.sync.diagnostics().mode).toBe('events');
    await t.sync.reconcile(t.gateway);
    // Fourth failure in a row: no more session retries, snapshots keep the roster fresh.
    expect(t.lost).toHaveLength(3);
    expect(t.sync.diagnostics()).toMatchObject({ mode: 'snapshots', subscription: 'none' });
    // Each retry ended the broken subscription first (ICP bridge AgentService.java); the switch
    // to snapshots does not end a subscription that is not in place.
    expect(t.gateway.calls.filter((call) => call === 'end(3)')).toHaveLength(3);
    expect(t.gateway.calls.at(-1)).not.toBe('end(3)');
    t.gateway.setStatus('1001', '8');
    await t.clock.advance(1_000);
    expect(t.roster.peek('1001')?.state).toBe('rest');
  });

  it('an answer no retry can fix (000-002) falls back to snapshots at once', async () => {
    const t = setup();
    await t.sync.start(t.gateway, true);
    t.gateway.beginFailures = [gatewayRetcode('000-002')];
    await t.clock.advance(1_000);
    expect(t.lost).toEqual([]);
    expect(t.sync.diagnostics()).toMatchObject({ mode: 'snapshots', modeSwitches: 1 });
  });

  it('a lost session during the subscription goes to the session as a failure', async () => {
    const t = await setupInEvents();
    t.gateway.beginFailures = [gatewayRetcode('100-006')];
    await t.sync.reconcile(t.gateway);
    expect(t.failures).toHaveLength(1);
    expect(t.lost).toEqual([]);
  });

  it('after a re-sign-in, a failed subscription still loads the roster and is reported; a lost session throws', async () => {
    const t = await setupInEvents();
    t.sync.stop();
    t.gateway.setStatus('1001', '5');
    t.gateway.beginFailures = [reset()];
    await t.sync.start(t.gateway, false);
    expect(t.gateway.calls).toEqual(['ownstatus', 'allagent', 'begin(3)', 'allagentstatus']);
    expect(t.roster.peek('1001')?.state).toBe('wrap-up');
    expect(t.lost).toHaveLength(1);
    expect(t.sync.diagnostics()).toMatchObject({ mode: 'events', subscription: 'broken' });
    t.sync.stop();
    t.gateway.beginFailures = [gatewayRetcode('100-006')];
    await expect(t.sync.start(t.gateway, false)).rejects.toMatchObject({ retcode: '100-006' });
  });

  it('the slow reconcile retries a subscription that is still broken', async () => {
    const t = setup({ reconcileIntervalMs: 10_000 });
    await t.sync.start(t.gateway, true);
    t.gateway.beginFailures = [reset()];
    await t.clock.advance(1_000);
    t.gateway.calls = [];
    await t.clock.advance(10_000);
    expect(t.gateway.calls).toEqual(['end(3)', 'begin(3)', 'allagentstatus']);
    expect(t.sync.diagnostics().subscription).toBe('active');
  });

  it('reports a failing snapshot to the session', async () => {
    const t = setup();
    await t.sync.start(t.gateway, true);
    t.gateway.listAgentStatuses = () =>
      Promise.reject(new GatewayError({ kind: 'retcode', interfaceName: 'x', retcode: '100-006' }));
    await t.clock.advance(1_000);
    expect(t.failures).toHaveLength(1);
  });
});

describe('mergeEntries', () => {
  it('keeps allagent’s list and takes live state and group from allagentstatus', () => {
    const merged = mergeEntries(
      [
        { workNo: '1', name: '', status: '4' },
        { workNo: '2', name: 'Two', status: '2' },
      ],
      [{ workNo: '1', name: 'One', status: '7', ctiStatus: '4', groupName: 'G' }],
    );
    expect(merged).toEqual([
      { workNo: '1', name: 'One', status: '7', ctiStatus: '4', groupName: 'G' },
      { workNo: '2', name: 'Two', status: '2', ctiStatus: null, groupName: null },
    ]);
  });
});
