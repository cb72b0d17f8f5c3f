/**
 * Figure 6 and `cpu-per-1k-events` — the soak, in a child process of its own (soak-child.ts)
 * so the heap and the CPU time are the core's alone. The real core, signed in to an in-memory
 * gateway (no network, no hold), takes QC_AgentState_Notify events as fast as its poll loop
 * can: each passes the client's request runner and decoding, the poller, the roster sync, the
 * roster store, alerts, insight and coaching, and the delta flush to a subscriber.
 * - 6: heap used after full GCs, after 1,000,000 events (quick: 100,000) vs the start.
 * - cpu-per-1k-events: process CPU time (user + system, all threads) per 1,000 of those
 *   events. Baseline: a bare reader of the same in-memory gateway (fetch, text, JSON.parse).
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { BenchContext, Figure } from '../lib/bench-context';
import type { FigureRow } from '../lib/report';
import { round } from '../lib/stats';

const EVENTS = { quick: 100_000, full: 1_000_000 };
const BARE_EVENTS = { quick: 50_000, full: 200_000 };
const CHILD = fileURLToPath(new URL('../lib/soak-child.ts', import.meta.url));
const ROOT = fileURLToPath(new URL('../..', import.meta.url));

interface SoakReport {
  failure?: string;
  core: {
    events: number;
    seconds: number;
    cpuMs: number;
    heapStart: number;
    heapEnd: number;
    rssStart: number;
    rssEnd: number;
    deltas: number;
    rowsDelivered: number;
    rosterSize: number;
    syncMode: string;
  };
  bare: { events: number; cpuMs: number; seconds: number };
  /** The stand-in gateway alone: the same events fetched and read, not parsed. */
  standIn: { events: number; cpuMs: number; seconds: number };
}

/** Run the soak child; resolves with its report line. */
function runChild(events: number, bareEvents: number): Promise<SoakReport> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--expose-gc', '--import', 'tsx', CHILD, `--events=${events}`, `--bare=${bareEvents}`],
      { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let output = '';
    let errors = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => {
      const line = output.split('\n').find((entry) => entry.startsWith('SOAK-REPORT '));
      if (!line) {
        reject(
          new Error(`the soak child exited (${code}) without a report: ${errors.slice(-2000)}`),
        );
        return;
      }
      const report = JSON.parse(line.slice('SOAK-REPORT '.length)) as SoakReport;
      if (report.failure) reject(new Error(`the soak child failed: ${report.failure}`));
      else resolve(report);
    });
  });
}

async function runSoak(context: BenchContext): Promise<FigureRow[]> {
  const events = context.quick ? EVENTS.quick : EVENTS.full;
  const bareEvents = context.quick ? BARE_EVENTS.quick : BARE_EVENTS.full;
  context.log(`soak: ${events.toLocaleString('en')} events in a child process`);
  const report = await runChild(events, bareEvents);
  const { core, bare } = report;
  const mb = (bytes: number): number => round(bytes / 1024 ** 2, 2);
  const growthMb = (core.heapEnd - core.heapStart) / 1024 ** 2;
  const eventsPerSecond = Math.round(core.events / core.seconds);
  const cpuPer1k = (core.cpuMs / core.events) * 1000;
  const bareCpuPer1k = (bare.cpuMs / bare.events) * 1000;
  const standInCpuPer1k = (report.standIn.cpuMs / report.standIn.events) * 1000;
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
        seconds: round(core.seconds, 1),
        eventsPerSecond,
        heapStartMb: mb(core.heapStart),
        heapEndMb: mb(core.heapEnd),
        rssStartMb: mb(core.rssStart),
        rssEndMb: mb(core.rssEnd),
        deltas: core.deltas,
        rowsDelivered: core.rowsDelivered,
        rosterSize: core.rosterSize,
        syncMode: core.syncMode,
      },
      note: `heap ${round(core.heapStart / 1024 ** 2, 1)} → ${round(core.heapEnd / 1024 ** 2, 1)} MB; ${eventsPerSecond.toLocaleString('en')} events/s through the core (own process), ${core.deltas} deltas`,
    },
    {
      id: 'cpu-per-1k-events',
      figure: 'Main-process CPU time per 1,000 roster events (decode → sync → store → delta)',
      unit: 'ms',
      ours: cpuPer1k,
      baseline: bareCpuPer1k,
      baselineLabel: 'bare read + JSON.parse of the same events',
      target: 15,
      targetOn: 'ours',
      details: {
        events: core.events,
        cpuMs: round(core.cpuMs, 0),
        seconds: round(core.seconds, 2),
        eventsPerSecond,
        bareEvents: bare.events,
        bareCpuMs: round(bare.cpuMs, 0),
        // The stand-in gateway's own work per 1,000 events (inside both figures above), and
        // the core's own work: what it adds to the bare reader.
        standInCpuPer1k: round(standInCpuPer1k, 2),
        coreOverBarePer1k: round(cpuPer1k - bareCpuPer1k, 2),
      },
      note: `${round(core.cpuMs / 1000, 2)} s CPU for ${core.events.toLocaleString('en')} events (user + system, every thread of the soak process, the in-memory gateway's own work included: ${round(standInCpuPer1k, 2)} ms per 1,000 alone); the bare reader ${round(bareCpuPer1k, 2)} ms per 1,000, the core ${round(cpuPer1k - bareCpuPer1k, 2)} ms more`,
    },
  ];
}

export const soakFigure: Figure = { name: 'soak', run: runSoak };
