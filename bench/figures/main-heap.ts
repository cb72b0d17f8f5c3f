/**
 * `main-heap-10k` — the main-process heap a live 10,000-agent session takes. The real core
 * (production timings) signs in to the simulator over HTTPS; the simulator runs in a worker
 * thread (its own V8 heap, so its 10,000 agents are not counted). Heap used after full GCs,
 * with the session live and its roster complete, minus the same process before sign-in (the
 * core started, nobody signed in). A subscriber stands in for the IPC binding and keeps nothing.
 * Baseline: the heap taken by the same 10,000 rows held alone as plain objects (a structured
 * clone of the snapshot's roster) — the data, with no session around it.
 */
import v8 from 'node:v8';
import vm from 'node:vm';
import { createCoreOnGateway } from '../../test/support/core/start-core-on-simulator';
import { pause, waitFor } from '../../test/support/wait-for';
import type { BenchContext, Figure } from '../lib/bench-context';
import type { FigureRow } from '../lib/report';
import { startSimulatorThread } from '../lib/simulator-thread';
import { round } from '../lib/stats';

const AGENTS = 10_000;
const LIVE_MS = { quick: 5_000, full: 20_000 };
const MB = 1024 ** 2;

/** A full collection, available without starting Node with --expose-gc. */
function loadGc(): () => void {
  v8.setFlagsFromString('--expose-gc');
  return vm.runInNewContext('gc') as () => void;
}

async function runMainHeap(context: BenchContext): Promise<FigureRow[]> {
  const gc = loadGc();
  const heapAfterGc = async (): Promise<number> => {
    // Let pending callbacks settle, then collect until the figure holds still.
    await pause(200);
    for (let index = 0; index < 3; index++) gc();
    return process.memoryUsage().heapUsed;
  };
  const sim = await startSimulatorThread({
    protocol: 'https',
    agents: AGENTS,
    seed: 13,
    changesPerAgentPerMinute: 1,
  });
  const [inspector] = sim.inspectors;
  if (!inspector) throw new Error('the simulator has no inspector account');
  const fixture = createCoreOnGateway({ gateway: sim, inspector });
  const { core } = fixture;
  let deltas = 0;
  const unsubscribe = core.subscribe((name) => {
    if (name === 'roster.delta') deltas++;
  });
  try {
    await core.start({ demo: false });
    const before = await heapAfterGc();
    context.log(`main heap: signing in to ${AGENTS.toLocaleString('en')} agents`);
    await fixture.signIn({ remember: false });
    await waitFor(() => core.diagnostics().rosterSize >= AGENTS, {
      what: `a roster of ${AGENTS} agents`,
      timeoutMs: 60_000,
      intervalMs: 100,
    });
    await pause(context.quick ? LIVE_MS.quick : LIVE_MS.full);
    const diagnostics = core.diagnostics();
    const live = await heapAfterGc();

    // The data alone: the same rows as plain objects, nothing else.
    const snapshot = await core.execute('app.getSnapshot', {});
    if (!snapshot.ok) throw new Error(`getSnapshot failed: ${snapshot.error.message}`);
    const beforeData = await heapAfterGc();
    let held: unknown = structuredClone(snapshot.value.roster);
    const withData = await heapAfterGc();
    const rows = (held as unknown[]).length;
    held = null;
    void held;
    const sessionMb = (live - before) / MB;
    const dataMb = (withData - beforeData) / MB;
    return [
      {
        id: 'main-heap-10k',
        figure: `Main-process heap of a live ${AGENTS.toLocaleString('en')}-agent session (after GC, minus before sign-in)`,
        unit: 'MB',
        ours: sessionMb,
        baseline: dataMb,
        baselineLabel: 'the same rows held alone',
        target: 40,
        targetOn: 'ours',
        details: {
          heapBeforeMb: round(before / MB, 2),
          heapLiveMb: round(live / MB, 2),
          rosterSize: diagnostics.rosterSize,
          rowsInData: rows,
          syncMode: diagnostics.sync.mode,
          liveSeconds: (context.quick ? LIVE_MS.quick : LIVE_MS.full) / 1000,
          deltas,
        },
        note: `heap ${round(before / MB, 1)} MB before sign-in → ${round(live / MB, 1)} MB live (${diagnostics.rosterSize} agents, ${diagnostics.sync.mode} mode, ${(context.quick ? LIVE_MS.quick : LIVE_MS.full) / 1000} s live); the rows alone ${round(dataMb, 1)} MB`,
      },
    ];
  } finally {
    unsubscribe();
    await fixture.close();
    await sim.close();
  }
}

export const mainHeapFigure: Figure = { name: 'main-heap', run: runMainHeap };
