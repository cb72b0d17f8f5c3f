/**
 * `cold-start` — how long the app takes to show agents, in two halves that are reported
 * apart and summed (in the app they partly overlap: the window loads while the session starts):
 * - main: the BUILT main bundle started in demo mode in a fresh Node process under the Electron
 *   stand-in (test/boot's fake), from the bundle's start to the first roster delta with agents
 *   sent to the window (cold-start-child.ts, started by cold-start-launcher.mjs so that only the
 *   child and the stand-in go through tsx and the bundle loads natively, as under Electron);
 * - renderer: the built renderer loaded in a fresh Chromium page, from navigation start to the
 *   first agent rows painted, fed over the WebSocket binding by the real core signed in to a
 *   demo-sized simulator (40 agents).
 * Medians of fresh repeats. Baseline: the empty app's floor — the stand-in importing an empty
 * module and sending one message, plus a blank page's navigation to its first paint.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { openRenderer } from '../../test/browser/harness/browser';
import {
  browserUiPagesOf,
  launchChromiumWithoutBrowserUi,
  refuseBrowserUi,
} from '../lib/without-browser-ui';
import { ensureRendererBuilt } from '../../test/browser/harness/renderer-build';
import { startCoreOnSimulator } from '../../test/support/core/start-core-on-simulator';
import { startWsContractServer } from '../../test/support/ws-contract-server';
import { waitFor } from '../../test/support/wait-for';
import type { BenchContext, Figure } from '../lib/bench-context';
import { FIRST_ROWS_PROBE } from '../lib/page-probes';
import type { FigureRow } from '../lib/report';
import { median, round } from '../lib/stats';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** Starts cold-start-child.ts with tsx scoped to it: the bundle loads as under Electron. */
const LAUNCHER = 'bench/lib/cold-start-launcher.mjs';
const RUNS = { quick: 2, full: 5 };
const DEMO_AGENTS = 40;
const BUILT = ['out/main/index.js', 'out/preload/index.cjs'];
const SOURCES = ['src/main', 'src/preload', 'src/shared', 'src/simulator'];

function newestSourceTime(folder: string): number {
  let newest = 0;
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSourceTime(path));
    else if (!entry.name.includes('.test.')) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

/** Build main and preload with electron-vite when missing or older than their sources. */
function ensureMainBuilt(): void {
  const outputs = BUILT.map((file) => join(ROOT, file));
  const changed = Math.max(...SOURCES.map((folder) => newestSourceTime(join(ROOT, folder))));
  if (outputs.every((file) => existsSync(file) && statSync(file).mtimeMs >= changed)) return;
  const build = spawnSync(
    process.execPath,
    [join(ROOT, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'],
    { cwd: ROOT, encoding: 'utf8', timeout: 180_000 },
  );
  if (build.status !== 0)
    throw new Error(`electron-vite build failed:\n${build.stdout}\n${build.stderr}`);
}

interface MainRun {
  /** Bundle start → first delta with agents sent to the window. */
  ms: number;
  /** CPU time of the process meanwhile (all threads). */
  cpuMs: number;
}

/** One fresh main process: from the bundle's start to agents sent to the window. */
function runMainChild(empty: boolean): Promise<MainRun> {
  const home = mkdtempSync(join(tmpdir(), 'cc-cold-start-'));
  return new Promise<MainRun>((resolve, reject) => {
    const child = spawn(process.execPath, [LAUNCHER, '--demo', ...(empty ? ['--empty'] : [])], {
      cwd: ROOT,
      env: {
        ...process.env,
        ELECTRON_FAKE_HOME: home,
        ELECTRON_FAKE_APP_PATH: ROOT,
        ELECTRON_RENDERER_URL: '',
        XDG_SESSION_TYPE: 'x11',
        WAYLAND_DISPLAY: '',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 90_000);
    child.on('error', reject);
    child.on('close', () => {
      clearTimeout(timer);
      const line = output.split('\n').find((text) => text.startsWith('COLD-START-REPORT '));
      const report = line
        ? (JSON.parse(line.slice('COLD-START-REPORT '.length)) as {
            toFirstRowsMs?: number;
            cpuMs?: number;
            failure?: string;
          })
        : null;
      if (report?.toFirstRowsMs !== undefined)
        resolve({ ms: report.toFirstRowsMs, cpuMs: report.cpuMs ?? Number.NaN });
      else
        reject(new Error(`the cold-start child failed: ${report?.failure ?? output.slice(-2000)}`));
    });
  }).finally(() => rmSync(home, { recursive: true, force: true }));
}

/** Navigation start → first rows painted, in fresh pages; and a blank page's first paint. */
async function measureRenderer(
  browser: Browser,
  server: { url: string; wsUrl: string },
  runs: number,
): Promise<{ rows: number[]; blank: number[] }> {
  const rows: number[] = [];
  const blank: number[] = [];
  for (let run = 0; run < runs; run++) {
    const { context, page } = await openRenderer(browser, server, {
      initScripts: [FIRST_ROWS_PROBE],
    });
    try {
      await waitFor(
        async () => !(await page.evaluate('window.__ccFirstRowsPaintedAt === undefined')),
        { what: 'the agent rows to be painted', timeoutMs: 30_000, intervalMs: 25 },
      );
      rows.push((await page.evaluate('window.__ccFirstRowsPaintedAt')) as number);
      refuseBrowserUi(await browserUiPagesOf(browser));
    } finally {
      await context.close();
    }
    // The floor: a page of one line from the same server (its "not found" answer), from
    // navigation start to its first contentful paint.
    const blankContext = await browser.newContext();
    try {
      const page = await blankContext.newPage();
      await page.goto(`${server.url}cold-start-floor`);
      await waitFor(
        async () =>
          (await page.evaluate(
            `performance.getEntriesByName('first-contentful-paint').length > 0`,
          )) as boolean,
        { what: 'the blank page to paint', timeoutMs: 10_000, intervalMs: 25 },
      );
      blank.push(
        (await page.evaluate(
          `performance.getEntriesByName('first-contentful-paint')[0].startTime`,
        )) as number,
      );
    } finally {
      await blankContext.close();
    }
  }
  return { rows, blank };
}

async function runColdStart(context: BenchContext): Promise<FigureRow[]> {
  ensureMainBuilt();
  const rootDir = await ensureRendererBuilt();
  const runs = context.quick ? RUNS.quick : RUNS.full;
  const mainRuns: MainRun[] = [];
  const floor: number[] = [];
  for (let run = 0; run < runs; run++) {
    mainRuns.push(await runMainChild(false));
    floor.push((await runMainChild(true)).ms);
  }
  const main = mainRuns.map((entry) => entry.ms);
  const fixture = await startCoreOnSimulator({
    simulator: { agents: DEMO_AGENTS, changesPerAgentPerMinute: 2, pollHoldMs: 1_000 },
  });
  let server: Awaited<ReturnType<typeof startWsContractServer>> | null = null;
  let browser: Browser | null = null;
  try {
    await fixture.core.start({ demo: false });
    await fixture.signIn({ remember: false });
    await waitFor(() => fixture.core.diagnostics().rosterSize >= DEMO_AGENTS, {
      what: 'the demo roster',
      timeoutMs: 30_000,
    });
    server = await startWsContractServer({ core: fixture.core, rootDir });
    browser = await launchChromiumWithoutBrowserUi();
    const renderer = await measureRenderer(browser, server, runs);
    const mainMs = median(main);
    const rendererMs = median(renderer.rows);
    const floorMs = median(floor) + median(renderer.blank);
    context.log(
      `cold start: main ${round(mainMs, 0)} ms (${main.map((ms) => round(ms, 0)).join(', ')}), renderer ${round(rendererMs, 0)} ms (${renderer.rows.map((ms) => round(ms, 0)).join(', ')})`,
    );
    return [
      {
        id: 'cold-start',
        figure:
          'Cold start: main bundle → first roster delta sent, plus renderer load → first rows painted',
        unit: 'ms',
        ours: mainMs + rendererMs,
        baseline: floorMs,
        baselineLabel: 'empty app: stand-in + blank page',
        target: 1_500,
        targetOn: 'ours',
        details: {
          mainMs: round(mainMs, 1),
          rendererMs: round(rendererMs, 1),
          mainRuns: main.map((ms) => round(ms, 1)),
          mainCpuMs: round(median(mainRuns.map((entry) => entry.cpuMs)), 1),
          rendererRuns: renderer.rows.map((ms) => round(ms, 1)),
          floorMainRuns: floor.map((ms) => round(ms, 1)),
          floorBlankPageRuns: renderer.blank.map((ms) => round(ms, 1)),
          demoAgents: DEMO_AGENTS,
        },
        note: `main ${round(mainMs, 0)} ms (bundle start → first delta with agents sent to the window, demo mode) + renderer ${round(rendererMs, 0)} ms (navigation → first rows painted, ${DEMO_AGENTS} agents); medians of ${runs} fresh processes / pages`,
      },
    ];
  } finally {
    await browser?.close();
    await server?.close();
    await fixture.close();
  }
}

export const coldStartFigure: Figure = { name: 'cold-start', run: runColdStart };
