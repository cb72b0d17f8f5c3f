/**
 * Worker thread of figure 5: three quiet simulated centers of the same size — an idle
 * signed-in core in steady state (the bounded post-sign-in warm-up switched off, as it is once
 * its window has passed), an idle core just signed in (warm-up included, as shipped), and the
 * naive demo-style client; after they settle, each simulator's request counter over the window
 * gives requests per second. It runs in its own thread because it only waits: the other
 * figures run meanwhile.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { startSimulator, type RunningSimulator } from '../../src/simulator';
import { pause } from '../../test/support/wait-for';
import { createCoreOnGateway } from '../../test/support/core/start-core-on-simulator';
import { startNaiveClient } from './naive-client';

export interface LoadJob {
  agents: number;
  settleMs: number;
  windowMs: number;
}

export interface LoadCount {
  requests: number;
  seconds: number;
  byLogName: Record<string, number>;
}

export interface LoadResult {
  kind: 'load-result';
  /** Steady state: the warm-up over. */
  ours: LoadCount;
  /** The first window after sign-in, warm-up included. */
  afterSignIn: LoadCount;
  naive: LoadCount;
  syncMode: string;
  warmupRequests: number;
}

function countSince(
  sim: RunningSimulator,
  before: ReturnType<RunningSimulator['center']['stats']>,
  seconds: number,
): LoadCount {
  const after = sim.center.stats();
  const byLogName: Record<string, number> = {};
  for (const [name, count] of Object.entries(after.requestsByLogName)) {
    const delta = count - (before.requestsByLogName[name] ?? 0);
    if (delta > 0) byLogName[name] = delta;
  }
  return { requests: after.requests - before.requests, seconds, byLogName };
}

const port = parentPort;
if (!port) throw new Error('gateway-load-worker must run in a worker thread');
const job = workerData as LoadJob;
// A quiet center: "idle" means nobody acts and no agent changes state — the inspector's own cost.
const options = {
  protocol: 'https' as const,
  agents: job.agents,
  seed: 21,
  changesPerAgentPerMinute: 0,
};
const oursSim = await startSimulator(options);
const freshSim = await startSimulator(options);
const naiveSim = await startSimulator(options);
const account = (sim: RunningSimulator) => {
  const inspector = sim.inspectors[0];
  if (!inspector) throw new Error('simulator has no inspector');
  return inspector;
};
const steady = createCoreOnGateway({
  gateway: oursSim,
  inspector: account(oursSim),
  supervisor: { warmupEnrichment: { windowMs: 0 } },
});
const fresh = createCoreOnGateway({
  gateway: freshSim,
  inspector: account(freshSim),
});
await Promise.all([steady.signIn({ remember: false }), fresh.signIn({ remember: false })]);
const naive = await startNaiveClient({
  baseUrl: naiveSim.baseUrl,
  caPem: naiveSim.caPem,
  account: account(naiveSim),
});
await pause(job.settleMs);
const before = {
  ours: oursSim.center.stats(),
  fresh: freshSim.center.stats(),
  naive: naiveSim.center.stats(),
};
const started = performance.now();
await pause(job.windowMs);
const seconds = (performance.now() - started) / 1000;
const result: LoadResult = {
  kind: 'load-result',
  ours: countSince(oursSim, before.ours, seconds),
  afterSignIn: countSince(freshSim, before.fresh, seconds),
  naive: countSince(naiveSim, before.naive, seconds),
  syncMode: steady.core.diagnostics().sync.mode,
  warmupRequests: fresh.core.diagnostics().warmupEnrichment.requests,
};
await naive.stop();
await Promise.all([steady.close(), fresh.close()]);
await Promise.all([oursSim.close(), freshSim.close(), naiveSim.close()]);
port.postMessage(result);
