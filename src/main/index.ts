/**
 * Composition root of the desktop app: builds the core's ports from Electron, creates the
 * supervisor core, binds IPC, the window, the tray and the hotkeys, and starts — in demo mode
 * (the simulator in-process) when asked with --demo or when no gateway is configured.
 */
import {
  app,
  BrowserWindow,
  dialog,
  globalShortcut,
  ipcMain,
  Menu,
  nativeImage,
  Notification,
  powerMonitor,
  protocol,
  screen,
  session,
  shell,
  Tray,
  type IpcMainInvokeEvent,
} from 'electron';
import { execFile } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { eventChannel, type CommandError } from '../shared/ipc/contract';
import { createKeyringCredentialStore } from './credentials';
import { createActivityWatcher } from './desktop/activity-notifications';
import { createCertificateLook } from './desktop/certificate-look';
import { createConfirmDialogs } from './desktop/confirm-dialogs';
import { bindAppLifecycle, type AppLifecycle } from './desktop/app-lifecycle';
import { installApplicationMenu } from './desktop/application-menu';
import { cliLauncherPath, describeCliInstall, installCommandLineTool } from './desktop/cli-install';
import { createFileSaver } from './desktop/file-saver';
import { createHotkeyManager } from './desktop/hotkeys/hotkey-manager';
import { bindIpc } from './desktop/ipc/ipc-binding';
import { createFileLogger } from './desktop/logger';
import { createMainWindow } from './desktop/window/main-window';
import { createWallboardWindow } from './desktop/window/wallboard-window';
import { isWallboardCommand } from './desktop/ipc/wallboard-commands';
import { createNetTransportFactory } from './desktop/network/net-transport';
import { appUserModelIdFor, createNotifier } from './desktop/notifier';
import { applyPlatformSwitches } from './desktop/platform-switches';
import { resolveRendererLocation } from './desktop/window/renderer-location';
import { registerAppScheme, serveAppProtocol } from './desktop/window/app-protocol';
import { CONTENT_SECURITY_POLICY } from './desktop/window/window-options';
import { refuseDebuggingLaunch } from './desktop/launch-guard';
import { isTrustedSender } from './desktop/ipc/sender-check';
import { createSettingsStore } from './desktop/settings/settings-store';
import { createShellPort } from './desktop/shell-port';
import { confirmFromTray } from './desktop/tray/tray-confirmation';
import { createTrayController } from './desktop/tray/tray-controller';
import { hardenEveryWebContents } from './desktop/window/window-hardening';
import { createSupervisor, type SupervisorCore } from './supervisor';
import { controlLocationOfThisProcess, startControlServer, type ControlServer } from './control';
import { createDemoGateway, preloadDemoSimulator } from './node/demo-gateway';
import { loadSqlJsEngine } from './node/sqljs-engine';
import { redactText } from './supervisor/redaction';
import { readSystemPolicy, systemPolicyPorts } from './policy/sources/system-policy-reader';
import { createDesktopDiagnostics } from './desktop/diagnostics-port';
import { createUpdaterFromPolicy } from './desktop/updates/updater-from-policy';
import { createShellMaintenance } from './desktop/updates/shell-maintenance';

/** Must match `appId` in electron-builder.yml (Windows ties notifications to it). */
const APP_ID = 'com.ccinspector.desktop';
const mainDirectory = dirname(fileURLToPath(import.meta.url));

async function startApp(): Promise<void> {
  // Asked for demo mode: its simulator loads beside the rest of the start-up.
  if (process.argv.includes('--demo')) preloadDemoSimulator();
  await app.whenReady();
  app.setAppUserModelId(
    appUserModelIdFor({ isPackaged: app.isPackaged, appId: APP_ID, execPath: process.execPath }),
  );
  const logger = createFileLogger({
    directory: app.getPath('logs'),
    consoleLevel: app.isPackaged ? false : 'info',
  });
  process.on('unhandledRejection', (reason) =>
    logger.error('unhandled rejection', { reason: String(reason) }),
  );
  logger.info('starting', {
    version: app.getVersion(),
    packaged: app.isPackaged,
    platform: process.platform,
  });

  // The administrator's policy, read once at start (src/main/policy): presets and locks.
  const policy = await readSystemPolicy(systemPolicyPorts(process.env));
  if (policy.sources.length > 0)
    logger.info('policy', {
      sources: policy.sources,
      locked: Object.keys(policy.locked),
      recommended: Object.keys(policy.recommended),
      problems: policy.problems.length,
    });
  hardenEveryWebContents(app as unknown as Parameters<typeof hardenEveryWebContents>[0], logger);
  const userData = app.getPath('userData');
  const settingsStore = createSettingsStore({ directory: userData, logger });
  const startupSettings = settingsStore.current();
  const demo = process.argv.includes('--demo') || !startupSettings.gateway.url;
  // No gateway configured means demo mode too: start loading its simulator now.
  if (demo && policy.locked.DemoModeAllowed !== false) preloadDemoSimulator();
  const language = () => settingsStore.current().language;
  const resources = join(app.getAppPath(), 'resources');
  const location = resolveRendererLocation({
    isPackaged: app.isPackaged,
    devServerUrl: process.env.ELECTRON_RENDERER_URL,
    mainDirectory,
  });

  // The built page is served by our own scheme, never from file:// (app-protocol.ts).
  if (location.kind === 'app')
    serveAppProtocol(protocol, {
      root: location.root,
      contentSecurityPolicy: CONTENT_SECURITY_POLICY,
    });

  // Bound below; the window reports a Windows session end to it.
  let lifecycle: AppLifecycle | null = null;
  const window = createMainWindow({
    BrowserWindow,
    platform: process.platform,
    onSessionEnd: () => lifecycle?.endSession(),
    preloadPath: join(mainDirectory, '../preload/index.cjs'),
    location,
    windowState: {
      load: () => settingsStore.loadWindowState(),
      save: (state) => settingsStore.saveWindowState(state),
    },
    displays: () => screen.getAllDisplays(),
    setCspHeader: location.kind === 'app',
    iconPath: join(resources, 'icon.png'),
    logger,
  });
  // The read-only wallboard for a big screen: a second window, opened on demand.
  const wallboard = createWallboardWindow({
    BrowserWindow,
    preloadPath: join(mainDirectory, '../preload/index.cjs'),
    location,
    displays: () => screen.getAllDisplays(),
    displayIndex: () => settingsStore.current().insight.wallboardDisplay,
    iconPath: join(resources, 'icon.png'),
    logger,
  });
  const notifier = createNotifier({ Notification, logger, onClick: () => window.show() });
  const reportFailure = (error: CommandError): void =>
    notifier.notify({
      title: 'CC Inspector',
      body: language() === 'zh-CN' ? error.messageZh : error.message,
      level: 'error',
    });

  // Questions only the person answers, in native dialogs the renderer cannot reach.
  const confirm = createConfirmDialogs({
    ask: (box) =>
      confirmFromTray({ app, dialog, window: () => window.get(), platform: process.platform }, box),
    language,
  });

  // The hotkey manager is a port of the core and calls back into it: bound after creation.
  let core: SupervisorCore | null = null;
  const hotkeys = createHotkeyManager({
    globalShortcut,
    onTrigger: (action) => {
      void core?.runHotkey(action).then((result) => {
        if (!result.ok) reportFailure(result.error);
      });
    },
  });
  const supervisor = createSupervisor({
    credentials: createKeyringCredentialStore(),
    settings: settingsStore,
    transport: createNetTransportFactory({
      fromPartition: (partition) => session.fromPartition(partition),
      logger,
    }),
    journalDir: join(userData, 'journal'),
    statsDir: join(userData, 'stats'),
    wallboard: { open: () => wallboard.open() },
    logger,
    notifier,
    hotkeys,
    fileSaver: createFileSaver({ dialog, defaultFolder: () => app.getPath('documents') }),
    shell: createShellPort({ shell, logsFolder: app.getPath('logs') }),
    // The simulator loads on the first demo start only: only demo mode pays for it.
    demo: createDemoGateway({ logger }),
    // The coaching file: SQLite (sql.js, WebAssembly) in the user data folder.
    coachingDatabase: { filePath: join(userData, 'coaching.sqlite'), loadEngine: loadSqlJsEngine },
    confirm,
    // What the gateway presents, shown in the trust change's dialog (a bare TLS handshake).
    certificates: createCertificateLook(),
    policy,
    // Only a packaged build updates itself (`npm start` has nothing to replace).
    updater: await createUpdaterFromPolicy({ packaged: app.isPackaged, policy, logger }),
    diagnostics: createDesktopDiagnostics({
      appVersion: app.getVersion(),
      logsFolder: app.getPath('logs'),
      dialog,
      defaultFolder: () => app.getPath('documents'),
    }),
  });
  core = supervisor;

  const ipc = bindIpc<IpcMainInvokeEvent>({
    ipcMain,
    core: supervisor,
    isTrustedSender: (event, command) =>
      isTrustedSender(event, window.get()?.webContents ?? null, location) ||
      (isWallboardCommand(command) &&
        isTrustedSender(event, wallboard.get()?.webContents ?? null, location)),
    getEventTarget: () => window.get()?.webContents ?? null,
    getEventTargets: () => [
      window.get()?.webContents ?? null,
      wallboard.get()?.webContents ?? null,
    ],
    logger,
  });
  const maintenance = createShellMaintenance({ core: supervisor, notifier, language });
  // Scripts, macro keypads and IT tools drive this session through the local control endpoint
  // (`cc-inspector switch` …); the app runs without it when it cannot be served.
  let control: ControlServer | null = null;
  startControlServer({
    core: supervisor,
    location: controlLocationOfThisProcess(),
    owner: 'app',
    logger,
  }).then(
    (server) => (control = server),
    (error: unknown) =>
      logger.warn('control endpoint not served', {
        error: error instanceof Error ? error.message : String(error),
      }),
  );
  const watcher = createActivityWatcher(language);
  supervisor.subscribe((name, payload) => {
    const requests = watcher.observe(name, payload);
    // The screen already says it when the user is looking at it.
    if (!window.isFocused()) for (const request of requests) notifier.notify(request);
  });
  const tray = createTrayController({
    Tray,
    Menu,
    nativeImage,
    core: supervisor,
    iconFolder: join(resources, 'tray'),
    platform: process.platform,
    language,
    showWindow: () => window.show(),
    composeNote: (workNo) => {
      // A window shown anew is still loading: its page hears the request once it is there.
      const contents = window.get()?.webContents;
      const send = (): void => contents?.send(eventChannel('ui.composeNote'), { workNo });
      if (contents?.isLoading()) contents.once('did-finish-load', send);
      else send();
    },
    quit: () => app.quit(),
    confirmIntercept: async () =>
      !settingsStore.current().confirmDestructive ||
      confirm.confirmDestructive({
        action: 'intercept',
        workNo: supervisor.trayModel().inspection.targetWorkNo,
        source: 'tray',
      }),
    onFailure: reportFailure,
    onShellAction: (action) =>
      void (action === 'check-updates'
        ? maintenance.checkForUpdates()
        : maintenance.exportDiagnostics()),
    logger,
  });
  installApplicationMenu({
    Menu,
    platform: process.platform,
    showWindow: () => window.show(),
    quit: () => app.quit(),
    openWallboard: () => wallboard.open(),
    checkForUpdates: () => void maintenance.checkForUpdates(),
    exportDiagnostics: () => void maintenance.exportDiagnostics(),
    language,
    installCommandLineTool: () =>
      void installCommandLineTool(cliLauncherPath(process.resourcesPath), {
        run: (file, args) =>
          new Promise((resolve, reject) =>
            execFile(file, [...args], (error) => (error ? reject(error) : resolve())),
          ),
      }).then((outcome) => {
        const text = describeCliInstall(outcome, language());
        logger.info('command-line tool install', { outcome: outcome.kind });
        void dialog.showMessageBox({
          type: text.ok ? 'info' : 'warning',
          message: text.title,
          detail: text.detail,
        });
      }),
  });
  lifecycle = bindAppLifecycle({
    app,
    powerMonitor,
    core: supervisor,
    window,
    logger,
    onWillQuit: () => {
      hotkeys.unregisterAll();
      globalShortcut.unregisterAll();
      tray.dispose();
      wallboard.close();
      ipc.dispose();
      void control?.close();
      logger.info('quit');
    },
  });

  await supervisor.start({ demo });
  // `--wallboard`: open the big-screen view at start (the main window stays as usual).
  if (process.argv.includes('--wallboard')) wallboard.open();
  logger.info('started', { demo });
}

/** Starts the app unless a debugging switch or another instance forbids it. */
function launch(): void {
  const debuggingSwitches = refuseDebuggingLaunch(app.isPackaged, process.argv);
  if (debuggingSwitches.length > 0) {
    // A debugger door on a packaged build would hand the session to any local program.
    process.stderr.write(
      `CC Inspector does not start with debugging switches (${debuggingSwitches.join(' ')}).\n`,
    );
    app.exit(1);
    return;
  }
  // Before ready: Chromium reads its switches when it starts.
  applyPlatformSwitches(app.commandLine, process.platform, process.env);
  if (!app.requestSingleInstanceLock()) {
    // Another instance runs: it receives `second-instance` and shows its window.
    app.quit();
    return;
  }
  // Before ready too: the page's scheme must be known when the window is created.
  registerAppScheme(protocol);
  startApp().catch((error: unknown) => {
    dialog.showErrorBox(
      'CC Inspector could not start',
      redactText(error instanceof Error ? (error.stack ?? error.message) : String(error)),
    );
    app.exit(1);
  });
}

launch();
