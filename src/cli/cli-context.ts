/**
 * What every command shares: the process's streams and environment, the output format, the
 * common options turned into a signed-in gateway client, and sign-out at the end.
 */
import {
  createNodeFetch,
  EventPoller,
  GatewayClient,
  type GatewayError,
  type GatewayEvent,
  type GatewayLogger,
  type NodeGatewayFetch,
  type SignInResult,
} from '../main/gateway';
import type { CredentialStore } from '../main/supervisor/ports';
import { resolveLanguage, type CliLanguage } from './cli-language';
import {
  requirePhoneNumber,
  type ConnectionFlags,
  type ConnectionSettings,
} from './connection-settings';
import { NO_POLICY, type ManagedPolicy } from '../main/policy/policy-merge';
import { policyLanguage, resolveConnectionUnderPolicy } from './policy-connection';
import { createLineSource, type LineSource } from './line-source';
import { CliOutput, describeFailure, type TextSink } from './output';
import { resolvePassword } from './password-source';

/** The outside world of one cc-inspector run; tests pass their own. */
export interface CliEnvironment {
  env: NodeJS.ProcessEnv;
  stdin: NodeJS.ReadableStream;
  stdout: TextSink;
  stderr: TextSink;
  createCredentialStore(): CredentialStore;
  /** Calls `listener` on SIGINT/SIGTERM until the returned function is called. */
  onStopSignal(listener: (signal: string) => void): () => void;
  /** The administrator's policy (the same the app reads); absent: none. */
  readPolicy?(): Promise<ManagedPolicy>;
}

export interface CommonFlags extends ConnectionFlags {
  json?: boolean;
  lang?: string;
  passwordStdin?: boolean;
  verbose?: boolean;
}

/** A signed-in inspector: the client plus what sign-in reported. */
export interface InspectorSession {
  client: GatewayClient;
  signedIn: SignInResult;
  settings: ConnectionSettings;
}

/** Per-command state: flags, output, lazily resolved settings, stdin lines and keychain. */
export class CommandContext {
  readonly output: CliOutput;
  private lines: LineSource | null = null;
  private credentialStore: CredentialStore | null = null;
  private resolvedSettings: ConnectionSettings | null = null;
  private resolvedPassword: Promise<string> | null = null;
  private readonly languageError: unknown = null;
  /** Transports to close at the end, so no kept-alive socket holds the process open. */
  private readonly transports: NodeGatewayFetch[] = [];

  constructor(
    readonly environment: CliEnvironment,
    readonly flags: CommonFlags,
    readonly policy: ManagedPolicy = NO_POLICY,
  ) {
    // A bad --lang must not hide the chosen output format, so it falls back to English here
    // and is reported (as a usage error) by settings().
    let language: CliLanguage = 'en';
    try {
      language = resolveLanguage(flags.lang ?? policyLanguage(policy), environment.env);
    } catch (error) {
      this.languageError = error;
    }
    this.output = new CliOutput(
      { stdout: environment.stdout, stderr: environment.stderr },
      flags.json === true,
      language,
    );
  }

  /** The common options resolved (throws a usage error when something is missing or bad). */
  settings(): ConnectionSettings {
    if (this.languageError !== null) throw this.languageError;
    this.resolvedSettings ??= resolveConnectionUnderPolicy(
      this.flags,
      this.environment.env,
      this.policy,
    );
    return this.resolvedSettings;
  }

  /** Standard input as lines, shared by --password-stdin and the session command stream. */
  stdinLines(): LineSource {
    this.lines ??= createLineSource(this.environment.stdin);
    return this.lines;
  }

  credentials(): CredentialStore {
    this.credentialStore ??= this.environment.createCredentialStore();
    return this.credentialStore;
  }

  /** The password from --password-stdin, CC_INSPECTOR_PASSWORD or the keychain; read once. */
  password(): Promise<string> {
    this.resolvedPassword ??= (async () => {
      const settings = this.settings();
      const { password } = await resolvePassword({
        passwordStdin: this.flags.passwordStdin === true,
        env: this.environment.env,
        stdinLines: () => this.stdinLines(),
        credentials: () => this.credentials(),
        gatewayUrl: settings.gatewayUrl,
        agentId: settings.agentId,
        trust: { caPem: settings.caPem, pinSha256: settings.pinSha256 },
        insecureHttp: settings.insecureHttp,
      });
      return password;
    })();
    return this.resolvedPassword;
  }

  /** Secrets this run holds (the password, once read): what it writes is scrubbed of them. */
  async knownSecrets(): Promise<string[]> {
    if (this.resolvedPassword === null) return [];
    try {
      return [await this.resolvedPassword];
    } catch {
      return [];
    }
  }

  /** A gateway client for the configured gateway, CA and pin (not signed in yet). */
  createClient(): GatewayClient {
    const settings = this.settings();
    const fetch = createNodeFetch({
      caPem: settings.caPem,
      pinSha256: settings.pinSha256,
      maxAnswerBytes: settings.maxAnswerBytes,
    });
    this.transports.push(fetch);
    return new GatewayClient({
      baseUrl: settings.gatewayUrl,
      agentId: settings.agentId,
      fetch,
      logger: this.flags.verbose ? createStderrLogger(this.environment.stderr) : undefined,
    });
  }

  /** Resolves everything, signs in (forcelogin with --force-login or `force`) and returns the session. */
  async signIn(options: { force?: boolean } = {}): Promise<InspectorSession> {
    const settings = this.settings();
    const phoneNumber = requirePhoneNumber(settings);
    const password = await this.password();
    const client = this.createClient();
    const signedIn = await client.signIn({
      password,
      phoneNumber,
      force: options.force === true || settings.forceLogin,
    });
    return { client, signedIn, settings };
  }

  /** Signs out; a failure is only noted on stderr (the command's own outcome stands). */
  async signOut(session: InspectorSession): Promise<void> {
    try {
      await session.client.signOut();
    } catch (error) {
      const { message } = describeFailure(error, this.output.language).view;
      this.output.printNote(
        `cc-inspector: sign-out failed: ${message} The gateway ends the session after 2 minutes without polls; a call on your phone keeps it busy (use --hold while you talk).`,
      );
    }
  }

  /** Starts the event long poll that keeps a held session alive and adopts rotated GUIDs. */
  startEventPoll(
    session: InspectorSession,
    handlers: { onEvent?(event: GatewayEvent): void; onSessionLost(error: GatewayError): void },
  ): EventPoller {
    const poller = new EventPoller(session.client, {
      onEvent: (event) => handlers.onEvent?.(event),
      onError: (error) => {
        if (error.needsSignIn) {
          // The gateway no longer knows this session: there is nothing left to sign out.
          session.client.clearSession();
          handlers.onSessionLost(error);
        } else if (this.flags.verbose)
          this.output.printNote(`cc-inspector: event poll failed (retrying): ${error.message}`);
      },
    });
    poller.start();
    return poller;
  }

  /**
   * Keeps the session alive with the event poll until SIGINT/SIGTERM; resolves with the error
   * when the gateway dropped the session first, else null. `note` is printed once the signal
   * listener is in place, since a script may send the signal as soon as it reads the note.
   */
  async keepAlive(
    session: InspectorSession,
    options: { onEvent?(event: GatewayEvent): void; note?: string } = {},
  ): Promise<GatewayError | null> {
    let lost: GatewayError | null = null;
    let markLost: () => void = () => undefined;
    const sessionLost = new Promise<void>((resolve) => (markLost = resolve));
    const poller = this.startEventPoll(session, {
      onEvent: options.onEvent,
      onSessionLost: (error) => {
        lost = error;
        markLost();
      },
    });
    const stopped = this.waitForStopSignal(sessionLost);
    if (options.note) this.output.printNote(options.note);
    await stopped;
    await poller.stop();
    return lost;
  }

  /** Resolves on the next SIGINT/SIGTERM (or when `until` settles first). */
  waitForStopSignal(until?: Promise<unknown>): Promise<void> {
    return new Promise((resolve) => {
      const dispose = this.environment.onStopSignal(() => {
        dispose();
        resolve();
      });
      until?.then(
        () => (dispose(), resolve()),
        () => (dispose(), resolve()),
      );
    });
  }

  /** Releases standard input and the connections so the process can exit. */
  async dispose(): Promise<void> {
    this.lines?.close();
    await Promise.allSettled(this.transports.splice(0).map((transport) => transport.close()));
  }
}

/** Client logs on stderr for --verbose (the client never logs a password or GUID). */
function createStderrLogger(stderr: TextSink): GatewayLogger {
  const write = (level: string) => (message: string, fields?: Record<string, unknown>) => {
    stderr.write(`[${level}] ${message}${fields ? ` ${JSON.stringify(fields)}` : ''}\n`);
  };
  return { debug: write('debug'), info: write('info'), warn: write('warn'), error: write('error') };
}
