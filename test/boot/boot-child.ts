/**
 * Child process of the boot test: loads the BUILT main bundle (out/main/index.js) under the
 * Electron fake, lets it start in demo mode (the simulator in-process), drives it the way
 * Electron and the page would, quits it, and prints one `BOOT-REPORT <json>` line.
 *
 * Run: node --import ./test/boot/register-electron-stand-in.mjs test/boot/boot-child.ts --demo
 * [--end=session-end]   (end by a Windows session end instead of quitting)
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { runInNewContext } from 'node:vm';
import type * as ElectronFake from '../support/fakes/electron';
import { waitFor } from '../support/wait-for';

type Fake = typeof ElectronFake;
type Result = { ok: boolean; value?: Record<string, unknown>; error?: { code: string } };

const root = fileURLToPath(new URL('../..', import.meta.url));
const report: Record<string, unknown> = {};

/** Boot steps take seconds on a loaded machine. */
const BOOT_STEP_MS = 15_000;

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

  await waitFor(() => fake.BrowserWindow.getAllWindows().length === 1, {
    what: 'the main window',
    timeoutMs: BOOT_STEP_MS,
  });
  const window = fake.BrowserWindow.getAllWindows()[0] as ElectronFake.FakeBrowserWindow;
  const contents = window.webContents;
  const liveEvent = () =>
    contents.sent.find(
      (entry) =>
        entry.channel === 'inspector:evt:connection.changed' &&
        (entry.args[0] as { phase?: string }).phase === 'live',
    );
  await waitFor(() => liveEvent() !== undefined, {
    what: 'a live demo session',
    timeoutMs: BOOT_STEP_MS,
  });
  await waitFor(() => window.isVisible(), { what: 'the window to show', timeoutMs: BOOT_STEP_MS });
  await waitFor(
    () => contents.sent.some((entry) => entry.channel === 'inspector:evt:roster.delta'),
    {
      what: 'the first roster',
      timeoutMs: BOOT_STEP_MS,
    },
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
  report.appUserModelId = fake.app.appUserModelId;
  report.enableFeatures = fake.app.commandLine.getSwitchValue('enable-features');
  const gatewaySessions = () =>
    fake.session
      .partitions()
      .filter((partition) => partition.startsWith('gateway-trust-'))
      .map((partition) => fake.session.fromPartition(partition));
  report.gatewayPartitions = fake.session
    .partitions()
    .filter((partition) => partition.includes('gateway'));
  report.gatewayPartitionFetches = gatewaySessions().reduce(
    (sum, gateway) => sum + gateway.fetchLog.length,
    0,
  );
  report.gatewayVerifyProcInstalled = gatewaySessions().some(
    (gateway) => gateway.certificateVerifyProc !== null,
  );

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
  await waitFor(() => fake.BrowserWindow.getAllWindows().length === 2, {
    what: 'the wallboard window',
  });
  const board = fake.BrowserWindow.getAllWindows()[1] as ElectronFake.FakeBrowserWindow;
  await waitFor(() => board.webContents.getURL() !== '', { what: 'the wallboard page' });
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
    () => board.webContents.sent.some((entry) => entry.channel === 'inspector:evt:stats.changed'),
    { what: 'live figures on the wallboard', timeoutMs: 15_000 },
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

  // The tray menu stays while it is shown: an inspection starts (from the window), the icon
  // and tooltip follow at once, the menu only once it has closed.
  const talking = (value.roster as Array<{ workNo: string; state: string }>).find(
    (agent) => agent.state === 'talking',
  );
  if (tray?.contextMenu && talking) {
    const shownMenu = tray.contextMenu;
    const menusBefore = tray.contextMenus.length;
    shownMenu.open();
    const listen = (await fake.ipcMain.invoke('inspector:cmd:inspection.listen', trusted, {
      workNo: talking.workNo,
    })) as Result;
    await waitFor(
      () => String((tray.image as ElectronFake.FakeNativeImage).path).endsWith('inspecting.png'),
      { what: 'the tray icon to show the inspection' },
    );
    report.trayWhileShown = {
      listenOk: listen.ok,
      menuReplaced: tray.contextMenu !== shownMenu || tray.contextMenus.length !== menusBefore,
      tooltip: tray.tooltip,
    };
    shownMenu.close();
    report.trayAfterClose = tray.contextMenu?.items.map((item) => item.label ?? item.type);
    await fake.ipcMain.invoke('inspector:cmd:inspection.cancel', trusted, {});
  }

  // How many gateway requests had gone out when the first before-quit came.
  let requestsAtBeforeQuit: number | null = null;
  const gatewayRequestCount = () =>
    gatewaySessions().reduce((sum, gateway) => sum + gateway.fetchLog.length, 0);
  fake.app.on('before-quit', () => (requestsAtBeforeQuit ??= gatewayRequestCount()));
  if (process.argv.includes('--end=session-end')) window.endSession(['logoff']);
  else fake.app.quit();
  await waitFor(() => fake.app.hasQuit, { what: 'the app to quit', timeoutMs: 10_000 });
  report.requestsAtBeforeQuit = requestsAtBeforeQuit;
  report.afterQuit = {
    hotkeys: fake.globalShortcut.registered.size,
    trayDestroyed: tray?.isDestroyed(),
    handlers: [...fake.ipcMain.handlers.keys()].filter((channel) =>
      channel.startsWith('inspector:'),
    ).length,
    windowDestroyed: window.isDestroyed(),
  };
  report.gatewayRequests = gatewaySessions()
    .flatMap((gateway) => gateway.fetchLog)
    .map(
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
