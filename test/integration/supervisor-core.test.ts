/**
 * The whole supervisor core against the simulator over HTTPS: sign-in, live roster, the
 * inspection path, queued calls, the journal, duplicate triggers and recovery from faults.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AgentRow, ConnectionState } from '../../src/shared/domain';
import { createNodeFetch, GatewayClient } from '../../src/main/gateway';
import { JOURNAL_FILE_NAME, parseJournalText } from '../../src/main/supervisor/audit-journal';
import { createSupervisor } from '../../src/main/supervisor/create-supervisor';
import {
  createMemoryCredentialStore,
  createMemorySettingsStore,
  createNodeTransportFactory,
  createSimulatorDemoGateway,
  silentLogger,
} from '../../src/main/supervisor/node-ports';
import { measureRosterLag } from '../../src/main/supervisor/roster-lag-measurement';
import {
  startSimulatorHarness,
  type SimulatorHarness,
} from '../../src/main/supervisor/testing/simulator-harness';
import { listPlainAgents } from '../helpers/simulator-agents';

/** An agent of the simulated center in a given CCGW status (forced there first). */
function agentIn(h: SimulatorHarness, status: string, skip: readonly string[] = []): string {
  const agent = listPlainAgents(h.sim).find((candidate) => !skip.includes(candidate.workNo));
  if (!agent) throw new Error('no agent');
  h.sim.center.setAgentStatus(agent.workNo, status);
  return agent.workNo;
}

/** Force an agent into `status` and wait until the roster shows `state`. */
async function agentShowing(
  h: SimulatorHarness,
  status: string,
  state: string,
  skip: readonly string[] = [],
): Promise<string> {
  const since = Date.now();
  const workNo = agentIn(h, status, skip);
  const known = h.recorder
    .of('roster.delta')
    .flatMap((event) => event.payload.upserts)
    .filter((row) => row.workNo === workNo)
    .at(-1);
  if (known?.state !== state)
    await h.recorder.waitFor(
      'roster.delta',
      (d) => d.upserts.some((row) => row.workNo === workNo && row.state === state),
      3_000,
      since,
    );
  return workNo;
}

const requestsOf = (h: SimulatorHarness, logName: string): number =>
  h.sim.center.stats().requestsByLogName[logName] ?? 0;

async function waitForPhase(
  h: SimulatorHarness,
  phase: ConnectionState['phase'],
  since: number,
  timeoutMs = 6_000,
): Promise<number> {
  const event = await h.recorder.waitFor(
    'connection.changed',
    (state) => state.phase === phase,
    timeoutMs,
    since,
  );
  return event.at;
}

describe('supervisor core on the simulator', () => {
  let h: SimulatorHarness;
  let agentA: string;

  beforeAll(async () => {
    h = await startSimulatorHarness();
    await h.signIn();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('signs in and loads the roster as one reset delta', async () => {
    const live = await h.recorder.waitFor('connection.changed', (state) => state.phase === 'live');
    expect(live.payload).toMatchObject({
      phase: 'live',
      inspectorId: h.inspector.agentId,
      demo: false,
    });
    const first = await h.recorder.waitFor('roster.delta', (delta) => delta.reset);
    expect(first.payload.version).toBe(1);
    const expected = h.sim.center
      .listAgents()
      .filter((agent) => agent.workNo !== h.inspector.agentId);
    expect(first.payload.upserts.map((row) => row.workNo).sort()).toEqual(
      expected.map((agent) => agent.workNo).sort(),
    );
    const snapshot = await h.core.execute('app.getSnapshot', {});
    expect(snapshot.ok && snapshot.value.passwordRemembered).toBe(true);
  });

  it('turns a center state change into a roster delta with that agent', async () => {
    agentA = agentIn(h, '4');
    await new Promise((resolve) => setTimeout(resolve, 300));
    const started = Date.now();
    h.sim.center.setAgentStatus(agentA, '3');
    const delta = await h.recorder.waitFor(
      'roster.delta',
      (d) => d.upserts.some((row) => row.workNo === agentA && row.state === 'busy'),
      2_000,
      started,
    );
    const row = delta.payload.upserts.find((candidate) => candidate.workNo === agentA)!;
    expect(row.stateSince).toBeGreaterThanOrEqual(started);
    expect(delta.payload.reset).toBe(false);
    expect(delta.at - started).toBeLessThan(1_000);
    const versions = h.recorder.of('roster.delta').map((event) => event.payload.version);
    expect(versions).toEqual(versions.map((_, index) => index + 1));
  });

  it('listen → switch → intercept, with inspection.changed following', async () => {
    h.sim.center.setAgentStatus(agentA, '7');
    await h.recorder.waitFor('roster.delta', (d) =>
      d.upserts.some((row) => row.workNo === agentA && row.state === 'talking'),
    );
    await h.core.execute('agents.select', { workNo: agentA });
    const since = Date.now();
    const listened = await h.core.execute('inspection.listen', {
      workNo: agentA,
      source: 'window',
    });
    expect(listened).toMatchObject({
      ok: true,
      value: { mode: 'listening', targetWorkNo: agentA },
    });
    await h.recorder.waitFor(
      'inspection.changed',
      (view) => view.mode === 'listening',
      2_000,
      since,
    );
    const marked = await h.recorder.waitFor(
      'roster.delta',
      (d) =>
        d.upserts.some(
          (row) =>
            row.workNo === agentA && row.inspectedBy?.inspectorWorkNo === h.inspector.agentId,
        ),
      2_000,
      since,
    );
    expect(marked.payload.upserts.find((row) => row.workNo === agentA)?.inspectedBy?.mode).toBe(
      'listen',
    );

    const switched = await h.core.execute('inspection.switch', { source: 'window' });
    expect(switched).toMatchObject({ ok: true, value: { mode: 'inserting' } });
    const whisper = await h.core.execute('inspection.switchTo', {
      mode: 'whisper',
      source: 'tray',
    });
    expect(whisper).toMatchObject({ ok: true, value: { mode: 'whispering' } });
    const intercepted = await h.core.execute('inspection.intercept', { source: 'window' });
    expect(intercepted).toMatchObject({
      ok: true,
      value: { mode: 'talking', targetWorkNo: agentA },
    });
    await h.recorder.waitFor(
      'roster.delta',
      (d) => d.upserts.some((row) => row.workNo === agentA && row.state === 'idle'),
      2_000,
      since,
    );
    expect(
      h.sim.center.listAgents().find((agent) => agent.workNo === h.inspector.agentId)?.status,
    ).toBe('7');

    const cancel = await h.core.execute('inspection.cancel', { source: 'window' });
    expect(cancel).toMatchObject({ ok: false, error: { code: 'forbidden-state' } });
    // The customer hangs up on the inspector: the machine follows the release events.
    const ended = Date.now();
    h.sim.center.setAgentStatus(h.inspector.agentId, '4');
    await h.recorder.waitFor('inspection.changed', (view) => view.mode === 'idle', 2_000, ended);
  });

  it('refuses forbidden actions before the network', async () => {
    const before = requestsOf(h, 'intercept') + requestsOf(h, 'addInsert');
    const intercept = await h.core.execute('inspection.intercept', { source: 'hotkey' });
    expect(intercept).toMatchObject({ ok: false, error: { code: 'forbidden-state' } });
    const signedOut = await agentShowing(h, '2', 'signed-out', [agentA]);
    const barge = await h.core.execute('inspection.barge', { workNo: signedOut, source: 'window' });
    expect(barge).toMatchObject({
      ok: false,
      error: { code: 'forbidden-state', message: `Agent ${signedOut} is signed out.` },
    });
    expect(requestsOf(h, 'intercept') + requestsOf(h, 'addInsert')).toBe(before);
  });

  it('a double-triggered listen sends exactly one request', async () => {
    await h.core.execute('agents.select', { workNo: agentA });
    const before = requestsOf(h, 'addSupervise');
    const [first, second] = await Promise.all([
      h.core.runHotkey('listen'),
      h.core.runHotkey('listen'),
    ]);
    expect(first).toMatchObject({ ok: true, value: { mode: 'listening' } });
    expect(second).toEqual(first);
    const third = await h.core.runHotkey('listen');
    expect(third).toMatchObject({ ok: false, error: { code: 'forbidden-state' } });
    expect(requestsOf(h, 'addSupervise')).toBe(before + 1);
    // The barge hotkey while listening to the focus agent barges into that call.
    expect(await h.core.runHotkey('barge')).toMatchObject({
      ok: true,
      value: { mode: 'inserting', targetWorkNo: agentA },
    });
    const cancel = await h.core.runHotkey('cancel');
    expect(cancel).toMatchObject({ ok: true, value: { mode: 'idle' } });
  });

  it('forces an agent busy, once for a double trigger', async () => {
    const target = await agentShowing(h, '4', 'idle', [agentA]);
    const before = requestsOf(h, 'forceBusy');
    const [one, two] = await Promise.all([
      h.core.execute('agents.forceBusy', { workNo: target, source: 'window' }),
      h.core.execute('agents.forceBusy', { workNo: target, source: 'window' }),
    ]);
    expect(one).toEqual({ ok: true, value: null });
    expect(two).toEqual(one);
    expect(requestsOf(h, 'forceBusy')).toBe(before + 1);
    await h.recorder.waitFor('roster.delta', (d) =>
      d.upserts.some((row) => row.workNo === target && row.state === 'busy'),
    );
  });

  it('shows a queued call and takes it with requestcall', async () => {
    const skill = h.sim.center.listSkills()[0]!;
    const callId = h.sim.center.enqueueCall(skill.id, '13800000000');
    const since = Date.now();
    await h.core.execute('queues.watch', { skillIds: [skill.id] });
    const shown = await h.recorder.waitFor(
      'queues.changed',
      (queues) =>
        queues.some((queue) => queue.calls?.some((call) => call.callId === callId) ?? false),
      3_000,
      since,
    );
    const queue = shown.payload.find((candidate) => candidate.skillId === skill.id)!;
    expect(queue.waitingCount).toBeGreaterThanOrEqual(1);
    expect(queue.calls?.find((call) => call.callId === callId)).toMatchObject({
      caller: '13800000000',
      skillId: skill.id,
    });
    const taken = await h.core.execute('queues.requestCall', {
      callId,
      skillId: skill.id,
      source: 'window',
    });
    expect(taken).toMatchObject({ ok: true, value: { mode: 'talking', callId } });
    expect(h.sim.center.listWaitingCalls(skill.id).some((call) => call.callId === callId)).toBe(
      false,
    );
    const ended = Date.now();
    h.sim.center.setAgentStatus(h.inspector.agentId, '4');
    await h.recorder.waitFor('inspection.changed', (view) => view.mode === 'idle', 2_000, ended);
    await h.core.execute('queues.watch', { skillIds: [] });
  });

  it('writes every action to the audit journal, without secrets', async () => {
    const text = fs.readFileSync(path.join(h.journalDir, JOURNAL_FILE_NAME), 'utf8');
    const entries = parseJournalText(text);
    expect(text.split('\n').filter((line) => line !== '')).toHaveLength(entries.length);
    const actions = entries.map((entry) => `${entry.action}:${entry.outcome}`);
    expect(actions).toEqual(
      expect.arrayContaining([
        'sign-in:ok',
        'listen:ok',
        'switch:ok',
        'switch-to-whisper:ok',
        'intercept:ok',
        'cancel:refused',
        'barge:refused',
        'force-busy:ok',
        'request-call:ok',
      ]),
    );
    expect(
      entries.find((entry) => entry.action === 'listen' && entry.source === 'hotkey'),
    ).toMatchObject({ modeBefore: 'idle', modeAfter: 'listening', target: agentA });
    expect(text).not.toContain(h.inspector.password);
    const listed = await h.core.execute('journal.list', { limit: 3 });
    expect(listed.ok && listed.value).toHaveLength(3);
    const allEvents = JSON.stringify(h.recorder.events);
    expect(allEvents).not.toContain(h.inspector.password);
  });
});

describe('supervisor core sign-out and demo mode', () => {
  it('signs out: empty reset roster, signed-out state, a journal line', async () => {
    const h = await startSimulatorHarness();
    try {
      await h.signIn();
      await h.recorder.waitFor('roster.delta', (delta) => delta.reset && delta.upserts.length > 0);
      const since = Date.now();
      expect(await h.core.execute('session.signOut', { forgetPassword: true })).toEqual({
        ok: true,
        value: null,
      });
      await h.recorder.waitFor(
        'connection.changed',
        (state) => state.phase === 'signed-out',
        2_000,
        since,
      );
      await h.recorder.waitFor(
        'roster.delta',
        (delta) => delta.reset && delta.upserts.length === 0,
        2_000,
        since,
      );
      const snapshot = await h.core.execute('app.getSnapshot', {});
      expect(snapshot.ok && snapshot.value).toMatchObject({
        roster: [],
        passwordRemembered: false,
        connection: { phase: 'signed-out' },
      });
      const entries = parseJournalText(
        fs.readFileSync(path.join(h.journalDir, JOURNAL_FILE_NAME), 'utf8'),
      );
      expect(entries.at(-1)).toMatchObject({ action: 'sign-out', outcome: 'ok', source: 'window' });
      expect(
        h.sim.center.listAgents().find((agent) => agent.workNo === h.inspector.agentId)?.status,
      ).toBe('2');
    } finally {
      await h.close();
    }
  });

  it('start({ demo: true }) signs in to the demo gateway with its in-memory account', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'core-demo-'));
    const credentials = createMemoryCredentialStore();
    const demo = createSimulatorDemoGateway({ agents: 20, pollHoldMs: 300 });
    const transport = createNodeTransportFactory();
    const core = createSupervisor(
      {
        credentials,
        settings: createMemorySettingsStore(),
        transport,
        journalDir: dir,
        logger: silentLogger,
        demo,
      },
      { pollHoldMs: 300, warmupMs: 100 },
    );
    try {
      await core.start({ demo: true });
      const snapshot = await core.execute('app.getSnapshot', {});
      expect(snapshot.ok && snapshot.value.connection).toMatchObject({ phase: 'live', demo: true });
      expect(snapshot.ok && snapshot.value.roster.length).toBeGreaterThan(10);
      expect(await credentials.findCredentials('cc-inspector')).toEqual([]);
    } finally {
      await core.dispose();
      await transport.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
    expect(demo.simulator()).toBeNull();
  });
});

describe('supervisor core recovery on the simulator', () => {
  let h: SimulatorHarness;

  beforeAll(async () => {
    // A slow state-start warm-up, still running during the faults below (it must pause).
    h = await startSimulatorHarness({
      supervisor: { stallGraceMs: 1_000, warmupEnrichment: { maxRequestsPerSecond: 0.5 } },
      logger: process.env.CORE_DEBUG
        ? (await import('../../src/main/supervisor/node-ports')).createConsoleLogger('debug')
        : undefined,
    });
    await h.signIn();
    await h.recorder.waitFor('connection.changed', (state) => state.phase === 'live');
  });
  afterAll(async () => {
    await h?.close();
  });

  async function expectLiveRoster(): Promise<void> {
    const agent = await agentShowing(h, '4', 'idle');
    const since = Date.now();
    h.sim.center.setAgentStatus(agent, '5');
    await h.recorder.waitFor(
      'roster.delta',
      (d) => d.upserts.some((row) => row.workNo === agent && row.state === 'wrap-up'),
      3_000,
      since,
    );
  }

  it('re-signs in after the GUIDs are invalidated, live again within 5 s', async () => {
    const logins = requestsOf(h, 'forceLogin');
    const since = Date.now();
    h.sim.faults.invalidateGuids();
    await waitForPhase(h, 'reconnecting', since);
    const liveAt = await waitForPhase(h, 'live', since);
    console.log(`[core] live again ${liveAt - since} ms after invalidateGuids`);
    expect(liveAt - since).toBeLessThan(5_000);
    expect(requestsOf(h, 'forceLogin')).toBe(logins + 1);
    await expectLiveRoster();
  });

  it('re-signs in after a gateway restart, live again within 5 s', async () => {
    const since = Date.now();
    h.sim.restart();
    await waitForPhase(h, 'reconnecting', since);
    const liveAt = await waitForPhase(h, 'live', since);
    console.log(`[core] live again ${liveAt - since} ms after restart`);
    expect(liveAt - since).toBeLessThan(5_000);
    await expectLiveRoster();
  });

  it('says it is reconnecting while the gateway is a black hole, and is live within 5 s after', async () => {
    const since = Date.now();
    h.sim.faults.set({ stalled: true });
    const reconnecting = await h.recorder.waitFor(
      'connection.changed',
      (state) => state.phase === 'reconnecting',
      6_000,
      since,
    );
    expect(reconnecting.payload).toMatchObject({
      phase: 'reconnecting',
      reason: expect.any(String) as unknown,
      reasonZh: expect.any(String) as unknown,
    });
    expect(h.core.diagnostics().warmupEnrichment).toMatchObject({ running: true, paused: true });
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const cleared = Date.now();
    h.sim.faults.clear();
    const liveAt = await waitForPhase(h, 'live', cleared);
    console.log(`[core] live again ${liveAt - cleared} ms after the stall cleared`);
    expect(liveAt - cleared).toBeLessThan(5_000);
    expect(h.core.diagnostics().warmupEnrichment).toMatchObject({ running: true, paused: false });
    await expectLiveRoster();
  });

  it('re-checks the session after resume', async () => {
    const since = Date.now();
    h.core.onResume();
    const liveAt = await waitForPhase(h, 'live', since);
    expect(liveAt - since).toBeLessThan(2_000);
    await expectLiveRoster();
  });
});

/** Poll until `check` holds; rejects after `timeoutMs`. */
async function waitUntil(check: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('state-start warm-up after sign-in on the simulator', () => {
  it('gives talking, busy and wrap-up agents their exact start from agentbyworkno.currentstatetime', async () => {
    const h = await startSimulatorHarness({
      supervisor: { warmupEnrichment: { maxRequestsPerSecond: 50 } },
    });
    // A second inspector asks the gateway directly, to compare with what the core shows.
    const transport = createNodeFetch({ caPem: h.sim.caPem });
    const other = h.sim.inspectors[1]!;
    const witness = new GatewayClient({
      baseUrl: h.sim.baseUrl,
      agentId: other.agentId,
      fetch: transport,
      requestTimeoutMs: 3_000,
      pollTimeoutMs: 3_000,
    });
    try {
      const signInAt = Date.now();
      await h.signIn();
      await waitUntil(
        () => !h.core.diagnostics().warmupEnrichment.running,
        10_000,
        'the warm-up to end',
      );
      expect(h.core.diagnostics().warmupEnrichment).toMatchObject({
        running: false,
        endedBy: 'done',
      });
      const snapshot = await h.core.execute('app.getSnapshot', {});
      if (!snapshot.ok) throw new Error('no snapshot');
      const wanted = snapshot.value.roster.filter(
        (row) => row.state === 'talking' || row.state === 'busy' || row.state === 'wrap-up',
      );
      expect(wanted.filter((row) => row.state === 'talking').length).toBeGreaterThan(0);
      await witness.signIn({ password: other.password, phoneNumber: other.phoneNumber });
      for (const row of wanted) {
        const detail = await witness.getAgent(row.workNo);
        expect(row, row.workNo).toMatchObject({
          stateSinceExact: true,
          stateSince: detail.currentStateSince,
        });
        // Started before we ever saw it: only the gateway could have told.
        expect(row.stateSince!).toBeLessThan(signInAt);
        if (row.state === 'talking') expect(row.call?.since).toBe(detail.currentStateSince);
      }
      // Idle and signed-out rows keep the lower bound: their first sight, after the sign-in began.
      for (const row of snapshot.value.roster.filter((candidate) => !wanted.includes(candidate))) {
        expect(row.stateSinceExact, row.workNo).toBe(false);
        expect(row.stateSince!).toBeGreaterThanOrEqual(signInAt);
      }
      // One request per agent by the core (none for idle or signed-out ones), one by the witness.
      expect(requestsOf(h, 'queryAgentInfoByWorkNo')).toBe(wanted.length * 2);
      // The screen learns it through deltas, not only through snapshots.
      const lastUpserts = new Map<string, AgentRow>();
      for (const event of h.recorder.of('roster.delta'))
        for (const row of event.payload.upserts) lastUpserts.set(row.workNo, row);
      expect(wanted.every((row) => lastUpserts.get(row.workNo)?.stateSinceExact === true)).toBe(
        true,
      );
    } finally {
      await witness.signOut().catch(() => undefined);
      await transport.close();
      await h.close();
    }
  });

  it('stops asking when the inspector signs out', async () => {
    const h = await startSimulatorHarness({
      supervisor: { warmupEnrichment: { maxRequestsPerSecond: 4 } },
    });
    try {
      await h.signIn();
      await waitUntil(
        () => requestsOf(h, 'queryAgentInfoByWorkNo') >= 1,
        5_000,
        'a first warm-up request',
      );
      expect(h.core.diagnostics().warmupEnrichment.running).toBe(true);
      expect(await h.core.execute('session.signOut', { forgetPassword: false })).toEqual({
        ok: true,
        value: null,
      });
      expect(h.core.diagnostics().warmupEnrichment).toMatchObject({
        running: false,
        endedBy: 'cancelled',
      });
      const asked = requestsOf(h, 'queryAgentInfoByWorkNo');
      await new Promise((resolve) => setTimeout(resolve, 800));
      expect(requestsOf(h, 'queryAgentInfoByWorkNo')).toBe(asked);
    } finally {
      await h.close();
    }
  });
});

describe('roster lag at 2,000 agents on loopback', () => {
  it('shows a center state change in a roster delta within the 300 ms p95 target', async () => {
    const result = await measureRosterLag({
      agents: 2_000,
      changesPerAgentPerMinute: 1,
      measureMs: 4_000,
      settleMs: 1_500,
    });
    const { report, diagnostics } = result;
    console.log(
      `[core] roster lag @2,000 agents loopback: n=${report.samples} p50=${report.p50Ms} ms p95=${report.p95Ms} ms p99=${report.p99Ms} ms max=${report.maxMs} ms; mode=${diagnostics.sync.mode}; ${result.requestsPerSecond.toFixed(1)} req/s (state-start warm-up ${diagnostics.warmupEnrichment.running ? 'running' : 'ended'}, ${diagnostics.warmupEnrichment.requests} requests)`,
    );
    expect(report.samples).toBeGreaterThan(20);
    expect(report.p95Ms).toBeLessThanOrEqual(300);
  }, 20_000);
});
