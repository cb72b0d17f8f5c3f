/**
 * Figure 8 — the queue panel's cost on the gateway with every skill shown: requests/s of the
 * queue interfaces with the panel open (one queryacdstat per refresh, Huawei cec_07_0411),
 * against the first edition's panel (one waitcallinfo per skill per refresh) on an identical
 * simulator. Runs in a worker thread in the background of the run.
 */
import type { BenchContext, Figure } from '../lib/bench-context';
import type { QueuePanelJob, QueuePanelResult } from '../lib/queue-panel-worker';
import type { FigureRow } from '../lib/report';
import { round } from '../lib/stats';
import { nextMessage, startTsWorker } from '../lib/ts-worker';

const AGENTS = 2_000;
const SETTLE_MS = 6_000;
const WINDOW_MS = { quick: 20_000, full: 60_000 };

async function runQueuePanel(context: BenchContext): Promise<FigureRow[]> {
  const windowMs = context.quick ? WINDOW_MS.quick : WINDOW_MS.full;
  const job: QueuePanelJob = { agents: AGENTS, settleMs: SETTLE_MS, windowMs };
  context.log(`queue panel: every skill shown, ${windowMs / 1000} s window (in the background)`);
  const worker = startTsWorker(new URL('../lib/queue-panel-worker.ts', import.meta.url), job);
  const result = await nextMessage(
    worker,
    (message): message is QueuePanelResult =>
      (message as { kind?: unknown }).kind === 'queue-panel-result',
    SETTLE_MS + windowMs + 90_000,
  );
  const rate = (count: QueuePanelResult['ours']) => count.queueRequests / count.seconds;
  const describe = (count: QueuePanelResult['ours']) =>
    Object.entries(count.byLogName)
      .map(([name, value]) => `${name} ${value}`)
      .join(', ');
  return [
    {
      id: '8',
      figure: `Queue panel requests/s with all ${result.skills} skills shown (panel open)`,
      unit: 'req/s',
      ours: rate(result.ours),
      baseline: rate(result.perSkill),
      baselineLabel: 'one waitcallinfo per skill per refresh (first edition)',
      target: 0.3,
      targetOn: 'ours',
      details: { skills: result.skills, ours: result.ours, perSkill: result.perSkill },
      note: `${round(result.ours.seconds, 0)} s window: ours ${describe(result.ours)}; baseline ${describe(result.perSkill)}`,
    },
  ];
}

/** Runs in the background: it only waits, so the other figures run meanwhile. */
export const queuePanelFigure: Figure = {
  name: 'queue-panel',
  run: runQueuePanel,
  background: true,
};
