/**
 * Figure 9 — how fast `cc-inspector` starts (issue 15): 9a the wall time of `cc-inspector
 * --help`, 9b the time from starting `cc-inspector agents` to its first request reaching a
 * gateway (a local HTTP listener that records the arrival and answers nothing more). Each is
 * measured beside its baseline in the same run, interleaved: a bare `node -e 0`, and a bare
 * `node -e` that sends one HTTP request. The built launcher (bin/cc-inspector.mjs) is run, as
 * on PATH after `npm link`.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchContext, Figure } from '../lib/bench-context';
import type { FigureRow } from '../lib/report';
import { round } from '../lib/stats';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const LAUNCHER = path.join(ROOT, 'bin/cc-inspector.mjs');
const CLEAN_ENV = {
  PATH: process.env.PATH,
  LANG: 'C',
  DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/cc-inspector-bench-bus',
};

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};

/** Wall time of a process from spawn to exit, in ms. */
function timeRun(args: string[], env: NodeJS.ProcessEnv = CLEAN_ENV): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, args, { env, stdio: 'ignore' });
    child.on('error', reject);
    child.on('close', () => resolve(performance.now() - started));
  });
}

/** A listener that reports when the first request of each run arrives. */
async function startFirstRequestProbe() {
  let arrived: (() => void) | null = null;
  const server = createServer((request, response) => {
    arrived?.();
    arrived = null;
    request.resume();
    response.destroy();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    /** ms from spawn to the first request of `args`; the process is then ended. */
    time(args: string[], env: NodeJS.ProcessEnv): Promise<number> {
      return new Promise((resolve, reject) => {
        const started = performance.now();
        const child = spawn(process.execPath, args, { env, stdio: 'ignore' });
        const timer = setTimeout(() => {
          child.kill('SIGKILL');
          reject(new Error(`no request within 10 s from ${args.join(' ')}`));
        }, 10_000);
        arrived = () => {
          clearTimeout(timer);
          resolve(performance.now() - started);
          child.kill('SIGKILL');
        };
        child.on('error', reject);
      });
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

async function runCliStartup(context: BenchContext): Promise<FigureRow[]> {
  const built = spawnSync(process.execPath, [path.join(ROOT, 'scripts/build-cli.mjs')], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  if (built.status !== 0) throw new Error(`the CLI did not build:\n${built.stderr}`);
  const samples = context.quick ? 5 : 15;
  context.log(`cli start-up: ${samples} runs each, interleaved with bare node`);
  const help: number[] = [];
  const bareNode: number[] = [];
  // One warm-up of each (file cache), not counted.
  await timeRun([LAUNCHER, '--help']);
  await timeRun(['-e', '0']);
  for (let i = 0; i < samples; i++) {
    help.push(await timeRun([LAUNCHER, '--help']));
    bareNode.push(await timeRun(['-e', '0']));
  }
  const probe = await startFirstRequestProbe();
  const firstRequest: number[] = [];
  const bareRequest: number[] = [];
  try {
    const args = [
      LAUNCHER,
      'agents',
      '--gateway',
      probe.origin,
      '--allow-insecure-http',
      '--agent',
      '291',
      '--phone',
      '70001',
      '--standalone',
    ];
    const env = { ...CLEAN_ENV, CC_INSPECTOR_PASSWORD: 'bench' };
    const bare = [
      '-e',
      `require('node:http').get(${JSON.stringify(probe.origin)}).on('error',()=>{})`,
    ];
    await probe.time(args, env);
    for (let i = 0; i < samples; i++) {
      firstRequest.push(await probe.time(args, env));
      bareRequest.push(await probe.time(bare, CLEAN_ENV));
    }
  } finally {
    await probe.close();
  }
  const details = (ours: number[], base: number[]) => ({
    samples,
    oursMs: ours.map((value) => round(value, 0)),
    baselineMs: base.map((value) => round(value, 0)),
  });
  return [
    {
      id: '9a',
      figure: '`cc-inspector --help`, start to exit (median)',
      unit: 'ms',
      ours: median(help),
      baseline: median(bareNode),
      baselineLabel: 'bare `node -e 0`',
      target: 300,
      targetOn: 'ours',
      details: details(help, bareNode),
      note: `overhead over bare node ${round(median(help) - median(bareNode), 0)} ms`,
    },
    {
      id: '9b',
      figure: '`cc-inspector agents`: start to its first request at the gateway (median)',
      unit: 'ms',
      ours: median(firstRequest),
      baseline: median(bareRequest),
      baselineLabel: 'bare `node -e` sending one HTTP request',
      target: 600,
      targetOn: 'ours',
      details: details(firstRequest, bareRequest),
      note: `overhead over bare node ${round(median(firstRequest) - median(bareRequest), 0)} ms`,
    },
  ];
}

export const cliStartupFigure: Figure = { name: 'cli-startup', run: runCliStartup };
