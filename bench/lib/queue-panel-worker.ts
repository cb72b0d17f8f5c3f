/**
 * Worker thread of figure 8: the queue panel's gateway cost with every skill of the VDN shown.
 * Ours: a signed-in core with the queue panel open (no queue expanded) — one `queryacdstat` per
 * 5 s for up to 100 skills. Baseline, same thread, identical simulator: the first edition's
 * panel, one `waitcallinfo` per skill every 5 s. Each simulator's request counter over the
 * window gives requests per second of the queue interfaces.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { createNodeFetch, GatewayClient } from '../../src/main/gateway';
import { startSimulator, type RunningSimulator } from '../../src/simulator';
import { pause } from '../../test/support/wait-for';
import { createCoreOnGateway } from '../../test/support/core/start-core-on-simulator';

export interface QueuePanelJob {
  agents: number;
  settleMs: number;
  windowMs: number;
}

export interface QueuePanelCount {
  queueRequests: number;
  seconds: number;
  byLogName: Record<string, number>;
}

export interface QueuePanelResult {
  kind: 'queue-panel-result';
  skills: number;
  ours: QueuePanelCount;
  perSkill: QueuePanelCount;
}

const QUEUE_INTERFACES = new Set(['queryStatInfoOfAcd', 'queryWaitCallInfoBySkillId']);
const OVERVIEW_MS = 5_000;

function countSince(
  sim: RunningSimulator,
  before: ReturnType<RunningSimulator['center']['stats']>,
  seconds: number,
): QueuePanelCount {
  const after = sim.center.stats();
  const byLogName: Record<string, number> = {};
  let queueRequests = 0;
  for (const [name, count] of Object.entries(after.requestsByLogName)) {
    const delta = count - (before.requestsByLogName[name] ?? 0);
    if (delta <= 0 || !QUEUE_INTERFACES.has(name)) continue;
    byLogName[name] = delta;
    queueRequests += delta;
  }
  return { queueRequests, seconds, byLogName };
}

const port = parentPort;
if (!port) throw new Error('queue-panel-worker must run in a worker thread');
const job = workerData as QueuePanelJob;
// Seed 7: a VDN with 12 skill queues.
const options = {
  protocol: 'https' as const,
  agents: job.agents,
  seed: 7,
  changesPerAgentPerMinute: 1,
};
const oursSim = await startSimulator(options);
const baseSim = await startSimulator(options);
const inspector = (sim: RunningSimulator) => {
  const account = sim.inspectors[0];
  if (!account) throw new Error('simulator has no inspector');
  return account;
};

const ours = createCoreOnGateway({
  gateway: oursSim,
  inspector: inspector(oursSim),
  supervisor: { warmupEnrichment: { windowMs: 0 } },
});
await ours.signIn({ remember: false });
const watched = await ours.core.execute('queues.watch', { skillIds: [], panelOpen: true });
if (!watched.ok) throw new Error(watched.error.message);

// The baseline panel: every skill's waiting calls every 5 s.
const transport = createNodeFetch({ caPem: baseSim.caPem });
const account = inspector(baseSim);
const client = new GatewayClient({
  baseUrl: baseSim.baseUrl,
  agentId: account.agentId,
  fetch: transport,
});
await client.signIn({ password: account.password, phoneNumber: account.phoneNumber });
const skills = await client.listSkillQueues();
let running = true;
const baseline = (async () => {
  while (running) {
    const started = Date.now();
    for (const skill of skills) await client.listWaitingCalls(skill.id).catch(() => undefined);
    await pause(Math.max(0, OVERVIEW_MS - (Date.now() - started)));
  }
})();
// The baseline session stays alive with its own polls (their requests are not counted).
const polling = (async () => {
  while (running) await client.pollEvent().catch(() => pause(500));
})();

await pause(job.settleMs);
const before = { ours: oursSim.center.stats(), base: baseSim.center.stats() };
const started = performance.now();
await pause(job.windowMs);
const seconds = (performance.now() - started) / 1000;
const result: QueuePanelResult = {
  kind: 'queue-panel-result',
  skills: skills.length,
  ours: countSince(oursSim, before.ours, seconds),
  perSkill: countSince(baseSim, before.base, seconds),
};
running = false;
await baseline;
await client.signOut().catch(() => undefined);
await Promise.race([polling, pause(12_000)]);
await transport.close();
await ours.close();
await Promise.all([oursSim.close(), baseSim.close()]);
port.postMessage(result);
