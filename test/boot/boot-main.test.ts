/**
 * Boot test of the BUILT app: out/main/index.js runs in a child Node process under the Electron
 * fake (a loader hook resolves `electron` to it), starts demo mode with the simulator
 * in-process, and is driven like Electron and the page would drive it. The child prints one
 * report; this suite asserts on it. The bundle is rebuilt first when missing or older than
 * the sources.
 */
import { HOTKEY_ACTIONS } from '../../src/shared/domain';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMAND_NAMES, commandChannel } from '../../src/shared/ipc/contract';

const root = fileURLToPath(new URL('../..', import.meta.url));
const BUILT = ['out/main/index.js', 'out/preload/index.cjs', 'out/renderer/index.html'];
const SOURCES = ['src/main', 'src/preload', 'src/shared', 'src/simulator', 'src/renderer'];

function newestSourceTime(folder: string): number {
  let newest = 0;
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSourceTime(path));
    else if (!entry.name.includes('.test.')) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

/** Build with electron-vite when an output is missing or older than any source. */
function ensureBuilt(): void {
  const outputs = BUILT.map((file) => join(root, file));
  const sourcesChanged = Math.max(...SOURCES.map((folder) => newestSourceTime(join(root, folder))));
  if (outputs.every((file) => existsSync(file) && statSync(file).mtimeMs >= sourcesChanged)) return;
  const build = spawnSync(
    process.execPath,
    [join(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'],
    {
      cwd: root,
      encoding: 'utf8',
      timeout: 120_000,
    },
  );
  if (build.status !== 0)
    throw new Error(`electron-vite build failed:\n${build.stdout}\n${build.stderr}`);
}

interface BootReport {
  failure?: string;
  [key: string]: unknown;
}

/** Run the child and return its report (and its output, for failure messages). */
function runBootChild(
  home: string,
  extraArgs: string[] = [],
  extraEnv: Record<string, string> = {},
): Promise<{ report: BootReport; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        '--import',
        './test/boot/register-electron-stand-in.mjs',
        'test/boot/boot-child.ts',
        '--demo',
        ...extraArgs,
      ],
      {
        cwd: root,
        env: {
          ...process.env,
          ELECTRON_FAKE_HOME: home,
          ELECTRON_FAKE_APP_PATH: root,
          ELECTRON_RENDERER_URL: '',
          XDG_SESSION_TYPE: 'x11',
          WAYLAND_DISPLAY: '',
          ...extraEnv,
        },
      },
    );
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 45_000);
    child.on('error', reject);
    child.on('close', () => {
      clearTimeout(timer);
      const line = output.split('\n').find((text) => text.startsWith('BOOT-REPORT '));
      if (!line) return reject(new Error(`the boot child printed no report:\n${output}`));
      resolve({ report: JSON.parse(line.slice('BOOT-REPORT '.length)) as BootReport, output });
    });
  });
}

describe('boot of the built main bundle (demo mode, Electron fake)', () => {
  let home: string;
  let sessionEndHome: string;
  let report: BootReport;
  let output: string;
  let sessionEnd: { report: BootReport; output: string };

  beforeAll(async () => {
    ensureBuilt();
    home = mkdtempSync(join(tmpdir(), 'cc-boot-'));
    sessionEndHome = mkdtempSync(join(tmpdir(), 'cc-boot-end-'));
    // Two runs at once: quitting on X11, and a Wayland session that Windows-style ends.
    [{ report, output }, sessionEnd] = await Promise.all([
      runBootChild(home),
      runBootChild(sessionEndHome, ['--end=session-end'], { XDG_SESSION_TYPE: 'wayland' }),
    ]);
  }, 180_000);
  afterAll(() => {
    rmSync(home, { recursive: true, force: true });
    rmSync(sessionEndHome, { recursive: true, force: true });
  });

  it('starts without failing', () => {
    expect(report.failure, output).toBeUndefined();
  });

  it('loads the keychain binding on first use, so a build without it still starts', () => {
    // A static import of @napi-rs/keyring runs its loader before any window; without the
    // target's binary package it throws "Cannot find native binding" and the app never starts.
    const bundle = readFileSync(join(root, 'out/main/index.js'), 'utf8');
    expect(bundle).not.toMatch(/^\s*import\b[^;]*["']@napi-rs\/keyring["']/m);
    expect(bundle).not.toMatch(/\bimport\(\s*["']@napi-rs\/keyring["']\s*\)/);
    expect(bundle).toContain('createRequire(import.meta.url)');
  });

  it('takes the single-instance lock and creates one hardened window showing our page', () => {
    expect(report.singleInstanceLockRequested).toBe(true);
    expect(report.windowCount).toBe(1);
    expect(report.webPreferences).toMatchObject({
      preload: join(root, 'out/preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
    });
    // Issue 9: the page comes from the app's own scheme, never file://.
    expect(report.loadedUrl).toBe('app://cc-inspector/index.html');
    expect(report.navigationAllowed).toBe(false);
    expect(report.windowOpen).toBe('deny');
    expect(report.mediaPermission).toBe(false);
    expect(report.cspHeaderListener).toBe(1);
  });

  it('binds every contract command', () => {
    expect(report.handlers).toEqual(COMMAND_NAMES.map(commandChannel).sort());
  });

  it('builds the tray with a real icon and registers every default hotkey', () => {
    expect(report.tray).toMatchObject({
      count: 1,
      image: join(root, 'resources/tray/idle.png'),
      imageEmpty: false,
    });
    expect((report.tray as { tooltip: string }).tooltip).toMatch(
      /^CC Inspector — Idle · inspector \d+ \(demo\)(\nLongest call: .+ — ≥?\d+:\d\d)?$/,
    );
    expect((report.tray as { menu: string[] }).menu).toEqual(
      expect.arrayContaining(['Sign out', 'Open CC Inspector', 'Quit CC Inspector']),
    );
    expect(report.hotkeys).toBe(HOTKEY_ACTIONS.length);
  });

  it('keeps the tray menu while it is shown and applies the change once it closes', () => {
    // macOS closes a shown tray menu that is replaced (electron/electron#4801, #10951).
    expect(report.trayWhileShown).toMatchObject({ listenOk: true, menuReplaced: false });
    expect((report.trayWhileShown as { tooltip: string }).tooltip).toMatch(
      /— Listening to .+ · \d\d:\d\d/,
    );
    expect(report.trayAfterClose).toEqual(expect.arrayContaining(['Leave the call']));
  });

  it('gives Windows the executable as AppUserModelId in development, and the portal only on Wayland', () => {
    // Unpackaged, Windows shows toasts only for electron.exe's own id (no Start-menu shortcut).
    expect(report.appUserModelId).toBe(process.execPath);
    expect(report.enableFeatures).toBe('');
    expect(sessionEnd.report.enableFeatures, sessionEnd.output).toBe('GlobalShortcutsPortal');
  });

  it('signs out when Windows ends the session, without waiting for a before-quit', () => {
    // Electron's app docs: on Windows `before-quit` is not emitted when the session ends
    // (shutdown, restart, log-off); BrowserWindow's `session-end` is. The sign-out starts there.
    expect(sessionEnd.report.failure, sessionEnd.output).toBeUndefined();
    const logout = (requests: unknown) =>
      (requests as string[]).findIndex((request) =>
        /^DELETE onlineagent\/\d+\/logout$/.test(request),
      );
    const atEnd = logout(sessionEnd.report.gatewayRequests);
    expect(atEnd).toBeGreaterThanOrEqual(0);
    expect(atEnd).toBeLessThan(sessionEnd.report.requestsAtBeforeQuit as number);
    // Quitting normally, the sign-out is what before-quit starts.
    expect(logout(report.gatewayRequests)).toBeGreaterThanOrEqual(
      report.requestsAtBeforeQuit as number,
    );
    expect(sessionEnd.report.afterQuit).toEqual({
      hotkeys: 0,
      trayDestroyed: true,
      handlers: 0,
      windowDestroyed: true,
    });
  });

  it('runs the simulator in-process and signs in to it over TLS through the gateway session', () => {
    expect(report.liveConnection).toMatchObject({ phase: 'live', demo: true });
    expect((report.liveConnection as { gatewayUrl: string }).gatewayUrl).toMatch(
      /^https:\/\/127\.0\.0\.1:\d+\//,
    );
    expect(report.gatewayVerifyProcInstalled).toBe(true);
    expect(report.gatewayPartitionFetches).toBeGreaterThan(2);
    // One in-memory session per trust configuration, never a persistent one.
    expect(report.gatewayPartitions).toEqual([expect.stringMatching(/^gateway-trust-[0-9a-f]+$/)]);
    expect(report.eventChannels).toEqual(
      expect.arrayContaining(['inspector:evt:connection.changed', 'inspector:evt:roster.delta']),
    );
  });

  it('answers app.getSnapshot end to end with the live roster', () => {
    expect(report.snapshot).toMatchObject({
      ok: true,
      connection: { phase: 'live' },
      rosterSize: 40,
    });
    expect((report.snapshot as { firstAgent: { workNo: string } }).firstAgent.workNo).toMatch(
      /^\d{3,6}$/,
    );
  });

  it('refuses an iframe and a bad payload with typed errors', () => {
    expect(report.fromIframe).toBe('forbidden-sender');
    expect(report.badPayload).toMatchObject({
      ok: false,
      error: { code: 'invalid-argument', field: 'workNo' },
    });
  });

  it('ships a preload that requires only electron and exposes exactly invoke and on, which reach the core', () => {
    expect(report.preloadRequired).toEqual(['electron']);
    expect(report.preloadKeys).toEqual(['invoke', 'on']);
    expect(report.preloadSnapshotOk).toBe(true);
  });

  it('signs out on quit and releases hotkeys, tray, IPC handlers and the window', () => {
    expect(report.afterQuit).toEqual({
      hotkeys: 0,
      trayDestroyed: true,
      handlers: 0,
      windowDestroyed: true,
    });
    const requests = report.gatewayRequests as string[];
    expect(requests[0]).toMatch(/^PUT onlineagent\/\d+$/);
    expect(requests).toContainEqual(expect.stringMatching(/^DELETE onlineagent\/\d+\/logout$/));
  });

  it('opens the read-only wallboard on wallboard.open: full screen, #wallboard, events, reads only', () => {
    expect(report.wallboard).toMatchObject({
      opened: true,
      windows: 2,
      fullscreen: true,
      hash: '#wallboard',
      snapshotFromWallboard: true,
      listenFromWallboard: 'forbidden-sender',
      eventsToWallboard: true,
    });
  });

  it('writes a log and a settings file without secrets', () => {
    const log = report.logFile as string;
    expect(log).toContain('started');
    expect(log).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i);
    expect(log).not.toMatch(/password['":= ]+[^\s[]/i);
    const settings = JSON.parse(report.settingsFile as string) as Record<string, unknown>;
    expect(Object.keys(settings).sort()).toEqual(
      [
        'alerts',
        'coaching',
        'confirmDestructive',
        'demoMode',
        'gateway',
        'hotkeys',
        'insight',
        'language',
        'schemaVersion',
        'theme',
        'window',
      ].sort(),
    );
    expect(report.settingsFile).not.toMatch(/password|guid/i);
  });
});

/** Run the launch child (see launch-child.ts) and return its report. */
function runLaunchChild(
  home: string,
  mode: 'debug-switch' | 'configured',
  extraArgs: string[],
  env: Record<string, string>,
): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        '--import',
        './test/boot/register-electron-stand-in.mjs',
        'test/boot/launch-child.ts',
        mode,
        ...extraArgs,
      ],
      {
        cwd: root,
        env: {
          ...process.env,
          ELECTRON_FAKE_HOME: home,
          ELECTRON_FAKE_APP_PATH: root,
          ELECTRON_RENDERER_URL: '',
          DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/cc-inspector-test-bus',
          ...env,
        },
      },
    );
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 45_000);
    child.on('error', reject);
    child.on('close', () => {
      clearTimeout(timer);
      const line = output.split('\n').find((text) => text.startsWith('LAUNCH-REPORT '));
      if (!line) return reject(new Error(`the launch child printed no report:\n${output}`));
      resolve(JSON.parse(line.slice('LAUNCH-REPORT '.length)) as Record<string, unknown>);
    });
  });
}

describe('launch of the built main bundle (issue 9)', () => {
  let home: string;
  beforeAll(() => {
    ensureBuilt();
    home = mkdtempSync(join(tmpdir(), 'cc-launch-'));
  }, 180_000);
  afterAll(() => rmSync(home, { recursive: true, force: true }));

  for (const flag of [
    '--remote-debugging-port=9222',
    '--remote-debugging-pipe',
    '--inspect=9229',
  ]) {
    it(`a packaged build exits at once when launched with ${flag}`, async () => {
      const report = await runLaunchChild(home, 'debug-switch', [flag], {
        ELECTRON_FAKE_PACKAGED: '1',
      });
      expect(report.failure).toBeUndefined();
      expect(report).toMatchObject({
        exitCode: 1,
        windows: 0,
        singleInstanceLockRequested: false,
        handlers: 0,
        privilegedSchemes: [],
      });
    });
  }

  it('an unpackaged (development) build keeps the debugging switch', async () => {
    const report = await runLaunchChild(home, 'debug-switch', ['--remote-debugging-port=9222'], {});
    expect(report.exitCode).toBeNull();
    expect(report.singleInstanceLockRequested).toBe(true);
    expect(report.privilegedSchemes).toEqual(['app']);
  });

  it('without demo mode, patches no global for the demo certificates and serves the page from app://', async () => {
    const report = await runLaunchChild(home, 'configured', [], {});
    expect(report.failure).toBeUndefined();
    expect(report.reflectMetadataBefore).toBe('undefined');
    expect(report.reflectMetadataAfter).toBe('undefined');
    expect(report.loadedUrl).toBe('app://cc-inspector/index.html');
    expect(report.page).toMatchObject({ status: 200, hasRoot: true });
    expect((report.page as { csp: string }).csp).toMatch(/default-src 'self'/);
    expect(report.escape).toBe(404);
  });
});
