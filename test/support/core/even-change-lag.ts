/**
 * Roster lag under evenly spaced agent changes (issue 10's measurement): a 50-agent center
 * whose agents change at a steady pace (40 changes at 6.7/s by default), a gateway that answers
 * a held poll as soon as an event arrives (the simulator does), events with or without
 * `eventGenTime`. The real core is signed in over HTTPS; the probe times each change until a
 * roster.delta shows it. Also reports the sync mode and the requests per second.
 */
import type { SupervisorOptions } from '../../../src/main/supervisor/supervisor-runtime';
import { listPlainAgents } from '../simulator-agents';
import { createRosterLagProbe, type RosterLagReport } from './roster-lag-probe';
import { pause, waitFor } from '../wait-for';
import { startCoreOnSimulator } from './start-core-on-simulator';

export interface EvenChangeLagOptions {
  eventGenTime: boolean;
  changes?: number;
  intervalMs?: number;
  agents?: number;
  supervisor?: SupervisorOptions;
}

export interface EvenChangeLag {
  report: RosterLagReport;
  mode: string;
  modeSwitches: number;
  requestsPerSecond: number;
  snapshots: number;
}

export async function measureEvenChangeLag(options: EvenChangeLagOptions): Promise<EvenChangeLag> {
  const changes = options.changes ?? 40;
  const intervalMs = options.intervalMs ?? 150;
  const harness = await startCoreOnSimulator({
    simulator: {
      agents: options.agents ?? 50,
      seed: 3,
      changesPerAgentPerMinute: 0,
      pollHoldMs: 2_000,
      eventGenTime: options.eventGenTime,
    },
    supervisor: { pollHoldMs: 2_000, warmupMs: 500, ...options.supervisor },
  });
  try {
    await harness.signIn();
    // Settled: the warm-up chose its mode.
    await waitFor(() => !['warming', 'stopped'].includes(harness.core.diagnostics().sync.mode), {
      what: 'the roster sync to choose its mode',
      timeoutMs: 10_000,
    });
    await pause(500);
    const probe = createRosterLagProbe({
      core: harness.core,
      onStateChange: (listener) => harness.sim.center.onStateChange(listener),
    });
    const pool = listPlainAgents(harness.sim).filter((agent) => agent.status !== '2');
    const before = harness.sim.center.stats().requests;
    const startedAt = Date.now();
    for (let i = 0; i < changes; i++) {
      const agent = pool[i % pool.length]!;
      const current = harness.sim.center.listAgents().find((row) => row.workNo === agent.workNo);
      harness.sim.center.setAgentStatus(agent.workNo, current?.status === '3' ? '8' : '3');
      await pause(intervalMs);
    }
    await probe.waitForSamples(changes, 5_000);
    const elapsed = Date.now() - startedAt;
    probe.stop();
    const sync = harness.core.diagnostics().sync;
    return {
      report: probe.report(),
      mode: sync.mode,
      modeSwitches: sync.modeSwitches,
      snapshots: sync.snapshots,
      requestsPerSecond: ((harness.sim.center.stats().requests - before) * 1000) / elapsed,
    };
  } finally {
    await harness.close();
  }
}
