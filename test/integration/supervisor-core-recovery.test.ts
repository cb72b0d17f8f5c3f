/**
 * The supervisor core's session lifecycle against the simulator: sign-out, demo mode and
 * recovery from faults (invalidated GUIDs, a gateway restart, a black hole, OS resume).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  JOURNAL_FILE_NAME,
  parseJournalText,
} from '../../src/main/supervisor/journal/audit-journal';
import { createSupervisor } from '../../src/main/supervisor/create-supervisor';
import {
  createConsoleLogger,
  createMemoryCredentialStore,
  createMemorySettingsStore,
  createNodeTransportFactory,
  silentLogger,
} from '../../src/main/node/node-ports';
import { createDemoGateway } from '../../src/main/node/demo-gateway';
import {
  startCoreOnSimulator,
  type CoreOnSimulator,
} from '../support/core/start-core-on-simulator';
import { agentShowing, requestsOf, waitForPhase } from './supervisor-core-helpers';
import { pause } from '../support/wait-for';

describe('supervisor core sign-out and demo mode', () => {
  it('signs out: empty reset roster, signed-out state, a journal line', async () => {
    const h = await startCoreOnSimulator();
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
    const demo = createDemoGateway({ simulator: { agents: 20, pollHoldMs: 300 } });
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
  let h: CoreOnSimulator;

  beforeAll(async () => {
    // A slow state-start warm-up, still running during the faults below (it must pause).
    h = await startCoreOnSimulator({
      supervisor: { stallGraceMs: 1_000, warmupEnrichment: { maxRequestsPerSecond: 0.5 } },
      ports: process.env.CORE_DEBUG ? { logger: createConsoleLogger('debug') } : {},
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
    await pause(1_000);
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
