/**
 * Measures roster lag — an agent's state change in the (simulated) center until a
 * `roster.delta` carrying that agent in the new state is emitted — for tests and benchmarks.
 * Rows carry workNo + state, which is all the correlation needs.
 */
import type { AgentState } from '../../../src/shared/domain';
import { mapAgentStatus } from '../../../src/main/supervisor/roster/agent-state-mapping';
import { percentile } from '../../../src/main/supervisor/roster/event-flow-meter';
import type { SupervisorCore } from '../../../src/main/supervisor/supervisor-api';

export interface CenterStateChange {
  workNo: string;
  /** CC-Gateway status code. */
  status: string;
  at: number;
}

export interface RosterLagReport {
  samples: number;
  /** Changes overtaken by a newer change of the same agent before a delta showed them. */
  superseded: number;
  /** Changes still waiting for a delta. */
  pending: number;
  p50Ms: number | null;
  p95Ms: number | null;
  p99Ms: number | null;
  maxMs: number | null;
  meanMs: number | null;
}

export interface RosterLagProbe {
  report(): RosterLagReport;
  /** Resolves when `count` samples were taken (or after `timeoutMs`). */
  waitForSamples(count: number, timeoutMs: number): Promise<void>;
  stop(): void;
}

export interface RosterLagProbeOptions {
  core: Pick<SupervisorCore, 'subscribe'>;
  /** Subscribe to the center's state changes (e.g. `sim.center.onStateChange`). */
  onStateChange(listener: (change: CenterStateChange) => void): () => void;
  now?: () => number;
  /** When the change happened; default: when the listener heard of it (same process). */
  timeOf?(change: CenterStateChange): number;
}

/** Start measuring; call `report()` at any time and `stop()` at the end. */
export function createRosterLagProbe(options: RosterLagProbeOptions): RosterLagProbe {
  const now = options.now ?? Date.now;
  const pending = new Map<string, { at: number; expected: ReadonlySet<AgentState> }>();
  const samples: number[] = [];
  let superseded = 0;
  let waiters: Array<{ count: number; resolve: () => void }> = [];

  const stopCenter = options.onStateChange((change) => {
    const state = mapAgentStatus(change.status, null);
    const expected = new Set<AgentState>(state === 'talking' ? ['talking', 'ringing'] : [state]);
    if (pending.has(change.workNo)) superseded++;
    pending.set(change.workNo, { at: options.timeOf ? options.timeOf(change) : now(), expected });
  });
  const stopCore = options.core.subscribe((name, payload) => {
    if (name !== 'roster.delta') return;
    const delta = payload as { upserts: Array<{ workNo: string; state: AgentState }> };
    const at = now();
    for (const row of delta.upserts) {
      const waiting = pending.get(row.workNo);
      if (!waiting || !waiting.expected.has(row.state)) continue;
      pending.delete(row.workNo);
      samples.push(Math.max(0, at - waiting.at));
    }
    waiters = waiters.filter((waiter) => {
      if (samples.length < waiter.count) return true;
      waiter.resolve();
      return false;
    });
  });

  return {
    report() {
      const mean =
        samples.length === 0
          ? null
          : samples.reduce((sum, value) => sum + value, 0) / samples.length;
      const pick = (fraction: number): number | null =>
        samples.length === 0 ? null : percentile(samples, fraction);
      return {
        samples: samples.length,
        superseded,
        pending: pending.size,
        p50Ms: pick(0.5),
        p95Ms: pick(0.95),
        p99Ms: pick(0.99),
        maxMs: samples.length === 0 ? null : Math.max(...samples),
        meanMs: mean,
      };
    },
    waitForSamples(count, timeoutMs) {
      if (samples.length >= count) return Promise.resolve();
      return new Promise((resolve) => {
        const timer = setTimeout(resolve, timeoutMs);
        waiters.push({
          count,
          resolve: () => {
            clearTimeout(timer);
            resolve();
          },
        });
      });
    },
    stop() {
      stopCenter();
      stopCore();
      for (const waiter of waiters) waiter.resolve();
      waiters = [];
    },
  };
}
