/**
 * Issue 16, end to end against a local update server: the real electron-updater (6.8) behind
 * our UpdaterPort, running on the Electron fake — its ElectronAppAdapter over the fake `app`,
 * its ElectronHttpExecutor over the fake `net.request` (Node http underneath). The server
 * serves latest.yml / beta.yml as electron-builder writes them (version, files with sha512 and
 * size, stagingPercentage: https://www.electron.build/auto-update) and the installer.
 *
 * What cannot run here: installing (quitAndInstall starts the NSIS installer), the Windows
 * Authenticode check (PowerShell; it runs only when app-update.yml names a publisherName), and
 * macOS (Squirrel.Mac through Electron's native autoUpdater).
 */
import '../support/fakes/electron-require';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import electronUpdater from 'electron-updater';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { app, netRequests, resetElectronFake } from '../support/fakes/electron';
import { createElectronUpdaterPort } from '../../src/main/desktop/updates/electron-updater-port';
import { silentLogger } from '../../src/main/node/node-ports';

const INSTALLER = 'CC-Inspector-Setup-0.2.0.exe';
const PAYLOAD = Buffer.from('MZ… the installer of CC Inspector 0.2.0 …'.repeat(2_000));
const sha512 = (bytes: Buffer) => createHash('sha512').update(bytes).digest('base64');

interface ServerScript {
  version: string;
  stagingPercentage?: number;
  /** Serve other bytes than latest.yml's sha512 describes. */
  tampered?: boolean;
}

let server: Server;
let baseUrl: string;
let script: ServerScript = { version: '0.2.0' };
const served: string[] = [];
let home: string;

function manifest(): string {
  return [
    `version: ${script.version}`,
    'files:',
    `  - url: ${INSTALLER}`,
    `    sha512: ${sha512(PAYLOAD)}`,
    `    size: ${PAYLOAD.length}`,
    `path: ${INSTALLER}`,
    `sha512: ${sha512(PAYLOAD)}`,
    "releaseDate: '2026-01-02T03:04:05.000Z'",
    ...(script.stagingPercentage === undefined
      ? []
      : [`stagingPercentage: ${script.stagingPercentage}`]),
    '',
  ].join('\n');
}

beforeAll(async () => {
  server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    served.push(path);
    if (/^\/(latest|beta)(-linux|-mac)?\.yml$/.test(path)) {
      response.writeHead(200, { 'content-type': 'text/yaml' });
      response.end(manifest());
    } else if (path === `/${INSTALLER}`) {
      const body = script.tampered ? Buffer.from(PAYLOAD).fill(0x41, 0, 16) : PAYLOAD;
      response.writeHead(200, { 'content-length': String(body.length) });
      response.end(body);
    } else {
      response.writeHead(404);
      response.end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

let previousCache: string | undefined;
function newPort(channel: 'stable' | 'beta' = 'stable') {
  resetElectronFake();
  home = mkdtempSync(join(tmpdir(), 'cc-updates-'));
  app.setPath('userData', join(home, 'userData'));
  // electron-updater keeps downloads in the OS cache folder (XDG_CACHE_HOME on Linux).
  previousCache = process.env.XDG_CACHE_HOME;
  process.env.XDG_CACHE_HOME = join(home, 'cache');
  app.isPackaged = true;
  // What electron-builder writes into resources/app-update.yml (electron-builder.yml publish).
  const config = join(home, 'app-update.yml');
  writeFileSync(
    config,
    'provider: github\nowner: example\nrepo: example\nupdaterCacheDirName: cc-inspector-updater\n',
  );
  const updater = new electronUpdater.NsisUpdater();
  updater.updateConfigPath = config;
  const port = createElectronUpdaterPort({
    updater,
    feed: { kind: 'policy', url: baseUrl },
    logger: silentLogger,
  });
  port.setChannel(channel);
  return port;
}

afterEach(() => {
  app.isPackaged = false;
  if (previousCache === undefined) delete process.env.XDG_CACHE_HOME;
  else process.env.XDG_CACHE_HOME = previousCache;
  rmSync(home, { recursive: true, force: true });
  served.length = 0;
  script = { version: '0.2.0' };
});

function downloaded(): Buffer | null {
  const folder = join(home, 'cache', 'cc-inspector-updater', 'pending');
  const name = readdirSync(folder).find((file) => file.endsWith('.exe'));
  return name ? readFileSync(join(folder, name)) : null;
}

describe('electron-updater behind the UpdaterPort, against a local update server', () => {
  it('finds a newer version in latest.yml and downloads it, verified by sha512, with progress', async () => {
    const port = newPort();
    expect(port.currentVersion).toBe('0.1.0');
    expect(await port.check()).toEqual({ version: '0.2.0' });
    const progress: number[] = [];
    await port.download((percent) => progress.push(percent));
    expect(downloaded()?.equals(PAYLOAD)).toBe(true);
    expect(progress.at(-1)).toBe(100);
    expect(served.some((path) => /^\/latest(-linux|-mac)?\.yml$/.test(path))).toBe(true);
    expect(served).toContain(`/${INSTALLER}`);
    // It went through Electron's net.request (the fake's), in the updater's own session.
    expect(netRequests.some((request) => request.path?.endsWith(INSTALLER))).toBe(true);
  });

  it('refuses a file whose sha512 differs from latest.yml', async () => {
    script = { version: '0.2.0', tampered: true };
    const port = newPort();
    expect(await port.check()).toEqual({ version: '0.2.0' });
    await expect(port.download(() => undefined)).rejects.toThrow(/sha512 checksum mismatch/);
  });

  it('says "up to date" for the running version, and outside a 0 % staged rollout', async () => {
    script = { version: '0.1.0' };
    expect(await newPort().check()).toBeNull();
    script = { version: '0.2.0', stagingPercentage: 0 };
    expect(await newPort().check()).toBeNull();
    script = { version: '0.2.0', stagingPercentage: 100 };
    expect(await newPort().check()).toEqual({ version: '0.2.0' });
  });

  it('asks for beta.yml on the beta channel', async () => {
    const port = newPort('beta');
    await port.check();
    expect(served.some((path) => /^\/beta(-linux|-mac)?\.yml$/.test(path))).toBe(true);
  });

  it('fails (for the core to retry quietly) when the server is not there', async () => {
    const port = newPort();
    const dead = createServer();
    await new Promise<void>((resolve) => dead.listen(0, '127.0.0.1', resolve));
    const deadUrl = `http://127.0.0.1:${(dead.address() as AddressInfo).port}/`;
    await new Promise<void>((resolve) => dead.close(() => resolve()));
    const offline = createElectronUpdaterPort({
      updater: new electronUpdater.NsisUpdater(),
      feed: { kind: 'policy', url: deadUrl },
      logger: silentLogger,
    });
    expect(port.feed).toBe('policy');
    await expect(offline.check()).rejects.toThrow(/ECONNREFUSED/);
  });
});
