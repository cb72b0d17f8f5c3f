/**
 * Roster lag measured end to end: a simulator with `agents` agents changing at the given rate
 * (optionally with added latency per request), a real core signed in over HTTPS, and the probe
 * timing each center state change until a roster.delta shows it. Reused by the integration
 * test (2,000 agents, loopback) and the benchmarks (10,000 agents, 50 ms).
 */
import type {
  SupervisorDiagnostics,
  SupervisorOptions,
} from '../../../src/main/supervisor/supervisor-runtime';
import { createRosterLagProbe, type RosterLagReport } from './roster-lag-probe';
import { startCoreOnSimulator } from './start-core-on-simulator';
import { pause } from '../wait-for';

export interface RosterLagMeasurementOptions {
  agents: number;
  changesPerAgentPerMinute: number;
  /** Added to every simulator answer (simulated round trip). */
  latencyMs?: number;
  /** Time to let the core settle (load, warm-up, mode choice) before measuring. */
  settleMs?: number;
  measureMs: number;
  pollHoldMs?: number;
  supervisor?: SupervisorOptions;
  seed?: number;
}

export interface RosterLagMeasurement {
  report: RosterLagReport;
  diagnostics: SupervisorDiagnostics;
  /** Gateway requests per second during the measuring window. */
  requestsPerSecond: number;
  eventsDropped: number;
}

/** Run one measurement and release everything afterwards. */
export async function measureRosterLag(
  options: RosterLagMeasurementOptions,
): Promise<RosterLagMeasurement> {
  const pollHoldMs = options.pollHoldMs ?? 2_000;
  const harness = await startCoreOnSimulator({
    simulator: {
      agents: options.agents,
      changesPerAgentPerMinute: options.changesPerAgentPerMinute,
      seed: options.seed ?? 11,
      pollHoldMs,
      faults: options.latencyMs ? { latencyMs: options.latencyMs } : undefined,
    },
    supervisor: { pollHoldMs, warmupMs: 1_000, ...options.supervisor },
  });
  try {
    await harness.signIn();
    await pause(options.settleMs ?? 2_000);
    const probe = createRosterLagProbe({
      core: harness.core,
      onStateChange: (listener) => harness.sim.center.onStateChange(listener),
    });
    const requestsBefore = harness.sim.center.stats().requests;
    await pause(options.measureMs);
    const stats = harness.sim.center.stats();
    probe.stop();
    return {
      report: probe.report(),
      diagnostics: harness.core.diagnostics(),
      requestsPerSecond: ((stats.requests - requestsBefore) * 1000) / options.measureMs,
      eventsDropped: stats.eventsDropped,
    };
  } finally {
    await harness.close();
  }
}
