/**
 * Figure 1 — gateway client overhead. Our GatewayClient (on its Node/undici transport) against
 * a bare undici request of the same method, URL and headers (same session, same simulator,
 * same loopback), in interleaved rounds whose order alternates. Two workloads: QC action round
 * trips (listen + cancel pairs) and event polls that each carry one QC_AgentState_Notify.
 * The figure is the median over rounds of median(ours) ÷ median(bare). Row 1c repeats the
 * polls with 1 ms added to every answer, for context: the overhead is a constant few µs.
 */
import { CCGW_STATUS } from '../../src/shared/gateway-status-codes';
import { INTERFACES } from '../../src/shared/gateway-paths';
import { GatewayClient, createNodeFetch, type GatewayFetch } from '../../src/main/gateway';
import { startSimulator } from '../../src/simulator';
import { createBareRequester, type BareResponse } from '../lib/bare-request';
import type { BenchContext, Figure } from '../lib/bench-context';
import type { FigureRow } from '../lib/report';
import { median, round } from '../lib/stats';

interface Workload {
  label: string;
  /** One timed operation of ours (everything outside the returned promise is set-up). */
  ours(): Promise<void>;
  bare(): Promise<void>;
  /** Untimed set-up before each operation (e.g. queue the event the next poll returns). */
  prepare(): void;
}

interface WorkloadResult {
  roundRatios: number[];
  oursMedianMs: number;
  bareMedianMs: number;
  samples: number;
}

const ROUNDS = { quick: 6, full: 24 };
const PER_ROUND = { quick: 60, full: 150 };
const WARMUP_OPERATIONS = 1_000;

function expectSuccess(response: BareResponse, what: string): void {
  if (response.status !== 200 || !response.text.includes('"retcode":"0"')) {
    throw new Error(`bare ${what} failed: HTTP ${response.status} ${response.text.slice(0, 120)}`);
  }
}

async function timeBatch(run: () => Promise<void>, prepare: () => void, count: number, into: number[]): Promise<void> {
  for (let index = 0; index < count; index++) {
    prepare();
    const started = performance.now();
    await run();
    into.push(performance.now() - started);
  }
}

async function measureWorkload(workload: Workload, rounds: number, perRound: number): Promise<WorkloadResult> {
  for (let index = 0; index < WARMUP_OPERATIONS / 2; index++) {
    workload.prepare();
    await workload.ours();
    workload.prepare();
    await workload.bare();
  }
  const roundRatios: number[] = [];
  const allOurs: number[] = [];
  const allBare: number[] = [];
  for (let roundIndex = 0; roundIndex < rounds; roundIndex++) {
    const ours: number[] = [];
    const bare: number[] = [];
    // Alternate who goes first so drift (GC, CPU frequency, neighbours) hits both alike.
    if (roundIndex % 2 === 0) {
      await timeBatch(workload.ours, workload.prepare, perRound, ours);
      await timeBatch(workload.bare, workload.prepare, perRound, bare);
    } else {
      await timeBatch(workload.bare, workload.prepare, perRound, bare);
      await timeBatch(workload.ours, workload.prepare, perRound, ours);
    }
    roundRatios.push(median(ours) / median(bare));
    allOurs.push(...ours);
    allBare.push(...bare);
  }
  return { roundRatios, oursMedianMs: median(allOurs), bareMedianMs: median(allBare), samples: allOurs.length };
}

async function runClientOverhead(context: BenchContext): Promise<FigureRow[]> {
  // Plain HTTP: TLS would add the same cost to both sides and hide the client's own share.
  // AUTHMODE 1 keeps one GUID, so the bare side can reuse the session's headers throughout.
  const sim = await startSimulator({ protocol: 'http', agents: 40, seed: 11, changesPerAgentPerMinute: 0, authMode: 1, pollHoldMs: 2_000 });
  const transport = createNodeFetch();
  const bare = createBareRequester();
  try {
    const inspector = sim.inspectors[0];
    const [listenTarget, eventSource] = sim.agents;
    if (!inspector || !listenTarget || !eventSource) throw new Error('simulator has too few accounts');
    let sessionHeaders: Record<string, string> | null = null;
    // Capture the headers the client sends (Guid, Cookie) so the bare side sends the same.
    const capturing: GatewayFetch = (url, init) => {
      sessionHeaders = init.headers;
      return transport(url, init);
    };
    const client = new GatewayClient({ baseUrl: sim.baseUrl, agentId: inspector.agentId, fetch: capturing });
    await client.signIn({ password: inspector.password, phoneNumber: inspector.phoneNumber });
    await client.beginMonitor([eventSource.agentId]);
    const headers: Record<string, string> = { ...(sessionHeaders ?? {}) };
    if (!headers.Guid) throw new Error('no Guid header captured');
    // Ours keeps running on the capturing wrapper (one assignment per call; nanoseconds).
    const base = client.baseUrl;
    const listenUrl = base + INTERFACES.listen.path.replace('{agentid}', inspector.agentId).replace('{workNo}', listenTarget.agentId);
    const cancelUrl = base + INTERFACES.cancel.path.replace('{agentid}', inspector.agentId).replace('{workNo}', listenTarget.agentId);
    const pollUrl = base + INTERFACES.pollEvent.path.replace('{agentid}', inspector.agentId);
    const bareListen = bare.prepare('PUT', listenUrl, headers);
    const bareCancel = bare.prepare('DELETE', cancelUrl, headers);
    const barePoll = bare.prepare('GET', pollUrl, headers);

    let toggle = false;
    const queueOneEvent = (): void => {
      toggle = !toggle;
      sim.center.setAgentStatus(eventSource.agentId, toggle ? CCGW_STATUS.busy : CCGW_STATUS.idle);
    };
    const drainQueue = async (): Promise<void> => {
      // The QC pairs queue the inspector's own events; the poll workload starts from an empty queue.
      for (let stats = sim.center.stats(); stats.eventsQueued - stats.eventsDropped > stats.eventsDelivered; stats = sim.center.stats()) {
        await client.pollEvent();
      }
    };
    const qcPairs: Workload = {
      label: 'listen+cancel',
      prepare: () => undefined,
      ours: async () => {
        await client.listen(listenTarget.agentId);
        await client.cancel(listenTarget.agentId);
      },
      bare: async () => {
        expectSuccess(await bareListen(), 'listen');
        expectSuccess(await bareCancel(), 'cancel');
      },
    };
    const polls: Workload = {
      label: 'event poll',
      prepare: queueOneEvent,
      ours: async () => {
        if ((await client.pollEvent()) === null) throw new Error('poll returned no event');
      },
      bare: async () => {
        const response = await barePoll();
        expectSuccess(response, 'poll');
        if (!response.text.includes('"event"')) throw new Error('bare poll returned no event');
      },
    };

    const rounds = context.quick ? ROUNDS.quick : ROUNDS.full;
    const perRound = context.quick ? PER_ROUND.quick : PER_ROUND.full;
    context.log(`client overhead: ${rounds} rounds × ${perRound} listen+cancel pairs`);
    const qc = await measureWorkload(qcPairs, rounds, perRound);
    await drainQueue();
    context.log(`client overhead: ${rounds} rounds × ${perRound} event polls`);
    const poll = await measureWorkload(polls, rounds, perRound);
    // Context: the same polls with 1 ms added before each answer (a LAN round trip).
    sim.faults.set({ latencyMs: 1 });
    context.log(`client overhead: ${rounds} rounds × ${perRound / 2} event polls at 1 ms round trip`);
    const lanPoll = await measureWorkload(polls, rounds, perRound / 2);
    sim.faults.clear();
    await client.signOut();

    const describe = (result: WorkloadResult): Record<string, unknown> => ({
      oursMedianMs: round(result.oursMedianMs, 4),
      bareMedianMs: round(result.bareMedianMs, 4),
      roundRatioMedian: round(median(result.roundRatios), 4),
      roundRatioMin: round(Math.min(...result.roundRatios), 4),
      roundRatioMax: round(Math.max(...result.roundRatios), 4),
      samples: result.samples,
    });
    const row = (id: string, label: string, result: WorkloadResult): FigureRow => ({
      id,
      figure: `Client overhead vs bare request: ${label} (median ratio)`,
      unit: 'ms',
      // The figure is the median of per-round ratios; ours/baseline are the overall medians.
      ours: result.oursMedianMs,
      baseline: result.bareMedianMs,
      ratio: median(result.roundRatios),
      baselineLabel: 'bare undici request',
      target: 1.15,
      targetOn: 'ratio',
      details: describe(result),
      note: `ratio = median of ${result.roundRatios.length} per-round ratios (range ${round(Math.min(...result.roundRatios), 3)}–${round(Math.max(...result.roundRatios), 3)})`,
    });
    return [
      row('1a', 'QC listen+cancel round trip', qc),
      row('1b', 'event poll with one event', poll),
      row('1c', 'event poll, 1 ms added round trip (context)', lanPoll),
    ];
  } finally {
    await transport.close();
    await bare.close();
    await sim.close();
  }
}

export const clientOverheadFigure: Figure = { name: 'client-overhead', run: runClientOverhead };
