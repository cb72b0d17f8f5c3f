/**
 * `npm start` on a machine where the Electron binary cannot be downloaded (a proxy, no
 * internet): scripts/start.mjs runs the Electron package's own install step
 * (node_modules/electron/install.js → @electron/get) and, when it fails, prints one paragraph
 * with the fix instead of the stack trace. The settings it names are the ones @electron/get 5
 * reads (ELECTRON_MIRROR, electron_config_cache, ELECTRON_GET_USE_PROXY with HTTPS_PROXY: see
 * its README and dist/artifact-utils.js, dist/proxy.js, dist/Cache.js).
 *
 * Each case runs in a sandbox: a copy of scripts/ and of the electron package without any
 * downloaded binary, its mirror pointed at a closed local port and its cache at an empty
 * folder, so the download fails the same way on every machine and no real cache is used.
 */
import { execFile } from 'node:child_process';
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { describeElectronDownload } from '../../scripts/electron-download.mjs';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const ELECTRON = join(ROOT, 'node_modules', 'electron');
const { version } = JSON.parse(readFileSync(join(ELECTRON, 'package.json'), 'utf8')) as {
  version: string;
};

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function runNode(args: string[], env: NodeJS.ProcessEnv, cwd: string): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, args, { env, cwd, timeout: 30_000 }, (error, stdout, stderr) =>
      resolve({
        code: error ? (typeof error.code === 'number' ? error.code : 1) : 0,
        stdout,
        stderr,
      }),
    );
  });
}

/** A local port nothing listens on: connections to it are refused at once. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

let sandbox: string;
let env: NodeJS.ProcessEnv;

beforeEach(async () => {
  sandbox = mkdtempSync(join(tmpdir(), 'cc-inspector-first-run-'));
  cpSync(join(ROOT, 'scripts'), join(sandbox, 'scripts'), { recursive: true });
  const modules = join(sandbox, 'node_modules');
  // The package as npm installs it: no dist/ and no path.txt until the binary is downloaded.
  cpSync(ELECTRON, join(modules, 'electron'), {
    recursive: true,
    filter: (source) => !/[\\/]electron[\\/](dist|path\.txt)$/.test(source),
  });
  mkdirSync(join(modules, '@electron'), { recursive: true });
  symlinkSync(join(ROOT, 'node_modules', '@electron', 'get'), join(modules, '@electron', 'get'));
  symlinkSync(join(ROOT, 'node_modules', 'electron-vite'), join(modules, 'electron-vite'));
  const cache = join(sandbox, 'electron-cache');
  mkdirSync(cache);
  const { npm_lifecycle_event: _event, ...inherited } = process.env;
  env = {
    ...inherited,
    ELECTRON_MIRROR: `http://127.0.0.1:${await closedPort()}/mirror/`,
    electron_config_cache: cache,
    ELECTRON_GET_NO_PROGRESS: '1',
  };
});

afterEach(() => {
  rmSync(sandbox, { recursive: true, force: true });
});

describe('npm start when the Electron binary cannot be downloaded', () => {
  it('prints one paragraph naming ELECTRON_MIRROR, the cache and a proxy, with no stack trace, and exits 1', async () => {
    const run = await runNode([join(sandbox, 'scripts', 'start.mjs'), '--demo'], env, sandbox);

    expect(run.code).toBe(1);
    const help = run.stderr.trim();
    expect(help).toMatch(
      new RegExp(`^node scripts/start.mjs could not install Electron ${version}`),
    );
    // What failed: the file, where from, and the error of the download.
    const download = describeElectronDownload(version, { env });
    expect(help).toContain(download.fileName);
    expect(help).toContain(`ELECTRON_MIRROR=${env.ELECTRON_MIRROR}`);
    expect(help).toContain('fetch failed');
    // How to fix it, with the names exactly as @electron/get reads them.
    expect(help).toContain('set ELECTRON_MIRROR to a mirror');
    expect(help).toContain(`under which v${version}/${download.fileName} is fetched`);
    expect(help.replace(/\n/g, ' ')).toContain(download.cachePath);
    expect(help).toContain('electron_config_cache=<folder>');
    expect(help).toContain('ELECTRON_GET_USE_PROXY=1');
    expect(help).toContain('HTTPS_PROXY=');
    expect(help).toContain('npm run test:browser');
    // One paragraph, no stack trace, nothing of @electron/get's own output.
    expect(help).not.toMatch(/\n\s*\n/);
    expect(run.stderr).not.toMatch(/^\s+at /m);
    expect(run.stderr).not.toContain('node:internal');
    expect(run.stderr).not.toContain('@electron/get');
    expect(run.stdout).toContain(`Installing Electron ${version}`);
  });

  it('names the command the user ran', async () => {
    const run = await runNode(
      [join(sandbox, 'scripts', 'start.mjs')],
      { ...env, npm_lifecycle_event: 'start:live' },
      sandbox,
    );
    expect(run.code).toBe(1);
    expect(run.stderr.trim()).toMatch(/^npm run start:live could not install Electron/);
  });

  it('names the cache path @electron/get really looks in for a pre-downloaded zip', async () => {
    const download = describeElectronDownload(version, { env });
    const debugEnv = { ...env, DEBUG: '@electron/get:index' };
    const install = join(sandbox, 'node_modules', 'electron', 'install.js');

    const before = await runNode([install], debugEnv, sandbox);
    expect(before.stderr).toContain('Cache miss');

    mkdirSync(dirname(download.cachePath), { recursive: true });
    writeFileSync(download.cachePath, 'not really a zip');
    const after = await runNode([install], debugEnv, sandbox);
    // Found where we said; it then fails its checksum (it is no zip), which is what a real
    // download would have to pass too.
    expect(after.stderr).toContain('Cache hit');
    expect(after.stderr).not.toContain('Cache miss');
    expect(after.code).not.toBe(0);
  });

  it('tells a newcomer who has not run npm install to do so', async () => {
    rmSync(join(sandbox, 'node_modules'), { recursive: true, force: true });
    const run = await runNode([join(sandbox, 'scripts', 'start.mjs'), '--demo'], env, sandbox);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('Run `npm install`');
    expect(run.stderr).not.toMatch(/^\s+at /m);
  });
});
