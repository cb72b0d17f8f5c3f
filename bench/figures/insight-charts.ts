/**
 * Figure 7 — insight in Chromium, with the renderer harness's scripted core serving a 12-hour
 * shift of 12 skills (8,640 samples per series) and live figures every 5 s beside 10,000 agents:
 * a) p95 frame time while the agent table applies 1,000 changes/s with the charts and the queue
 *    sparklines visible. Baseline: the same page, same run, with the charts hidden.
 * b) A 12-hour history rendered: from switching the charted scope to every chart drawn (the
 *    history fetched over the binding, the store, React, uPlot), median of repeats.
 *    Baseline: the same three charts' samples drawn as SVG, one element per sample.
 */
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
import { pause } from '../../test/support/wait-for';
import { NAIVE_SVG_HISTORY_SCRIPT, scopeSwitchScript } from '../lib/insight-probes';
import { FRAME_PROBE } from '../lib/page-probes';
import type { FigureRow } from '../lib/report';
import { round, summarize } from '../lib/stats';

const AGENTS = 10_000;
const CHANGES_PER_SECOND = 1_000;
const FEED_MS = { quick: 2_000, full: 10_000 };
const REPEATS = { quick: 3, full: 7 };
const SKILLS = Array.from({ length: 12 }, (_, index) => ({
  id: index + 1,
  name: `Skill ${index + 1}`,
}));
const CENTER_CHARTS = ['chart-queue', 'chart-service-level', 'chart-agent-mix'];
const SKILL_CHARTS = ['chart-queue', 'chart-service-level'];

interface FrameSample {
  work: number[];
  intervals: number[];
}

async function runInsightCharts(context: BenchContext): Promise<FigureRow[]> {
  const rootDir = await ensureRendererBuilt();
  const core = createScriptedCore({ agents: AGENTS, insight: { skills: SKILLS } });
  const server = await startWsContractServer({ core, rootDir });
  const browser = await launchChromiumWithoutBrowserUi();
  try {
    const { page } = await openRenderer(browser, server, { initScripts: [FRAME_PROBE] });
    const feedMs = context.quick ? FEED_MS.quick : FEED_MS.full;
    // The charts are hidden until asked for (a fresh profile): show them.
    const toggle = page.getByTestId('insight-toggle');
    await toggle.waitFor();
    if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
    // Wait for the charts and the sparklines to be drawn.
    const deadline = Date.now() + 30_000;
    const drawn = `document.querySelectorAll('.time-chart-plot canvas').length >= 3 && document.querySelectorAll('.sparkline canvas').length >= 3`;
    while (!((await page.evaluate(drawn)) as boolean)) {
      if (Date.now() > deadline) throw new Error('the charts were not drawn within 30 s');
      await pause(50);
    }

    const measureFrames = async (ms: number): Promise<FrameSample> => {
      await pause(300);
      await page.evaluate('window.__ccStartFrames()');
      const stop = core.startFeed(CHANGES_PER_SECOND);
      await pause(ms);
      stop();
      return (await page.evaluate('window.__ccStopFrames()')) as FrameSample;
    };
    // Interleaved rounds (charts shown, charts hidden), so a load change on a shared machine
    // falls on both sides alike.
    const rounds = context.quick ? 2 : 4;
    const withCharts: FrameSample = { work: [], intervals: [] };
    const withoutCharts: FrameSample = { work: [], intervals: [] };
    context.log(
      `insight: ${CHANGES_PER_SECOND} changes/s, charts and sparklines shown / hidden, ${rounds} rounds`,
    );
    for (let round = 0; round < rounds; round++) {
      const shown = await measureFrames(feedMs / rounds);
      await toggle.click();
      const hidden = await measureFrames(feedMs / rounds);
      await toggle.click();
      withCharts.work.push(...shown.work);
      withCharts.intervals.push(...shown.intervals);
      withoutCharts.work.push(...hidden.work);
      withoutCharts.intervals.push(...hidden.intervals);
    }
    await pause(1_000);

    context.log('insight: 12-hour history, scope switches');
    const repeats = context.quick ? REPEATS.quick : REPEATS.full;
    const renders: number[] = [];
    for (let index = 0; index < repeats; index++) {
      await page.evaluate(
        scopeSwitchScript(String(SKILLS[index % SKILLS.length]?.id), SKILL_CHARTS),
      );
      renders.push((await page.evaluate(scopeSwitchScript('', CENTER_CHARTS))) as number);
    }
    const samples = (await page.evaluate(
      `document.querySelectorAll('[data-testid="chart-queue"] tbody tr').length`,
    )) as number;
    const problems = readPageProblems(page);
    if (problems.length > 0) throw new Error(`the page reported problems: ${problems.join('; ')}`);
    refuseBrowserUi(await browserUiPagesOf(browser));

    const naivePage = await (
      await browser.newContext({ viewport: { width: 1366, height: 768 } })
    ).newPage();
    await naivePage.setContent('<!doctype html><html><body></body></html>');
    const naive = (await naivePage.evaluate(
      `${NAIVE_SVG_HISTORY_SCRIPT}(8640, [2, 1, 5])`,
    )) as number;
    await naivePage.context().close();

    const on = summarize(withCharts.work);
    const off = summarize(withoutCharts.work);
    const render = summarize(renders);
    return [
      {
        id: '7a',
        figure: `Agent table p95 frame time at ${CHANGES_PER_SECOND.toLocaleString('en')} changes/s, charts and sparklines visible`,
        unit: 'ms',
        ours: on.p95,
        baseline: off.p95,
        baselineLabel: 'same page, charts hidden',
        target: 16.7,
        targetOn: 'ours',
        details: {
          seconds: feedMs / 1000,
          frames: on.count,
          workP50Ms: round(on.p50, 2),
          workMaxMs: round(on.max, 2),
          hiddenFrames: off.count,
          hiddenP50Ms: round(off.p50, 2),
        },
        note: `${on.count} frames with 3 charts of a 12-hour shift and ${SKILLS.length} sparklines beside ${AGENTS.toLocaleString('en')} agents; live figures every 5 s`,
      },
      {
        id: '7b',
        figure: 'A 12-hour history rendered in 3 charts (scope switch → drawn), median',
        unit: 'ms',
        ours: render.p50,
        baseline: naive,
        baselineLabel: 'same samples as SVG, one element each',
        target: 100,
        targetOn: 'ours',
        details: { repeats, rendersMs: renders.map((value) => round(value, 1)), hourRows: samples },
        note: `8,640 samples per series (queue 2, service level 1, agent mix 5), fetched over the binding and drawn by uPlot; p95 ${round(render.p95, 1)} ms over ${repeats}`,
      },
    ];
  } finally {
    await browser.close();
    await server.close();
  }
}

export const insightChartsFigure: Figure = { name: 'insight-charts', run: runInsightCharts };
