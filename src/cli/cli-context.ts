/**
 * What every command shares: the process's streams and environment, the output format, the
 * common options turned into a signed-in gateway client, and sign-out at the end.
 */
// The client's files, not the package index: the index also carries the Node transport
// (undici), which only createClient loads, on the first request.
import { EventPoller } from '../main/gateway/event-poller';
import { GatewayClient } from '../main/gateway/gateway-client';
import type {
  GatewayError,
  GatewayEvent,
  GatewayLogger,
  NodeGatewayFetch,
  SignInResult,
} from '../main/gateway';
import type { CredentialStore } from '../main/supervisor/ports';
import { EXIT_CODE, type ExitCode } from './cli-error';
import { createTranslator, type Translate } from './cli-i18n';
import { resolveLanguage, type CliLanguage } from './cli-language';
import {
  requirePhoneNumber,
  type ConnectionFlags,
  type ConnectionSettings,
} from './connection-settings';
import { NO_POLICY, type ManagedPolicy } from '../main/policy/managed-policy';
import { policyLanguage, resolveConnectionUnderPolicy } from './policy-connection';
import { createLineSource, type LineSource } from './line-source';
import { CliOutput, type TextSink } from './output';
import { resolvePassword } from './password-source';
import { CleanupSteps, type StopSignal } from './stop-signals';

/** The outside world of one cc-inspector run; tests pass their own. */
export interface CliEnvironment {
  env: NodeJS.ProcessEnv;
  stdin: NodeJS.ReadableStream;
  stdout: TextSink;
  stderr: TextSink;
  createCredentialStore(): CredentialStore;
  /** Calls `listener` on SIGINT/SIGTERM/SIGHUP until the returned function is called. */
  onStopSignal(listener: (signal: StopSignal) => void): () => void;
  /**
   * Asks for the password on the terminal with the input hidden; absent (or resolving null)
   * when standard input is not a terminal.
   */
  promptPassword?(question: string): Promise<string | null>;
  /** The administrator's policy (the same the app reads); absent: none. */
  readPolicy?(): Promise<ManagedPolicy>;
}

export interface CommonFlags extends ConnectionFlags {
  json?: boolean;
  lang?: string;
  passwordStdin?: boolean;
  verbose?: boolean;
  /** Sign in on its own even when a live session (app, `session --serve`) is there. */
  standalone?: boolean;
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
  /** The command line's words in the chosen language. */
  readonly t: Translate;
  /** Resolves with the first SIGINT/SIGTERM/SIGHUP while this command runs. */
  readonly stopped: Promise<StopSignal>;
  /** What to undo when the command ends or is stopped: releases, event polls, sign-outs. */
  readonly cleanup = new CleanupSteps();
  private readonly disposeStopListener: () => void;
  /** A stop signal came: nothing new is started any more. */
  stopRequested = false;
  /** The sign-out step of each client signed in by this command. */
  private readonly signOuts = new Map<GatewayClient, () => Promise<ExitCode>>();
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
    this.t = createTranslator(language);
    this.output = new CliOutput(
      { stdout: environment.stdout, stderr: environment.stderr },
      flags.json === true,
      language,
    );
    let dispose: () => void = () => undefined;
    this.stopped = new Promise((resolve) => {
      dispose = environment.onStopSignal((signal) => {
        dispose();
        this.stopRequested = true;
        resolve(signal);
      });
    });
    this.disposeStopListener = dispose;
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
        prompt: this.environment.promptPassword,
        t: this.t,
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

  /**
   * A gateway client for the configured gateway, CA and pin (not signed in yet). The Node
   * transport (undici) is loaded here, on the first request, so `--help` never pays for it.
   */
  async createClient(): Promise<GatewayClient> {
    const settings = this.settings();
    const { createNodeFetch } = await import('../main/gateway/transport/node-fetch');
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

  /**
   * Resolves everything, signs in (forcelogin with --force-login or `force`) and returns the
   * session. Its sign-out is a clean-up step from the moment the request leaves, so a signal
   * during sign-in still signs out the session the gateway may have opened.
   */
  async signIn(options: { force?: boolean } = {}): Promise<InspectorSession> {
    const settings = this.settings();
    const phoneNumber = requirePhoneNumber(settings);
    const password = await this.password();
    const client = await this.createClient();
    const session = client
      .signIn({ password, phoneNumber, force: options.force === true || settings.forceLogin })
      .then((signedIn): InspectorSession => ({ client, signedIn, settings }));
    this.signOuts.set(
      client,
      this.cleanup.add(async () => {
        const signedIn = await session.catch(() => null);
        return signedIn ? this.performSignOut(signedIn) : EXIT_CODE.ok;
      }),
    );
    return session;
  }

  /** Whether this command signed in (or tried to). */
  get signedIn(): boolean {
    return this.signOuts.size > 0;
  }

  /**
   * Signs out (once, however often asked); a refused or failed sign-out is printed with its
   * code and the fix, and its exit code returned (0 when signed out).
   */
  signOut(session: InspectorSession): Promise<ExitCode> {
    return this.signOuts.get(session.client)?.() ?? this.performSignOut(session);
  }

  private async performSignOut(session: InspectorSession): Promise<ExitCode> {
    try {
      await session.client.signOut();
      return EXIT_CODE.ok;
    } catch (error) {
      return this.output.printFailure(error, 'sign-out', session.settings.agentId);
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
          this.output.printNote(this.t('events.pollFailed', { reason: error.message }));
      },
    });
    poller.start();
    this.cleanup.add(() => poller.stop());
    return poller;
  }

  /**
   * Keeps the session alive with the event poll until a stop signal; resolves with the error
   * when the gateway dropped the session first, else null. `note` is printed once the signal
   * listener is in place (it is from the start), since a script may send the signal as soon as
   * it reads the note.
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
    if (options.note) this.output.printNote(options.note);
    await Promise.race([this.stopped, sessionLost]);
    await poller.stop();
    return lost;
  }

  /** Releases standard input and the connections so the process can exit. */
  async dispose(): Promise<void> {
    this.disposeStopListener();
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
