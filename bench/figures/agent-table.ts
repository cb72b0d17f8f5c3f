/**
 * Figure 4b — the agent table in Chromium, with the renderer engineer's browser harness: the
 * built renderer, served with the WebSocket binding of the contract, fed by the scripted core
 * (10,000 generated agents, then a steady stream of changes) so only the renderer is measured.
 * Frame time while applying 1,000 changes/s for 10 s (quick: 2 s), p95 of per-frame main
 * thread work. Baseline: the plain table with the same change rate written into its cells.
 * (4a, the first render, is now `first-paint-10k`: figures/first-paint.ts.)
 */
import type { Browser } from 'playwright-core';
import { openRenderer, readPageProblems } from '../../test/browser/harness/browser';
import {
  browserUiPagesOf,
  launchChromiumWithoutBrowserUi,
  refuseBrowserUi,
} from '../lib/without-browser-ui';
import { ensureRendererBuilt } from '../../test/browser/harness/renderer-build';
import { createScriptedCore } from '../../test/browser/harness/scripted-core';
import { startWsContractServer } from '../../test/support/ws-contract-server';
import type { BenchContext, Figure } from '../lib/bench-context';
import { pause, waitFor } from '../../test/support/wait-for';
import {
  FIRST_ROWS_PROBE,
  FRAME_PROBE,
  NAIVE_FEED_SCRIPT,
  NAIVE_TABLE_SCRIPT,
} from '../lib/page-probes';
import type { FigureRow } from '../lib/report';
import { round, summarize } from '../lib/stats';

const AGENTS = 10_000;
const CHANGES_PER_SECOND = 1_000;
const FEED_MS = { quick: 2_000, full: 10_000 };

interface FrameSample {
  work: number[];
  intervals: number[];
}

/** The plain table, built, then frame work while changes are written into it. */
async function measureNaiveTable(browser: Browser, feedMs: number): Promise<FrameSample> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  try {
    const page = await context.newPage();
    await page.setContent('<!doctype html><html><body></body></html>');
    await page.evaluate(FRAME_PROBE);
    await page.evaluate(`${NAIVE_TABLE_SCRIPT}(${AGENTS})`);
    await page.evaluate('window.__ccStartFrames()');
    await page.evaluate(`${NAIVE_FEED_SCRIPT}(${AGENTS}, ${CHANGES_PER_SECOND}, 20)`);
    await pause(feedMs);
    await page.evaluate('clearInterval(window.__ccNaiveFeed)');
    return (await page.evaluate('window.__ccStopFrames()')) as FrameSample;
  } finally {
    await context.close();
  }
}

async function runAgentTable(context: BenchContext): Promise<FigureRow[]> {
  const rootDir = await ensureRendererBuilt();
  const core = createScriptedCore({ agents: AGENTS });
  const server = await startWsContractServer({ core, rootDir });
  const browser = await launchChromiumWithoutBrowserUi();
  try {
    const { page } = await openRenderer(browser, server, {
      initScripts: [FIRST_ROWS_PROBE, FRAME_PROBE],
    });
    // Polled with evaluate: waitForFunction compiles its predicate in the page, which the
    // renderer's CSP (no 'unsafe-eval') forbids.
    await waitFor(
      async () => !(await page.evaluate('window.__ccFirstRowsPaintedAt === undefined')),
      { what: 'the agent rows to be painted', timeoutMs: 30_000, intervalMs: 25 },
    );
    const rowsInSnapshot = (await page.evaluate('window.__ccSnapshotRows')) as number;
    if (rowsInSnapshot !== AGENTS)
      throw new Error(`the snapshot held ${rowsInSnapshot} agents, not ${AGENTS}`);
    const feedMs = context.quick ? FEED_MS.quick : FEED_MS.full;
    const naiveFrames = await measureNaiveTable(browser, feedMs);
    await pause(500);
    context.log(`agent table: ${CHANGES_PER_SECOND} changes/s for ${feedMs / 1000} s`);
    const sentBefore = core.changesSent();
    await page.evaluate('window.__ccStartFrames()');
    const stopFeed = core.startFeed(CHANGES_PER_SECOND);
    await pause(feedMs);
    stopFeed();
    const busy = (await page.evaluate('window.__ccStopFrames()')) as FrameSample;
    const changes = core.changesSent() - sentBefore;
    const problems = readPageProblems(page);
    if (problems.length > 0) throw new Error(`the page reported problems: ${problems.join('; ')}`);
    refuseBrowserUi(await browserUiPagesOf(browser));

    const busyWork = summarize(busy.work);
    const naiveWork = summarize(naiveFrames.work);
    const busyIntervals = summarize(busy.intervals);
    const longIntervals = busy.intervals.filter((interval) => interval > 1.5 * (1000 / 60)).length;
    return [
      {
        id: '4b',
        figure: `Agent table: p95 frame time at ${CHANGES_PER_SECOND.toLocaleString('en')} changes/s`,
        unit: 'ms',
        ours: busyWork.p95,
        baseline: naiveWork.p95,
        baselineLabel: 'plain table, cells written directly',
        target: 16.7,
        targetOn: 'ours',
        details: {
          seconds: feedMs / 1000,
          changes,
          frames: busyWork.count,
          workP50Ms: round(busyWork.p50, 2),
          workP95Ms: round(busyWork.p95, 2),
          workMaxMs: round(busyWork.max, 2),
          intervalP50Ms: round(busyIntervals.p50, 2),
          intervalP95Ms: round(busyIntervals.p95, 2),
          intervalsOver25Ms: longIntervals,
          naiveWorkP95Ms: round(naiveWork.p95, 2),
          naiveIntervalP95Ms: round(summarize(naiveFrames.intervals).p95, 2),
        },
        note: `${changes} changes over ${busyWork.count} frames; frame interval p95 ${round(busyIntervals.p95, 1)} ms, ${longIntervals} frames later than 25 ms`,
      },
    ];
  } finally {
    await browser.close();
    await server.close();
  }
}

export const agentTableFigure: Figure = { name: 'agent-table', run: runAgentTable };
