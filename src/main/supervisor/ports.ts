/**
 * Ports: what the supervisor core needs from the outside world, injected by the composition
 * root (Electron app), the CLI, or tests. The core never imports electron; each port has a thin
 * adapter in src/main/desktop (or a Node/test implementation).
 */
import type { GatewayFetch, GatewayLogger } from '../gateway/gateway-types';
import type { HotkeyAction, HotkeyStatus, Notice, Settings } from '../../shared/domain';
import type { ManagedPolicy } from '../policy/policy-merge';
import type { UpdateChannel } from '../../shared/domain';
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
  /**
   * Policy presets already applied (key → fingerprint of the value), so a preset is applied once
   * and again only when the administrator changes it. Stores without them re-apply presets.
   */
  loadPolicyPresets?(): Record<string, string>;
  savePolicyPresets?(presets: Record<string, string>): void;
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

/** The TLS trust configured for a gateway beyond the system store (null: not configured). */
export interface GatewayTlsTrust {
  caPem: string | null;
  pinSha256: string | null;
}

/** Builds the gateway transport for the configured TLS trust (net.fetch in the app, undici in Node). */
export interface GatewayTransportFactory {
  /** `limits.maxAnswerBytes`: the answer size cap (default: the transport's). */
  create(tls: GatewayTlsTrust, limits?: { maxAnswerBytes?: number }): GatewayFetch;
}

/** What the person confirms after the gateway's address or certificate trust changed. */
export interface TrustChange {
  gatewayUrl: string;
  inspectorId: string;
  /** How the gateway's certificate is trusted from now on. */
  trust: 'system' | 'private-ca' | 'pin';
  /** SHA-256 (`AB:CD:…`) of the pinned certificate or of the private CA; null for the system store. */
  fingerprint: string | null;
  /** The certificate the gateway presents right now; null when nothing could look. */
  presented: CertificateLook | null;
}

/**
 * The gateway's certificate as a TLS handshake shows it — no request sent, nothing trusted — and
 * how the changed trust judges it, with the rules sign-in applies:
 * - `matches`: the pin, or the private CA with its leaf rules, accepts it;
 * - `does-not-match`: they refuse it (sign-in would fail on it);
 * - `system-decides`: no pin or CA applies, so the system's certificate store decides at sign-in.
 * Subject and issuer are the server's words: show them as untrusted text.
 */
export type CertificateLook =
  | {
      seen: true;
      /** SHA-256 of its DER, `AB:CD:…`. */
      fingerprint: string;
      subject: string;
      issuer: string;
      /** ISO date (yyyy-mm-dd) it expires. */
      validTo: string;
      verdict: 'matches' | 'does-not-match' | 'system-decides';
      /** Why, in words (for the dialog and the log). */
      reason: string;
    }
  | { seen: false; problem: string };

/** Looks at the certificate a gateway presents (desktop: a bare TLS handshake from main). */
export interface GatewayCertificatePort {
  look(gatewayUrl: string, trust: GatewayTlsTrust): Promise<CertificateLook>;
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
  /** Quit now and install `version`? Without it an update installs at quit only. */
  confirmInstallUpdate?(version: string): Promise<boolean>;
}

/**
 * The app updater (desktop: electron-updater, src/main/desktop/updates). The updater verifies
 * what it downloads (sha512 of latest.yml; on Windows also the publisher's signature) and
 * applies the staged rollout percentage itself.
 */
export interface UpdaterPort {
  readonly currentVersion: string;
  /** Where updates come from: the policy's server (generic provider) or GitHub releases. */
  readonly feed: 'policy' | 'github';
  setChannel(channel: UpdateChannel): void;
  /** The version offered to this install, or null when up to date (or outside the rollout). */
  check(): Promise<{ version: string } | null>;
  /** Downloads and verifies the offered update in the background. */
  download(onProgress: (percent: number) => void): Promise<void>;
  /** Quits and installs the downloaded update (it also installs by itself at quit). */
  installNow(): void;
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
  /** Shows the person the certificate the gateway presents when its trust changes; none: not shown. */
  certificates?: GatewayCertificatePort;
  /** The administrator's policy (src/main/policy), read at start; none: nothing is locked. */
  policy?: ManagedPolicy;
  /** The app updater; none (the CLI, `npm start`, UpdatesEnabled=false): updates are off. */
  updater?: UpdaterPort;
  /** What a diagnostics bundle needs from outside the core (desktop: versions, logs, doctor). */
  diagnostics?: DiagnosticsPort;
}

/** A file for the diagnostics bundle. */
export interface BundleFile {
  name: string;
  content: string | Uint8Array;
}

export interface DiagnosticsPort {
  /** App, Electron, Chromium, Node and OS versions. */
  versions(): Record<string, string>;
  /** The newest log files (already redacted when written; redacted again in the bundle). */
  logFiles(limit: number): Promise<BundleFile[]>;
  /** A fresh doctor run against the configured gateway, as JSON-ready data. */
  doctor(settings: Settings): Promise<unknown>;
  /** Lets the person save the zip (save dialog); null when cancelled. */
  saveZip(suggestedName: string, bytes: Uint8Array): Promise<string | null>;
}

export interface CoachingDatabasePort {
  filePath: string | null;
  loadEngine(): Promise<SqlJsStatic>;
}
