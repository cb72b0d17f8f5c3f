/**
 * Profiles the first paint of the agent table in Chromium, the way figure `first-paint-10k`
 * measures it (scripted core, real default layout), and prints where the time went between
 * the snapshot reaching the page and the first rows painted:
 * - the Chromium timeline (script, style, layout, paint, GC, …) of the renderer main thread;
 * - the V8 CPU profile (self time per function, and the heaviest bundle functions).
 *
 *   CC_UNMINIFIED_RENDERER=1 npx electron-vite build   # names in the profile, not minified ones
 *   npx tsx bench/tools/profile-first-paint.ts [--agents=10000] [--runs=3] [--trace=file.json]
 *   [--self] [--init=script.js]
 *
 * Not part of the benchmark run: a tool for finding what to change (see BENCHMARKS.md).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import type { CDPSession } from 'playwright-core';
import { openRenderer } from '../../test/browser/harness/browser';
import { launchChromiumWithoutBrowserUi } from '../lib/without-browser-ui';
import { ensureRendererBuilt } from '../../test/browser/harness/renderer-build';
import { createScriptedCore } from '../../test/browser/harness/scripted-core';
import { startWsContractServer } from '../../test/support/ws-contract-server';
import { waitFor } from '../../test/support/wait-for';
import { FIRST_ROWS_PROBE } from '../lib/page-probes';
import { DEFAULT_LAYOUT_SKILLS } from '../lib/first-paint-page';

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  /** Thread (CPU) time of a complete event, µs. */
  tdur?: number;
  pid: number;
  tid: number;
  cat: string;
  args?: { name?: string; data?: Record<string, unknown> };
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
}
interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

const option = (name: string, fallback: string): string =>
  process.argv.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback;

const TIMELINE_NAMES: Record<string, string> = {
  FunctionCall: 'script',
  EvaluateScript: 'script',
  'v8.compile': 'compile',
  'v8.compileModule': 'compile',
  'v8.parseOnBackground': 'compile',
  UpdateLayoutTree: 'style',
  ParseAuthorStyleSheet: 'style',
  Layout: 'layout',
  PrePaint: 'paint',
  Paint: 'paint',
  Layerize: 'paint',
  Commit: 'paint',
  MinorGC: 'gc',
  MajorGC: 'gc',
  'V8.GC_SCAVENGER': 'gc',
  'V8.GCScavenger': 'gc',
  'V8.GCFinalizeMC': 'gc',
  ParseHTML: 'html',
};

/** Wall and CPU milliseconds per kind of main-thread work between `from` and `to`. */
function summariseTimeline(
  events: TraceEvent[],
  from: number,
  to: number,
): Record<string, { wall: number; cpu: number }> {
  const main = events.find(
    (event) => event.name === 'thread_name' && event.args?.name === 'CrRendererMain',
  );
  const totals: Record<string, { wall: number; cpu: number }> = {};
  if (!main) return totals;
  // Nested events of one kind (FunctionCall inside FunctionCall) count once: the outermost.
  const open: Array<{ kind: string; end: number }> = [];
  const sorted = events
    .filter((event) => event.pid === main.pid && event.tid === main.tid && event.ph === 'X')
    .sort((a, b) => a.ts - b.ts);
  for (const event of sorted) {
    const kind = TIMELINE_NAMES[event.name];
    if (!kind || event.dur === undefined) continue;
    const start = Math.max(event.ts, from);
    const end = Math.min(event.ts + event.dur, to);
    if (end <= start) continue;
    while (open.length > 0 && (open[open.length - 1] as { end: number }).end <= event.ts)
      open.pop();
    if (open.some((entry) => entry.kind === kind)) continue;
    open.push({ kind, end: event.ts + event.dur });
    const total = (totals[kind] ??= { wall: 0, cpu: 0 });
    total.wall += (end - start) / 1000;
    // CPU time of the part inside the window, in proportion (events rarely straddle it).
    total.cpu += (((event.tdur ?? event.dur) / 1000) * (end - start)) / event.dur;
  }
  return totals;
}

/** Functions whose inclusive time is reported (what the first paint is made of). */
const INCLUSIVE = [
  'applySnapshot',
  'takeRoster',
  'replaceRows',
  'deriveRoster',
  'performWorkOnRoot',
  'commitRoot',
  'fixedT',
  'getMeasurements',
  'AgentTable',
  'AgentRowView',
  'QueuePanel',
  'InsightPanel',
  'CoachingBar',
  'GlanceBar',
];

function summariseProfile(
  profile: CpuProfile,
  from: number,
  to: number,
): { self: string[]; inclusive: Record<string, number> } {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parentOf = new Map<number, number>();
  for (const node of profile.nodes as Array<ProfileNode & { children?: number[] }>)
    for (const child of node.children ?? []) parentOf.set(child, node.id);
  const inclusive: Record<string, number> = {};
  const self = new Map<string, number>();
  let time = profile.startTime;
  for (let index = 0; index < profile.samples.length; index++) {
    time += profile.timeDeltas[index] ?? 0;
    const delta = profile.timeDeltas[index + 1] ?? 0;
    if (time < from || time > to) continue;
    const node = byId.get(profile.samples[index] as number);
    if (!node) continue;
    const frame = node.callFrame;
    const file = frame.url.split('/').pop() ?? '';
    const key = `${frame.functionName || '(anonymous)'} ${file}:${frame.lineNumber + 1}:${frame.columnNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + delta / 1000);
    const names = new Set<string>();
    for (let id: number | undefined = node.id; id !== undefined; id = parentOf.get(id))
      names.add(byId.get(id)?.callFrame.functionName ?? '');
    for (const name of INCLUSIVE)
      if (names.has(name)) inclusive[name] = (inclusive[name] ?? 0) + delta / 1000;
  }
  return {
    self: [...self.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 30)
      .map(([key, ms]) => `${ms.toFixed(1).padStart(7)} ms  ${key}`),
    inclusive,
  };
}

interface RunFigures {
  wall: number;
  cpu: number;
}

async function profileOnce(
  run: number,
  agents: number,
  traceFile: string | null,
  extraInit: string[],
): Promise<RunFigures | null> {
  const rootDir = await ensureRendererBuilt();
  const core = createScriptedCore({ agents, insight: { skills: DEFAULT_LAYOUT_SKILLS } });
  const server = await startWsContractServer({ core, rootDir });
  const browser = await launchChromiumWithoutBrowserUi();
  try {
    let session: CDPSession | undefined;
    const { page } = await openRenderer(browser, server, {
      initScripts: [FIRST_ROWS_PROBE, ...extraInit],
      async beforeNavigate(page) {
        await browser.startTracing(page, {
          categories: [
            'devtools.timeline',
            'disabled-by-default-devtools.timeline',
            'blink.user_timing',
            'v8',
            '__metadata',
          ],
        });
        session = await page.context().newCDPSession(page);
        await session.send('Profiler.enable');
        await session.send('Profiler.setSamplingInterval', { interval: 100 });
        await session.send('Profiler.start');
      },
    });
    await waitFor(
      async () => !(await page.evaluate('window.__ccFirstRowsPaintedAt === undefined')),
      { what: 'the first rows', timeoutMs: 30_000, intervalMs: 25 },
    );
    const { profile } = (await session!.send('Profiler.stop')) as unknown as {
      profile: CpuProfile;
    };
    const trace = JSON.parse((await browser.stopTracing()).toString('utf8')) as {
      traceEvents: TraceEvent[];
    };
    const times = (await page.evaluate(
      '({ delivered: window.__ccSnapshotDeliveredAt, painted: window.__ccFirstRowsPaintedAt })',
    )) as { delivered: number; painted: number };
    // performance.now() 0 is the navigation start mark of the trace.
    const marks = trace.traceEvents.filter(
      (event) => event.name === 'cc-snapshot-delivered' || event.name === 'cc-first-rows-painted',
    );
    const delivered = marks.find((event) => event.name === 'cc-snapshot-delivered')?.ts;
    const painted = marks.find((event) => event.name === 'cc-first-rows-painted')?.ts;
    console.log(
      `\nrun ${run}: snapshot → first rows painted ${(times.painted - times.delivered).toFixed(1)} ms` +
        ` (trace marks ${delivered !== undefined && painted !== undefined ? ((painted - delivered) / 1000).toFixed(1) : '?'} ms)`,
    );
    if (delivered === undefined || painted === undefined) {
      console.log('  (no user-timing marks in the trace)');
      return null;
    }
    const timeline = summariseTimeline(trace.traceEvents, delivered, painted);
    const cpu = Object.values(timeline).reduce((sum, entry) => sum + entry.cpu, 0);
    console.log(
      `  timeline, CPU ms (wall ms), ${cpu.toFixed(1)} ms CPU in all: ${Object.entries(timeline)
        .sort((a, b) => b[1].cpu - a[1].cpu)
        .map(([kind, ms]) => `${kind} ${ms.cpu.toFixed(1)} (${ms.wall.toFixed(1)})`)
        .join(', ')}`,
    );
    const sampled = summariseProfile(profile, delivered, painted);
    console.log(
      `  inclusive: ${Object.entries(sampled.inclusive)
        .map(([name, ms]) => `${name} ${ms.toFixed(1)}`)
        .join(', ')}`,
    );
    if (process.argv.includes('--self')) {
      console.log('  self time by function (CPU profile, 0.1 ms samples):');
      for (const line of sampled.self) console.log(`  ${line}`);
    }
    if (traceFile) {
      writeFileSync(traceFile.replace(/\.json$/, `-${run}.json`), JSON.stringify(trace));
      writeFileSync(traceFile.replace(/\.json$/, `-${run}.cpuprofile`), JSON.stringify(profile));
    }
    return { wall: times.painted - times.delivered, cpu };
  } finally {
    await browser.close();
    await server.close();
  }
}

async function main(): Promise<void> {
  const agents = Number(option('agents', '10000'));
  const runs = Number(option('runs', '3'));
  const trace = option('trace', '') || null;
  // --init=file.js: one more script before the page's own (to try an idea without a build).
  const init = option('init', '');
  const extraInit = init ? [readFileSync(init, 'utf8')] : [];
  const figures: RunFigures[] = [];
  for (let run = 1; run <= runs; run++) {
    const result = await profileOnce(run, agents, trace, extraInit);
    if (result) figures.push(result);
  }
  const middle = (values: number[]): number =>
    [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)] ?? Number.NaN;
  console.log(
    `\nmedian of ${figures.length}: ${middle(figures.map((entry) => entry.wall)).toFixed(1)} ms wall, ` +
      `${middle(figures.map((entry) => entry.cpu)).toFixed(1)} ms main-thread CPU`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
