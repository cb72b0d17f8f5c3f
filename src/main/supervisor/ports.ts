/**
 * Ports: what the supervisor core needs from the outside world, injected by the composition
 * root (Electron app), the CLI, or tests. The core never imports electron; each port has a thin
 * adapter in src/main/desktop (or a Node/test implementation).
 */
import type { GatewayFetch, GatewayLogger } from '../gateway/gateway-types';
import type { HotkeyAction, HotkeyStatus, Notice, Settings } from '../../shared/domain';
import type { SqlJsStatic } from 'sql.js';

/** keytar's API shape, so any keytar-compatible store fits. */
export interface CredentialStore {
  getPassword(service: string, account: string): Promise<string | null>;
  setPassword(service: string, account: string, password: string): Promise<void>;
  deletePassword(service: string, account: string): Promise<boolean>;
  findCredentials(service: string): Promise<Array<{ account: string; password: string }>>;
}

/** Raised by a CredentialStore when no OS keychain can be reached. */
export class KeychainUnavailableError extends Error {
  override readonly name = 'KeychainUnavailableError';
}

export interface SettingsStore {
  /** Current settings (defaults filled in) and notices from loading (e.g. corrupt file kept aside). */
  load(): { settings: Settings; notices: Notice[] };
  save(settings: Settings): void;
}

export interface Clock {
  now(): number;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface Notifier {
  notify(notification: { title: string; body: string; level: Notice['level'] }): void;
}

/** Registers global hotkeys (desktop: globalShortcut); the core only asks and reports. */
export interface HotkeyPort {
  /** Bind `action` to `accelerator` (null unbinds); returns the status of every action. */
  set(action: HotkeyAction, accelerator: string | null): HotkeyStatus[];
  list(): HotkeyStatus[];
}

/** Lets the user save an export (desktop: save dialog); null when cancelled. */
export interface FileSaver {
  save(suggestedName: string, content: string): Promise<string | null>;
}

/** Opens the read-only wallboard window (desktop only). */
export interface WallboardPort {
  open(): void;
}

export interface ShellPort {
  openLogsFolder(): Promise<void>;
}

/** Builds the gateway transport for the configured TLS trust (net.fetch in the app, undici in Node). */
export interface GatewayTransportFactory {
  /** `limits.maxAnswerBytes`: the answer size cap (default: the transport's). */
  create(
    tls: { caPem: string | null; pinSha256: string | null },
    limits?: { maxAnswerBytes?: number },
  ): GatewayFetch;
}

/** What the person confirms after the gateway's address or certificate trust changed. */
export interface TrustChange {
  gatewayUrl: string;
  inspectorId: string;
  /** How the gateway's certificate is trusted from now on. */
  trust: 'system' | 'private-ca' | 'pin';
  /** SHA-256 (`AB:CD:…`) of the pinned certificate or of the private CA; null for the system store. */
  fingerprint: string | null;
}

/** An action the person must confirm because it cannot be undone. */
export interface DestructiveRequest {
  action: 'intercept' | 'force-sign-out';
  workNo: string | null;
  source: 'tray' | 'hotkey';
}

/**
 * Questions only the person may answer, in native dialogs of the main process (desktop:
 * dialog.showMessageBox) — never through the renderer, which a compromised page controls.
 */
export interface PersonConfirmation {
  /** Sign in again under the changed address or trust, with the password typed earlier? */
  confirmTrustChange(change: TrustChange): Promise<boolean>;
  /** Go ahead with an intercept or force sign-out started outside the window? */
  confirmDestructive(request: DestructiveRequest): Promise<boolean>;
}

/** A gateway to sign in to in demo mode: the in-process simulator. */
export interface DemoGateway {
  start(): Promise<{
    baseUrl: string;
    caPem: string | null;
    inspector: { agentId: string; password: string; phoneNumber: string };
  }>;
  stop(): Promise<void>;
}

export type Logger = GatewayLogger;

/** Everything createSupervisor needs. */
export interface SupervisorPorts {
  credentials: CredentialStore;
  settings: SettingsStore;
  transport: GatewayTransportFactory;
  /** Folder for the audit journal (user data folder in the app). */
  journalDir: string;
  /** Folder of the shift history (default: `stats/` in journalDir). */
  statsDir?: string;
  wallboard?: WallboardPort;
  logger: Logger;
  clock?: Clock;
  notifier?: Notifier;
  hotkeys?: HotkeyPort;
  fileSaver?: FileSaver;
  shell?: ShellPort;
  demo?: DemoGateway;
  /**
   * The coaching file's database (SQLite via sql.js): its file (null: in memory) and how the
   * engine loads. Without it the coaching file is not available; everything else works.
   */
  coachingDatabase?: CoachingDatabasePort;
  /** Native confirmations; without it nothing that needs the person goes ahead. */
  confirm?: PersonConfirmation;
}

export interface CoachingDatabasePort {
  filePath: string | null;
  loadEngine(): Promise<SqlJsStatic>;
}
