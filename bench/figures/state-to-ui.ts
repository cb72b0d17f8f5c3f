/**
 * Figure 2 — agent state change → renderer-side UI model. The real core, signed in to the
 * simulator over HTTPS, emits `roster.delta`; a worker thread standing in for the renderer
 * receives each delta by structured clone and applies it with the renderer store's own code.
 * Latency runs from the simulator's state change (the `center.onStateChange` callback, same
 * process) to the delta applied in the worker (one monotonic clock for both threads).
 * Baseline, against the same simulator in the same run: the naive demo-style client.
 */
import { startCoreOnSimulator } from '../../test/support/core/start-core-on-simulator';
import type { BenchContext, Figure } from '../lib/bench-context';
import { pause } from '../../test/support/wait-for';
import { LatencyTracker, type LatencyReport } from '../lib/latency-tracker';
import { startNaiveClient } from '../lib/naive-client';
import { startRendererStoreThread } from '../lib/renderer-store-thread';
import type { FigureRow } from '../lib/report';
import { monotonicMs, round } from '../lib/stats';

interface Scenario {
  id: string;
  agents: number;
  latencyMs: number;
  targetMs: number;
  label: string;
}

const SCENARIOS: readonly Scenario[] = [
  { id: '2a', agents: 2_000, latencyMs: 0, targetMs: 100, label: '2,000 agents, loopback' },
  {
    id: '2b',
    agents: 10_000,
    latencyMs: 50,
    targetMs: 300,
    label: '10,000 agents, 50 ms round trip',
  },
];
/** After sign-in: the core measures for ~1 s, picks its sync mode, then settles. */
const SETTLE_MS = { quick: 2_000, full: 5_000 };
// Quick: 20 s — with 5 s (~170 changes at 2,000 agents) one late batch decided the p95.
const WINDOW_MS = { quick: 20_000, full: 40_000 };
/** Changes at the end of the window get this long to show up before they count as unseen. */
const GRACE_MS = { quick: 2_000, full: 3_000 };

function describeLatency(report: LatencyReport): Record<string, unknown> {
  return {
    samples: report.count,
    p50Ms: round(report.p50, 1),
    p95Ms: round(report.p95, 1),
    p99Ms: round(report.p99, 1),
    maxMs: round(report.max, 1),
    changesInWindow: report.changesInWindow,
    superseded: report.superseded,
    unseen: report.unseen,
    shownOnlyP50Ms: round(report.shownOnly.p50, 1),
    shownOnlyP95Ms: round(report.shownOnly.p95, 1),
  };
}

/** The gateway interface of a request URL, e.g. `agentevent` or `allagentstatus`. */
function interfaceOf(url: string): string {
  const path = url.split('/agentgateway/resource/')[1]?.split('?')[0] ?? url;
  const parts = path.split('/').filter((part) => part !== '' && !/^\d+$/.test(part));
  return parts.join('/') || path;
}

async function runScenario(scenario: Scenario, context: BenchContext): Promise<FigureRow> {
  // The core's own requests (the naive client shares the simulator): counted at its transport.
  let counting = false;
  const requests = new Map<string, number>();
  const harness = await startCoreOnSimulator({
    wrapFetch: (inner) => (url, init) => {
      if (counting) {
        const name = interfaceOf(url);
        requests.set(name, (requests.get(name) ?? 0) + 1);
      }
      return inner(url, init);
    },
    simulator: {
      protocol: 'https',
      agents: scenario.agents,
      seed: 5,
      changesPerAgentPerMinute: 1,
      pollHoldMs: 10_000,
    },
    // Production defaults, except the harness's short warm-up.
    supervisor: { warmupMs: 1_000 },
  });
  const ours = new LatencyTracker();
  const naive = new LatencyTracker();
  const stopCenter = harness.sim.center.onStateChange((change) => {
    const at = monotonicMs();
    ours.noteChange(change.workNo, change.status, at);
    naive.noteChange(change.workNo, change.status, at);
  });
  const store = await startRendererStoreThread((applied) => {
    for (const row of applied.rows)
      ours.noteShown(row.workNo, row.state, applied.emittedAt, applied.appliedAt);
  });
  const stopForwarding = harness.core.subscribe((name, payload) => {
    if (name === 'roster.delta') store.send(payload as Parameters<typeof store.send>[0]);
  });
  const naiveAccount = harness.sim.inspectors[1];
  let naiveClient: Awaited<ReturnType<typeof startNaiveClient>> | null = null;
  try {
    if (!naiveAccount) throw new Error('the simulator needs a second inspector account');
    const snapshot = await harness.core.execute('app.getSnapshot', {});
    if (!snapshot.ok) throw new Error(`getSnapshot failed: ${snapshot.error.message}`);
    store.load(snapshot.value.roster, snapshot.value.rosterVersion);
    harness.sim.faults.set({ latencyMs: scenario.latencyMs });
    context.log(`state→UI ${scenario.label}: signing in`);
    await harness.signIn();
    naiveClient = await startNaiveClient({
      baseUrl: harness.sim.baseUrl,
      caPem: harness.sim.caPem,
      account: naiveAccount,
      onShown: (workNo, state, at) => naive.noteShown(workNo, state, at, at),
    });
    await pause(context.quick ? SETTLE_MS.quick : SETTLE_MS.full);
    const windowMs = context.quick ? WINDOW_MS.quick : WINDOW_MS.full;
    context.log(
      `state→UI ${scenario.label}: measuring ${windowMs / 1000} s (sync mode ${harness.core.diagnostics().sync.mode})`,
    );
    const opened = monotonicMs();
    ours.openWindow(opened);
    naive.openWindow(opened);
    counting = true;
    await pause(windowMs);
    counting = false;
    const closed = monotonicMs();
    ours.closeWindow(closed);
    naive.closeWindow(closed);
    const requestCount = [...requests.values()].reduce((sum, count) => sum + count, 0);
    const requestsPerSecond = requestCount / ((closed - opened) / 1000);
    await pause(context.quick ? GRACE_MS.quick : GRACE_MS.full);
    const diagnostics = harness.core.diagnostics();
    const oursReport = ours.report();
    const naiveReport = naive.report();
    return {
      id: scenario.id,
      figure: `State change → renderer store p95, ${scenario.label}`,
      unit: 'ms',
      ours: oursReport.p95,
      baseline: naiveReport.p95,
      baselineLabel: 'naive demo-style poller',
      target: scenario.targetMs,
      targetOn: 'ours',
      details: {
        windowSeconds: windowMs / 1000,
        ours: describeLatency(oursReport),
        naive: { ...describeLatency(naiveReport), eventsApplied: naiveClient.eventsApplied },
        syncMode: diagnostics.sync.mode,
        modeSwitches: diagnostics.sync.modeSwitches,
        snapshots: diagnostics.sync.snapshots,
        roundTripMs: diagnostics.sync.roundTripMs,
        changesPerSecond: diagnostics.sync.changesPerSecond,
        deltasEmitted: diagnostics.deltasEmitted,
        storeGaps: store.gaps,
        requestsPerSecond: round(requestsPerSecond, 2),
        requestsByInterface: Object.fromEntries(requests),
      },
      note:
        `ours p50 ${round(oursReport.p50, 0)} / p95 ${round(oursReport.p95, 0)} / max ${round(oursReport.max, 0)} ms over ${oursReport.count} changes (${diagnostics.sync.mode} mode, ${oursReport.unseen} unseen), ${round(requestsPerSecond, 1)} gateway requests/s (${[...requests].map(([name, count]) => `${name} ${count}`).join(', ')}); ` +
        `naive: ${naiveReport.unseen} of ${naiveReport.changesInWindow} changes never shown` +
        (naiveReport.shownOnly.count > 0
          ? `, the ${naiveReport.shownOnly.count} shown took p50 ${round(naiveReport.shownOnly.p50, 0)} ms`
          : ', none shown within the run'),
    };
  } finally {
    stopCenter();
    stopForwarding();
    await naiveClient?.stop();
    await store.stop();
    harness.sim.faults.clear();
    await harness.close();
  }
}

async function runStateToUi(context: BenchContext): Promise<FigureRow[]> {
  const rows: FigureRow[] = [];
  for (const scenario of SCENARIOS) rows.push(await runScenario(scenario, context));
  return rows;
}

export const stateToUiFigure: Figure = { name: 'state-to-ui', run: runStateToUi };
