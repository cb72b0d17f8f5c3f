/**
 * Child process of the soak figures (6 and cpu-per-1k-events): a process of its own, so its
 * heap and its CPU time are the core's alone (the bench process runs other figures' threads
 * at the same time). Prints one `SOAK-REPORT <json>` line.
 *
 * 1. Baseline: a bare reader of the same in-memory gateway takes `--bare` events (fetch, read
 *    the text, JSON.parse, nothing else) — the floor any client pays for an event here. The
 *    stand-in gateway's own share of that floor is measured too: the same events fetched and
 *    their text read, not parsed.
 * 2. The real core, signed in to the in-memory gateway, takes `--events` QC_AgentState_Notify
 *    events through decoding, poller, roster sync, store, alerts and the delta flush (20,000
 *    warm-up events first). Heap after forced full GCs before and after; CPU time of the whole
 *    process (user + system, every thread) while the measured events pass.
 *
 * Run: node --expose-gc --import tsx bench/lib/soak-child.ts --events=1000000 --bare=100000
 * (add --cpu-prof before --import to see where the CPU goes).
 */
import { createCoreOnGateway } from '../../test/support/core/start-core-on-simulator';
import { pause, waitFor } from '../../test/support/wait-for';
import { createMemoryGateway } from './memory-gateway';

const WARMUP_EVENTS = 20_000;
const AGENTS = 2_000;
const INSPECTOR = '900';
const GATEWAY_URL = 'https://soak.gateway.invalid:8043';

const option = (name: string, fallback: number): number => {
  const arg = process.argv.find((entry) => entry.startsWith(`--${name}=`));
  return arg ? Number(arg.slice(name.length + 3)) : fallback;
};

function gc(): void {
  const collect = (globalThis as { gc?: () => void }).gc;
  if (!collect) throw new Error('run the soak child with --expose-gc');
  for (let index = 0; index < 3; index++) collect();
}

function heapAfterGc(): number {
  gc();
  return process.memoryUsage().heapUsed;
}

/** CPU milliseconds of the process (all threads) since `since`. */
function cpuMsSince(since: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1000;
}

function waitForServed(gateway: { eventsServed: number }, target: number, timeoutMs: number) {
  return waitFor(() => gateway.eventsServed >= target, {
    what: () => `${target} events to be taken (only ${gateway.eventsServed} were)`,
    timeoutMs,
    intervalMs: 50,
  });
}

/**
 * The floor: read `count` events from the in-memory gateway and parse them, nothing else
 * (`parse: false`: only fetch them and read their text — the stand-in gateway's own share).
 */
async function runBareReader(
  count: number,
  parse = true,
): Promise<{ cpuMs: number; seconds: number }> {
  const gateway = createMemoryGateway({ agents: AGENTS, inspectorId: INSPECTOR, eventLimit: 0 });
  const url = `${GATEWAY_URL}/agentgateway/resource/agentevent/${INSPECTOR}`;
  const init = { method: 'POST' as const, headers: {}, timeoutMs: 10_000 };
  const read = async (events: number): Promise<number> => {
    gateway.allow(events);
    let kept = 0;
    for (let index = 0; index < events; index++) {
      const answer = await gateway.fetch(url, init);
      const text = await answer.text();
      if (!parse) {
        if (text.length > 0) kept++;
        continue;
      }
      const body = JSON.parse(text) as { event?: { workNo?: string } };
      if (body.event?.workNo === INSPECTOR) kept++;
    }
    return kept;
  };
  await read(WARMUP_EVENTS);
  const cpu = process.cpuUsage();
  const started = performance.now();
  const kept = await read(count);
  if (kept !== count) throw new Error(`the bare reader parsed ${kept} of ${count} events`);
  return { cpuMs: cpuMsSince(cpu), seconds: (performance.now() - started) / 1000 };
}

async function runCore(events: number) {
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
    await waitForServed(gateway, WARMUP_EVENTS, 120_000);
    await pause(300);
    const heapStart = heapAfterGc();
    const rssStart = process.memoryUsage().rss;
    const deltasBefore = deltas;
    const cpu = process.cpuUsage();
    const started = performance.now();
    gateway.allow(events);
    await waitForServed(gateway, WARMUP_EVENTS + events, 900_000);
    const cpuMs = cpuMsSince(cpu);
    const seconds = (performance.now() - started) / 1000;
    await pause(300);
    const heapEnd = heapAfterGc();
    const diagnostics = core.diagnostics();
    return {
      events,
      seconds,
      cpuMs,
      heapStart,
      heapEnd,
      rssStart,
      rssEnd: process.memoryUsage().rss,
      deltas: deltas - deltasBefore,
      rowsDelivered,
      rosterSize: diagnostics.rosterSize,
      syncMode: diagnostics.sync.mode,
    };
  } finally {
    unsubscribe();
    await fixture.close();
  }
}

async function main(): Promise<void> {
  const events = option('events', 1_000_000);
  const bareEvents = option('bare', 100_000);
  const standIn = bareEvents > 0 ? await runBareReader(bareEvents, false) : null;
  const bare = bareEvents > 0 ? await runBareReader(bareEvents) : null;
  const core = await runCore(events);
  process.stdout.write(
    `SOAK-REPORT ${JSON.stringify({
      core,
      bare: bare && { events: bareEvents, ...bare },
      standIn: standIn && { events: bareEvents, ...standIn },
    })}\n`,
  );
}

main()
  .then(() => process.exit(0))
  .catch((error: unknown) => {
    process.stdout.write(
      `SOAK-REPORT ${JSON.stringify({ failure: error instanceof Error ? (error.stack ?? error.message) : String(error) })}\n`,
    );
    process.exit(1);
  });
