/**
 * Figure 6 — soak: main-process heap after 1,000,000 events (quick: 100,000). The real core,
 * signed in to an in-memory gateway (no network, no hold), takes QC_AgentState_Notify events
 * as fast as its poll loop can: each passes the client's request runner and decoding, the
 * poller, the roster sync, the roster store, alerts and the delta flush to a subscriber.
 * Heap used after full GCs, before and after; the start is the baseline.
 */
import v8 from 'node:v8';
import vm from 'node:vm';
import { createCoreOnGateway } from '../../test/support/core/start-core-on-simulator';
import type { BenchContext, Figure } from '../lib/bench-context';
import { pause, waitFor } from '../../test/support/wait-for';
import { createMemoryGateway } from '../lib/memory-gateway';
import type { FigureRow } from '../lib/report';
import { round } from '../lib/stats';

const EVENTS = { quick: 100_000, full: 1_000_000 };
const WARMUP_EVENTS = 20_000;
const AGENTS = 2_000;
const INSPECTOR = '900';
const GATEWAY_URL = 'https://soak.gateway.invalid:8043';

/** A full collection, available without starting Node with --expose-gc. */
function loadGc(): () => void {
  v8.setFlagsFromString('--expose-gc');
  return vm.runInNewContext('gc') as () => void;
}

function heapAfterGc(gc: () => void): number {
  for (let index = 0; index < 3; index++) gc();
  return process.memoryUsage().heapUsed;
}

function waitForServed(
  gateway: { eventsServed: number },
  target: number,
  timeoutMs: number,
): Promise<void> {
  return waitFor(() => gateway.eventsServed >= target, {
    what: () => `${target} events to be taken (only ${gateway.eventsServed} were)`,
    timeoutMs,
    intervalMs: 50,
  });
}

async function runSoak(context: BenchContext): Promise<FigureRow[]> {
  const gc = loadGc();
  const events = context.quick ? EVENTS.quick : EVENTS.full;
  const gateway = createMemoryGateway({ agents: AGENTS, inspectorId: INSPECTOR, eventLimit: 0 });
  const fixture = createCoreOnGateway({
    gateway: { baseUrl: GATEWAY_URL, caPem: null },
    inspector: { agentId: INSPECTOR, phoneNumber: '70001', password: 'soak-password' },
    fetch: gateway.fetch,
    supervisor: { pollHoldMs: 200 },
  });
  const { core } = fixture;
  let deltas = 0;
  let rowsDelivered = 0;
  // Stands in for the IPC binding: sees every event, keeps nothing.
  const unsubscribe = core.subscribe((name, payload) => {
    if (name !== 'roster.delta') return;
    deltas++;
    rowsDelivered += (payload as { upserts: unknown[] }).upserts.length;
  });
  try {
    await fixture.signIn({ remember: false });
    await pause(2_000);
    const mode = core.diagnostics().sync.mode;
    if (mode !== 'events')
      throw new Error(
        `the core follows ${mode}, not the event stream: the soak would not exercise the event path`,
      );
    gateway.allow(WARMUP_EVENTS);
    await waitForServed(gateway, WARMUP_EVENTS, 60_000);
    await pause(300);
    const heapStart = heapAfterGc(gc);
    const rssStart = process.memoryUsage().rss;
    context.log(`soak: feeding ${events.toLocaleString('en')} events`);
    const started = performance.now();
    gateway.allow(events);
    await waitForServed(gateway, WARMUP_EVENTS + events, 600_000);
    const seconds = (performance.now() - started) / 1000;
    await pause(300);
    const heapEnd = heapAfterGc(gc);
    const diagnostics = core.diagnostics();
    const growthMb = (heapEnd - heapStart) / 1024 ** 2;
    return [
      {
        id: '6',
        figure: `Main-process heap growth after ${events.toLocaleString('en')} events (after GC)`,
        unit: 'MB',
        ours: growthMb,
        baseline: null,
        baselineLabel: 'heap at start',
        target: 10,
        targetOn: 'ours',
        details: {
          events,
          seconds: round(seconds, 1),
          eventsPerSecond: Math.round(events / seconds),
          heapStartMb: round(heapStart / 1024 ** 2, 2),
          heapEndMb: round(heapEnd / 1024 ** 2, 2),
          rssStartMb: round(rssStart / 1024 ** 2, 1),
          rssEndMb: round(process.memoryUsage().rss / 1024 ** 2, 1),
          deltas,
          rowsDelivered,
          rosterSize: diagnostics.rosterSize,
          syncMode: diagnostics.sync.mode,
        },
        note: `heap ${round(heapStart / 1024 ** 2, 1)} → ${round(heapEnd / 1024 ** 2, 1)} MB; ${Math.round(events / seconds).toLocaleString('en')} events/s through the core, ${deltas} deltas`,
      },
    ];
  } finally {
    unsubscribe();
    await fixture.close();
  }
}

export const soakFigure: Figure = { name: 'soak', run: runSoak };
