/**
 * Runs the BUILT command line (`node bin/cc-inspector.mjs …`) for the cli-*.test.ts suites.
 * The bundle is rebuilt first only when out/cli/index.js is missing or older than a source
 * file; a lock directory keeps parallel test files from building at the same time.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { waitFor } from '../support/wait-for';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BUNDLE = join(ROOT, 'out/cli/index.js');
const LAUNCHER = join(ROOT, 'bin/cc-inspector.mjs');
const LOCK = join(ROOT, 'out/.cli-build.lock');
/** Everything the CLI bundle is made of (the renderer and the desktop shell are not). */
const SOURCES = [
  'src/cli',
  'src/main/control',
  'src/main/gateway',
  'src/main/credentials',
  'src/main/supervisor',
  'src/main/policy',
  'src/main/diagnostics',
  'src/shared',
  'src/simulator',
  'vite.cli.config.ts',
  'package.json',
];

function newestSourceTime(path: string): number {
  const stats = statSync(path, { throwIfNoEntry: false });
  if (!stats) return 0;
  if (!stats.isDirectory()) return stats.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newestSourceTime(join(path, name))));
}

function bundleIsFresh(): boolean {
  const built = statSync(BUNDLE, { throwIfNoEntry: false })?.mtimeMs ?? 0;
  return built > Math.max(...SOURCES.map((source) => newestSourceTime(join(ROOT, source))));
}

function takeLock(): boolean {
  try {
    mkdirSync(join(ROOT, 'out'), { recursive: true });
    mkdirSync(LOCK);
    return true;
  } catch {
    // A lock left by a crashed run is ignored after two minutes.
    const age = Date.now() - (statSync(LOCK, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
    if (age > 120_000) rmSync(LOCK, { recursive: true, force: true });
    return false;
  }
}

/** Builds the CLI bundle with vite unless it is up to date. */
export async function ensureCliBuilt(): Promise<void> {
  // Either the bundle is fresh, or this file takes the lock and builds it, or another test
  // file holds the lock and this one waits for its build.
  await waitFor(
    async () => {
      if (bundleIsFresh()) return true;
      if (!takeLock()) return false;
      try {
        if (!bundleIsFresh()) await runBuild();
      } finally {
        rmSync(LOCK, { recursive: true, force: true });
      }
      return true;
    },
    { what: 'another test file to build the CLI', timeoutMs: 90_000, intervalMs: 100 },
  );
}

function runBuild(): Promise<void> {
  return new Promise((resolve, reject) => {
    const build = spawn(
      process.execPath,
      [
        join(ROOT, 'node_modules/vite/bin/vite.js'),
        'build',
        '--config',
        'vite.cli.config.ts',
        '--logLevel',
        'error',
      ],
      { cwd: ROOT },
    );
    let output = '';
    build.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    build.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    build.on('error', reject);
    build.on('close', (code) =>
      code === 0
        ? resolve()
        : reject(new Error(`vite build of the CLI failed (${code}):\n${output}`)),
    );
  });
}

export interface CliRun {
  code: number | null;
  /** The signal that ended the process, if one did. */
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Environment of every run: no inherited CC_INSPECTOR_* settings, no keychain, English. */
function cleanEnvironment(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    LANG: 'C',
    DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/cc-inspector-test-bus',
  };
  return { ...env, ...extra };
}

/** Runs the command to its end with `input` on stdin. */
export function runCommand(
  args: readonly string[],
  options: { input?: string; env?: Record<string, string>; timeoutMs?: number } = {},
): Promise<CliRun> {
  const child = startCommand(args, options.env);
  child.stdin.end(options.input ?? '');
  return collect(child, options.timeoutMs ?? 15_000);
}

/** Starts the command and leaves stdin open (simulator, session, --hold). */
export function startCommand(
  args: readonly string[],
  env: Record<string, string> = {},
): ChildProcessWithoutNullStreams {
  return spawn(process.execPath, [LAUNCHER, ...args], { cwd: ROOT, env: cleanEnvironment(env) });
}

/** Waits for the process to end, with everything it printed. */
export function collect(
  child: ChildProcessWithoutNullStreams,
  timeoutMs = 15_000,
): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(
        new Error(
          `cc-inspector did not end within ${timeoutMs} ms.\nstdout: ${stdout}\nstderr: ${stderr}`,
        ),
      );
    }, timeoutMs);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
  });
}

/** The first stdout line of a running command (e.g. the simulator's startup JSON). */
export function readFirstLine(
  child: ChildProcessWithoutNullStreams,
  timeoutMs = 15_000,
): Promise<string> {
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout });
    const timer = setTimeout(() => reject(new Error('no first line in time')), timeoutMs);
    lines.once('line', (line) => {
      clearTimeout(timer);
      lines.close();
      resolve(line);
    });
    child.once('close', (code) => reject(new Error(`ended (${code}) before printing a line`)));
  });
}

/** Parses stdout as one JSON object per line. */
export function readJsonLines(stdout: string): Array<Record<string, unknown>> {
  return stdout
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}
