/**
 * Child process of the boot test: loads the BUILT main bundle (out/main/index.js) under the
 * Electron fake, lets it start in demo mode (the simulator in-process), drives it the way
 * Electron and the page would, quits it, and prints one `BOOT-REPORT <json>` line.
 *
 * Run: node --import ./test/boot/register-electron-stand-in.mjs test/boot/boot-child.ts --demo
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { runInNewContext } from 'node:vm';
import type * as ElectronFake from '../support/fakes/electron';

type Fake = typeof ElectronFake;
type Result = { ok: boolean; value?: Record<string, unknown>; error?: { code: string } };

const root = fileURLToPath(new URL('../..', import.meta.url));
const report: Record<string, unknown> = {};

async function waitFor(label: string, condition: () => boolean, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${label}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Run the built preload as a sandboxed renderer would: only `electron` may be required. */
function loadPreloadBundle(
  fake: Fake,
  event: unknown,
): { api: Record<string, unknown>; required: string[] } {
  const required: string[] = [];
  const exposed = new Map<string, unknown>();
  fake.ipcRenderer.senderEvent = event;
  const rendererElectron = {
    contextBridge: { exposeInMainWorld: (key: string, api: unknown) => exposed.set(key, api) },
    ipcRenderer: fake.ipcRenderer,
  };
  const module = { exports: {} };
  runInNewContext(readFileSync(join(root, 'out/preload/index.cjs'), 'utf8'), {
    require: (name: string) => {
      required.push(name);
      if (name === 'electron') return rendererElectron;
      throw new Error(`the preload may not require ${name}`);
    },
    module,
    exports: module.exports,
  });
  return { api: exposed.get('inspector') as Record<string, unknown>, required };
}

async function main(): Promise<void> {
  const fake = (await import('electron')) as unknown as Fake;
  await import('../support/fakes/electron-require');
  await import(pathToFileURL(join(root, 'out/main/index.js')).href);

  await waitFor('the main window', () => fake.BrowserWindow.getAllWindows().length === 1);
  const window = fake.BrowserWindow.getAllWindows()[0] as ElectronFake.FakeBrowserWindow;
  const contents = window.webContents;
  const liveEvent = () =>
    contents.sent.find(
      (entry) =>
        entry.channel === 'inspector:evt:connection.changed' &&
        (entry.args[0] as { phase?: string }).phase === 'live',
    );
  await waitFor('a live demo session', () => liveEvent() !== undefined);
  await waitFor('the window to show', () => window.isVisible());
  await waitFor('the first roster', () =>
    contents.sent.some((entry) => entry.channel === 'inspector:evt:roster.delta'),
  );

  report.singleInstanceLockRequested = fake.app.singleInstanceLockRequested;
  report.windowCount = fake.BrowserWindow.created.length;
  report.webPreferences = (window.options as { webPreferences: unknown }).webPreferences;
  report.loadedUrl = contents.getURL();
  report.navigationAllowed = contents.attemptNavigation('https://example.com/');
  report.windowOpen = contents.attemptWindowOpen('https://example.com/');
  report.mediaPermission = await contents.requestPermission('media');
  report.cspHeaderListener = fake.session.defaultSession.headersListeners.length;
  report.handlers = [...fake.ipcMain.handlers.keys()]
    .filter((channel) => channel.startsWith('inspector:'))
    .sort();
  report.liveConnection = liveEvent()?.args[0];
  report.eventChannels = [...new Set(contents.sent.map((entry) => entry.channel))].sort();

  const tray = fake.Tray.instances[0];
  report.tray = {
    count: fake.Tray.instances.length,
    tooltip: tray?.tooltip,
    image: (tray?.image as ElectronFake.FakeNativeImage | undefined)?.path,
    imageEmpty: (tray?.image as ElectronFake.FakeNativeImage | undefined)?.isEmpty(),
    menu: tray?.contextMenu?.items.map((item) => item.label ?? item.type),
  };
  report.hotkeys = fake.globalShortcut.registered.size;
  report.gatewayPartitionFetches = fake.session.fromPartition('persist:gateway').fetchLog.length;
  report.gatewayVerifyProcInstalled =
    fake.session.fromPartition('persist:gateway').certificateVerifyProc !== null;

  const trusted = { sender: contents, senderFrame: contents.mainFrame };
  const snapshot = (await fake.ipcMain.invoke(
    'inspector:cmd:app.getSnapshot',
    trusted,
    {},
  )) as Result;
  const value = snapshot.value ?? {};
  report.snapshot = {
    ok: snapshot.ok,
    connection: value.connection,
    rosterSize: Array.isArray(value.roster) ? value.roster.length : null,
    firstAgent: Array.isArray(value.roster) ? value.roster[0] : null,
  };
  const iframe = contents.mainFrame.addChildFrame(contents.getURL());
  report.fromIframe = (
    (await fake.ipcMain.invoke(
      'inspector:cmd:app.getSnapshot',
      { sender: contents, senderFrame: iframe },
      {},
    )) as Result
  ).error?.code;
  report.badPayload = await fake.ipcMain.invoke('inspector:cmd:inspection.listen', trusted, {
    workNo: 'x',
  });

  // The wallboard: opened through the contract as the window's button does.
  const opened = (await fake.ipcMain.invoke('inspector:cmd:wallboard.open', trusted, {})) as Result;
  await waitFor('the wallboard window', () => fake.BrowserWindow.getAllWindows().length === 2);
  const board = fake.BrowserWindow.getAllWindows()[1] as ElectronFake.FakeBrowserWindow;
  await waitFor('the wallboard page', () => board.webContents.getURL() !== '');
  const fromBoard = { sender: board.webContents, senderFrame: board.webContents.mainFrame };
  const boardSnapshot = (await fake.ipcMain.invoke(
    'inspector:cmd:app.getSnapshot',
    fromBoard,
    {},
  )) as Result;
  const boardListen = (await fake.ipcMain.invoke('inspector:cmd:inspection.listen', fromBoard, {
    workNo: '1001',
  })) as Result;
  await waitFor(
    'live figures on the wallboard',
    () => board.webContents.sent.some((entry) => entry.channel === 'inspector:evt:stats.changed'),
    15_000,
  );
  report.wallboard = {
    opened: opened.ok,
    windows: fake.BrowserWindow.getAllWindows().length,
    fullscreen: (board.options as { fullscreen?: boolean }).fullscreen,
    hash: new URL(board.webContents.getURL()).hash,
    snapshotFromWallboard: boardSnapshot.ok,
    listenFromWallboard: boardListen.error?.code,
    eventsToWallboard: true,
  };

  const preload = loadPreloadBundle(fake, trusted);
  report.preloadRequired = preload.required;
  report.preloadKeys = Object.keys(preload.api).sort();
  const viaPreload = (await (
    preload.api.invoke as (name: string, args: unknown) => Promise<Result>
  )('app.getSnapshot', {})) as Result;
  report.preloadSnapshotOk =
    viaPreload.ok &&
    Array.isArray(viaPreload.value?.roster) &&
    (viaPreload.value?.roster as unknown[]).length > 0;

  fake.app.quit();
  await waitFor('the app to quit', () => fake.app.hasQuit, 10_000);
  report.afterQuit = {
    hotkeys: fake.globalShortcut.registered.size,
    trayDestroyed: tray?.isDestroyed(),
    handlers: [...fake.ipcMain.handlers.keys()].filter((channel) =>
      channel.startsWith('inspector:'),
    ).length,
    windowDestroyed: window.isDestroyed(),
  };
  report.gatewayRequests = fake.session
    .fromPartition('persist:gateway')
    .fetchLog.map(
      ({ url, init }) =>
        `${init?.method ?? 'GET'} ${new URL(url).pathname.replace(/^\/agentgateway\/resource\//, '')}`,
    );
  report.logFile = readFileSync(join(fake.app.getPath('logs'), 'main.log'), 'utf8');
  report.settingsFile = readFileSync(join(fake.app.getPath('userData'), 'settings.json'), 'utf8');
}

main()
  .then(() => {
    process.stdout.write(`BOOT-REPORT ${JSON.stringify(report)}\n`);
    process.exit(0);
  })
  .catch((error: unknown) => {
    process.stdout.write(
      `BOOT-REPORT ${JSON.stringify({ ...report, failure: String(error instanceof Error ? error.stack : error) })}\n`,
    );
    process.exit(1);
  });
