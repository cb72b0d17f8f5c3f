/**
 * A whole CC Inspector main process minus Electron, wired the way the app wires it, with every
 * place a secret could end up captured: the real core on a simulator over HTTPS, driven through
 * the real IPC binding (results and events exactly as the renderer receives them), the real
 * file logger and desktop settings store in a temporary user-data folder, the audit journal,
 * and a save dialog that writes exports to disk. A transport wrapper records every GUID the
 * simulator issued (Set-GUID) or the client sent (Guid), and every request with the trust of
 * the transport that carried it.
 */
// electron-log requires 'electron' through CommonJS: the fake must be in require's cache first.
import '../support/fakes/electron-require';
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FakeBrowserWindow, ipcMain, protocol, resetElectronFake } from '../support/fakes/electron';
import {
  commandChannel,
  type CommandArgs,
  type CommandName,
  type CommandResults,
  type Result,
} from '../../src/shared/ipc/contract';
import { bindIpc, type IpcBinding } from '../../src/main/desktop/ipc/ipc-binding';
import { createFileLogger } from '../../src/main/desktop/logger';
import { createSettingsStore } from '../../src/main/desktop/settings/settings-store';
import { createDesktopDiagnostics } from '../../src/main/desktop/diagnostics-port';
import { isTrustedSender } from '../../src/main/desktop/ipc/sender-check';
import type { GatewayFetch } from '../../src/main/gateway';
import type {
  CredentialStore,
  GatewayCertificatePort,
  Logger,
  PersonConfirmation,
  SupervisorCoreWithDiagnostics,
} from '../../src/main/supervisor';
import type { RunningSimulator, SimulatorOptions } from '../../src/simulator';
import { startCoreOnSimulator, type TransportTrust } from '../support/core/start-core-on-simulator';

const APP_URL = 'app://cc-inspector/index.html';

export interface CapturedSession {
  sim: RunningSimulator;
  core: SupervisorCoreWithDiagnostics;
  /** The user-data folder: settings, logs, journal, exports. */
  root: string;
  /** Every GUID seen on the wire, issued or sent. */
  guids: Set<string>;
  /** Every request handed to a transport, with that transport's trust. */
  wire: WireRequest[];
  /** Every log line, as the core's logger received it. */
  logLines: string[];
  /** Every Result the renderer received, serialised. */
  results: string[];
  /** Every event the renderer received, serialised. */
  events: string[];
  invoke<N extends CommandName>(name: N, args: CommandArgs<N>): Promise<Result<CommandResults[N]>>;
  /** Every file under the user-data folder with its text. */
  readAllFiles(): Array<{ path: string; text: string }>;
  close(): Promise<void>;
}

export interface WireRequest {
  url: string;
  body: string;
  trust: TransportTrust;
}

export interface CaptureOptions {
  credentials: CredentialStore;
  simulator?: SimulatorOptions;
  /** The native confirmations (absent: nothing that needs the person goes ahead). */
  confirm?: PersonConfirmation;
  /** Looks at the gateway's certificate for the trust-change question (absent: not shown). */
  certificates?: GatewayCertificatePort;
}

function listFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? listFiles(path) : [path];
  });
}

/** GUID values in a Set-GUID or Guid header (`JSESSIONID=<guid>` or the bare value). */
function recordGuid(guids: Set<string>, value: string | null | undefined): void {
  if (!value) return;
  const guid = value.replace(/^JSESSIONID=/, '').trim();
  if (guid.length < 8) return;
  guids.add(guid);
  // The part before the node suffix is just as secret.
  const bare = guid.split('.')[0];
  if (bare && bare.length >= 8) guids.add(bare);
}

/** Start the simulator and the whole main process around the core (not signed in). */
export async function startCapturedSession(options: CaptureOptions): Promise<CapturedSession> {
  resetElectronFake();
  const root = mkdtempSync(join(tmpdir(), 'cc-inspector-secrets-'));
  const guids = new Set<string>();
  const logLines: string[] = [];
  const results: string[] = [];
  const fileLogger = createFileLogger({
    directory: join(root, 'logs'),
    fileLevel: 'debug',
    consoleLevel: false,
  });
  type Level = 'debug' | 'info' | 'warn' | 'error';
  const capture = (level: Level) => (message: string, fields?: Record<string, unknown>) => {
    logLines.push(`${level} ${message} ${JSON.stringify(fields ?? {})}`);
    fileLogger[level](message, fields);
  };
  const logger: Logger = {
    debug: capture('debug'),
    info: capture('info'),
    warn: capture('warn'),
    error: capture('error'),
  };
  const wire: WireRequest[] = [];
  const watchGuids =
    (inner: GatewayFetch, trust: TransportTrust): GatewayFetch =>
    async (url, init) => {
      wire.push({ url, body: init.body ?? '', trust });
      recordGuid(guids, init.headers.Guid ?? init.headers.guid);
      const response = await inner(url, init);
      recordGuid(guids, response.headers.get('set-guid'));
      return response;
    };
  const fixture = await startCoreOnSimulator({
    simulator: {
      agents: 30,
      seed: 17,
      pollHoldMs: 300,
      guidRotationPolls: 3,
      ...options.simulator,
    },
    settingsStore: (gateway) => {
      const settings = createSettingsStore({ directory: join(root, 'settings'), logger });
      settings.save({ ...settings.current(), demoMode: false, gateway });
      return settings;
    },
    wrapFetch: watchGuids,
    journalDir: join(root, 'journal'),
    ports: {
      credentials: options.credentials,
      logger,
      confirm: options.confirm,
      certificates: options.certificates,
      fileSaver: {
        async save(name, content) {
          const path = join(root, 'exports', name);
          mkdirSync(join(root, 'exports'), { recursive: true });
          writeFileSync(path, content);
          return path;
        },
      },
      // "Export diagnostics…" as the app wires it; the save dialog picks exports/.
      diagnostics: createDesktopDiagnostics({
        appVersion: '0.1.0',
        logsFolder: join(root, 'logs'),
        defaultFolder: () => join(root, 'exports'),
        dialog: {
          async showSaveDialog(dialogOptions) {
            mkdirSync(join(root, 'exports'), { recursive: true });
            return { canceled: false, filePath: dialogOptions.defaultPath };
          },
        },
      }),
    },
    supervisor: { backoffMs: [100, 200, 400], requestTimeoutMs: 2_000 },
  });
  const { sim, core } = fixture;
  const window = new FakeBrowserWindow({});
  // The page's scheme is served by main (app-protocol.ts).
  protocol.handle('app', () => new Response('<!doctype html>'));
  await window.webContents.loadURL(APP_URL);
  const binding: IpcBinding = bindIpc({
    ipcMain,
    core,
    logger,
    isTrustedSender: (event) =>
      isTrustedSender(event, window.webContents, {
        kind: 'app',
        url: APP_URL,
        root: '/app/out/renderer',
      }),
    getEventTarget: () => window.webContents,
  });
  return {
    sim,
    core,
    root,
    guids,
    wire,
    logLines,
    results,
    get events() {
      return window.webContents.sent.map((entry) => JSON.stringify(entry));
    },
    async invoke(name, args) {
      const event = { sender: window.webContents, senderFrame: window.webContents.mainFrame };
      const result = (await ipcMain.invoke(commandChannel(name), event, args)) as Result<
        CommandResults[typeof name]
      >;
      results.push(JSON.stringify(result));
      return result;
    },
    readAllFiles: () => listFiles(root).map((path) => ({ path, text: readFileSync(path, 'utf8') })),
    async close() {
      binding.dispose();
      await fixture.close();
      rmSync(root, { recursive: true, force: true });
    },
  };
}

/** Where any of `secrets` occurs in `texts` (labelled), for a readable failure. */
export function findSecrets(
  texts: ReadonlyArray<{ label: string; text: string }>,
  secrets: Iterable<string>,
): string[] {
  const found: string[] = [];
  for (const secret of secrets) {
    for (const { label, text } of texts)
      if (text.includes(secret)) found.push(`${label} contains ${secret.slice(0, 4)}…`);
  }
  return found;
}
