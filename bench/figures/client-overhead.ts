/**
 * Figure 1 — gateway client overhead. Our GatewayClient (on its Node/undici transport) against
 * two bare baselines of the same method, URL and headers (same session, same simulator, same
 * loopback), in interleaved rounds whose order rotates: a bare WHATWG `fetch` — the product
 * target's baseline ("vs a bare fetch of the same request"), judged — and a bare undici
 * dispatcher `request`, the leanest request Node can make (stricter; context, no verdict).
 * Two workloads: QC action round trips (listen + cancel pairs) and event polls that each carry
 * one QC_AgentState_Notify. Each figure is the median over rounds of median(ours) ÷
 * median(baseline). Row 1c repeats the polls with 1 ms added to every answer, for context:
 * the overhead is a constant few µs.
 */
import { CCGW_STATUS } from '../../src/shared/gateway-protocol/gateway-status-codes';
import { INTERFACES } from '../../src/shared/gateway-protocol/gateway-paths';
import { GatewayClient, createNodeFetch, wrapGatewayFetch } from '../../src/main/gateway';
import { startSimulator } from '../../src/simulator';
import { createBareFetcher, createBareRequester, type BareResponse } from '../lib/bare-request';
import type { BenchContext, Figure } from '../lib/bench-context';
import type { FigureRow } from '../lib/report';
import { median, round } from '../lib/stats';

/** The baselines, in the order of the rows: the target's (judged) first. */
const BASELINES = ['fetch', 'request'] as const;
type Baseline = (typeof BASELINES)[number];

interface Workload {
  label: string;
  /** One timed operation of ours (everything outside the returned promise is set-up). */
  ours(): Promise<void>;
  bare: Record<Baseline, () => Promise<void>>;
  /** Untimed set-up before each operation (e.g. queue the event the next poll returns). */
  prepare(): void;
}

interface Comparison {
  roundRatios: number[];
  bareMedianMs: number;
}

interface WorkloadResult {
  oursMedianMs: number;
  against: Record<Baseline, Comparison>;
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

async function timeBatch(
  run: () => Promise<void>,
  prepare: () => void,
  count: number,
  into: number[],
): Promise<void> {
  for (let index = 0; index < count; index++) {
    prepare();
    const started = performance.now();
    await run();
    into.push(performance.now() - started);
  }
}

/** Every order of ours and the baselines, cycled through by the rounds. */
const ORDERS: ReadonlyArray<ReadonlyArray<'ours' | Baseline>> = [
  ['ours', 'fetch', 'request'],
  ['request', 'ours', 'fetch'],
  ['fetch', 'request', 'ours'],
  ['request', 'fetch', 'ours'],
  ['ours', 'request', 'fetch'],
  ['fetch', 'ours', 'request'],
];

async function measureWorkload(
  workload: Workload,
  rounds: number,
  perRound: number,
): Promise<WorkloadResult> {
  const runners: Record<'ours' | Baseline, () => Promise<void>> = {
    ours: workload.ours,
    ...workload.bare,
  };
  for (let index = 0; index < WARMUP_OPERATIONS / 3; index++) {
    for (const name of ORDERS[0] ?? []) {
      workload.prepare();
      await runners[name]();
    }
  }
  const all: Record<'ours' | Baseline, number[]> = { ours: [], fetch: [], request: [] };
  const ratios: Record<Baseline, number[]> = { fetch: [], request: [] };
  for (let roundIndex = 0; roundIndex < rounds; roundIndex++) {
    const times: Record<'ours' | Baseline, number[]> = { ours: [], fetch: [], request: [] };
    // Rotate who goes first so drift (GC, CPU frequency, neighbours) hits all alike.
    for (const name of ORDERS[roundIndex % ORDERS.length] ?? [])
      await timeBatch(runners[name], workload.prepare, perRound, times[name]);
    for (const baseline of BASELINES)
      ratios[baseline].push(median(times.ours) / median(times[baseline]));
    for (const name of ['ours', ...BASELINES] as const) all[name].push(...times[name]);
  }
  const compare = (baseline: Baseline): Comparison => ({
    roundRatios: ratios[baseline],
    bareMedianMs: median(all[baseline]),
  });
  return {
    oursMedianMs: median(all.ours),
    against: { fetch: compare('fetch'), request: compare('request') },
    samples: all.ours.length,
  };
}

async function runClientOverhead(context: BenchContext): Promise<FigureRow[]> {
  // Plain HTTP: TLS would add the same cost to both sides and hide the client's own share.
  // AUTHMODE 1 keeps one GUID, so the bare side can reuse the session's headers throughout.
  const sim = await startSimulator({
    protocol: 'http',
    agents: 40,
    seed: 11,
    changesPerAgentPerMinute: 0,
    authMode: 1,
    pollHoldMs: 2_000,
  });
  const transport = createNodeFetch();
  const bare = createBareRequester();
  const bareFetch = createBareFetcher();
  try {
    const inspector = sim.inspectors[0];
    const [listenTarget, eventSource] = sim.agents;
    if (!inspector || !listenTarget || !eventSource)
      throw new Error('simulator has too few accounts');
    let sessionHeaders: Record<string, string> | null = null;
    // Capture the headers the client sends (Guid, Cookie) so the bare side sends the same.
    const capturing = wrapGatewayFetch(transport, (url, init) => {
      sessionHeaders = init.headers;
      return transport(url, init);
    });
    const client = new GatewayClient({
      baseUrl: sim.baseUrl,
      agentId: inspector.agentId,
      fetch: capturing,
    });
    await client.signIn({ password: inspector.password, phoneNumber: inspector.phoneNumber });
    await client.beginMonitor([eventSource.agentId]);
    const headers: Record<string, string> = { ...(sessionHeaders ?? {}) };
    if (!headers.Guid) throw new Error('no Guid header captured');
    // Ours keeps running on the capturing wrapper (one assignment per call; nanoseconds).
    const base = client.baseUrl;
    const listenUrl =
      base +
      INTERFACES.listen.path
        .replace('{agentid}', inspector.agentId)
        .replace('{workNo}', listenTarget.agentId);
    const cancelUrl =
      base +
      INTERFACES.cancel.path
        .replace('{agentid}', inspector.agentId)
        .replace('{workNo}', listenTarget.agentId);
    const pollUrl = base + INTERFACES.pollEvent.path.replace('{agentid}', inspector.agentId);
    const bareSides = { request: bare, fetch: bareFetch };
    const prepared = (baseline: Baseline) => ({
      listen: bareSides[baseline].prepare('PUT', listenUrl, headers),
      cancel: bareSides[baseline].prepare('DELETE', cancelUrl, headers),
      poll: bareSides[baseline].prepare('GET', pollUrl, headers),
    });
    const bareCalls = { fetch: prepared('fetch'), request: prepared('request') };

    let toggle = false;
    const queueOneEvent = (): void => {
      toggle = !toggle;
      sim.center.setAgentStatus(eventSource.agentId, toggle ? CCGW_STATUS.busy : CCGW_STATUS.idle);
    };
    const drainQueue = async (): Promise<void> => {
      // The QC pairs queue the inspector's own events; the poll workload starts from an empty queue.
      for (
        let stats = sim.center.stats();
        stats.eventsQueued - stats.eventsDropped > stats.eventsDelivered;
        stats = sim.center.stats()
      ) {
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
      bare: {
        fetch: () => bareQcPair(bareCalls.fetch),
        request: () => bareQcPair(bareCalls.request),
      },
    };
    const polls: Workload = {
      label: 'event poll',
      prepare: queueOneEvent,
      ours: async () => {
        if ((await client.pollEvent()) === null) throw new Error('poll returned no event');
      },
      bare: {
        fetch: () => barePollWithEvent(bareCalls.fetch),
        request: () => barePollWithEvent(bareCalls.request),
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
    context.log(
      `client overhead: ${rounds} rounds × ${perRound / 2} event polls at 1 ms round trip`,
    );
    const lanPoll = await measureWorkload(polls, rounds, perRound / 2);
    sim.faults.clear();
    await client.signOut();

    return [
      ...rowsOf('1a', 'QC listen+cancel round trip', qc),
      ...rowsOf('1b', 'event poll with one event', poll),
      ...rowsOf('1c', 'event poll, 1 ms added round trip (context)', lanPoll),
    ];
  } finally {
    await transport.close();
    await bare.close();
    await sim.close();
  }
}

async function bareQcPair(calls: {
  listen: () => Promise<BareResponse>;
  cancel: () => Promise<BareResponse>;
}): Promise<void> {
  expectSuccess(await calls.listen(), 'listen');
  expectSuccess(await calls.cancel(), 'cancel');
}

async function barePollWithEvent(calls: { poll: () => Promise<BareResponse> }): Promise<void> {
  const response = await calls.poll();
  expectSuccess(response, 'poll');
  if (!response.text.includes('"event"')) throw new Error('bare poll returned no event');
}

const BASELINE_LABELS: Record<Baseline, string> = {
  fetch: 'bare fetch',
  request: 'bare undici request',
};

/**
 * Two rows per workload: vs bare fetch (`1a`, the target's comparison, judged) and vs bare
 * undici request (`1a.u`, stricter, context without a verdict). The figure is the median of
 * per-round ratios; ours and the baseline are the overall medians.
 */
function rowsOf(id: string, label: string, result: WorkloadResult): FigureRow[] {
  return BASELINES.map((baseline) => {
    const { roundRatios, bareMedianMs } = result.against[baseline];
    const low = Math.min(...roundRatios);
    const high = Math.max(...roundRatios);
    const judged = baseline === 'fetch';
    return {
      id: judged ? id : `${id}.u`,
      figure: `Client overhead vs ${BASELINE_LABELS[baseline]}: ${label} (median ratio)`,
      unit: 'ms',
      ours: result.oursMedianMs,
      baseline: bareMedianMs,
      ratio: median(roundRatios),
      baselineLabel: BASELINE_LABELS[baseline],
      target: 1.15,
      targetOn: 'ratio',
      ...(judged ? {} : { context: 'stricter than the target: the leanest request Node can make' }),
      details: {
        oursMedianMs: round(result.oursMedianMs, 4),
        bareMedianMs: round(bareMedianMs, 4),
        roundRatioMedian: round(median(roundRatios), 4),
        roundRatioMin: round(low, 4),
        roundRatioMax: round(high, 4),
        samples: result.samples,
      },
      note: `ratio = median of ${roundRatios.length} per-round ratios (range ${round(low, 3)}–${round(high, 3)})${judged ? '' : '; context, no verdict'}`,
    };
  });
}

export const clientOverheadFigure: Figure = { name: 'client-overhead', run: runClientOverhead };
