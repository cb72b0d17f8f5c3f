/**
 * The state every gateway session shares: its phase, target, client and poll, how that state is
 * published through `onConnection`, and how a session goes live, fails or is ended. The sign-in
 * and recovery flows build on it in session-controller.ts.
 */
import type { ConnectionState } from '../../../shared/domain';
import { describeConnection, type SessionPhase } from './connection-view';
import type { Reason } from './session-policy';
import { SessionPoll } from './session-poll';
import { RecoverySchedule } from './session-recovery';
import type { SessionGateway, SessionOptions, SessionTarget } from './session-types';
import { errorMessage } from '../error-text';

/** A gateway session's state and its publication; subclassed by `SessionController`. */
export abstract class SessionBase<C extends SessionGateway> {
  protected phase: SessionPhase = 'signed-out';
  protected target: SessionTarget | null = null;
  protected client: C | null = null;
  protected readonly poll: SessionPoll<C>;
  protected epoch = 0;
  protected readonly recovery: RecoverySchedule;
  protected lastDataAt: number | null = null;
  protected emittedDataAt: number | null = null;
  protected failure: Reason | null = null;

  constructor(protected readonly options: SessionOptions<C>) {
    this.poll = new SessionPoll(options.createPoller, options.clock);
    this.recovery = new RecoverySchedule(options.clock, options.backoffMs, options.random);
  }

  get isLive(): boolean {
    return this.phase === 'live';
  }

  get currentClient(): C | null {
    return this.client;
  }

  get currentTarget(): Omit<SessionTarget, 'password'> | null {
    if (!this.target) return null;
    const { password: _password, ...rest } = this.target;
    return rest;
  }

  /** Secrets the redacting logger must scrub. */
  get knownSecrets(): string[] {
    return this.target ? [this.target.password] : [];
  }

  /** Fresh data arrived (event, snapshot): the age shown on screen restarts. */
  noteData(at: number): void {
    this.lastDataAt = at;
  }

  /** The current connection state. */
  connectionState(): ConnectionState {
    return describeConnection({
      phase: this.phase,
      target: this.target,
      recovery: this.recovery.current,
      nextAttemptAt: this.recovery.nextAttemptAt,
      lastDataAt: this.lastDataAt,
      failure: this.failure,
    });
  }

  /** Restart the event poll; it stays stopped unless the session is live or recovering. */
  protected restartPoller(): void {
    this.poll.restart(() => this.phase === 'live' || this.phase === 'recovering');
  }

  protected goLive(): void {
    const wasRecovering = this.recovery.end();
    this.lastDataAt = this.options.clock.now();
    this.setPhase('live');
    if (wasRecovering) this.options.logger.info('gateway session live again');
  }

  protected fail(reason: Reason): void {
    this.epoch++;
    this.recovery.end();
    void this.poll.drop();
    const client = this.client;
    // Leave nothing half-signed-in behind (no-op when there is no session).
    if (client?.hasSession) void client.signOut().catch(() => client.clearSession());
    this.failure = reason;
    this.options.logger.warn('gateway session failed', {
      reason: reason.reason,
      retcode: reason.retcode,
    });
    this.options.hooks.onLost('failed');
    this.setPhase('failed');
  }

  /** End the current session (if any): sign out, stop the poll, tell the runtime. */
  protected async stopCurrent(): Promise<void> {
    this.epoch++;
    this.recovery.end();
    const client = this.client;
    this.client = null;
    await this.poll.drop();
    if (client?.hasSession) {
      await client.signOut().catch((error: unknown) => {
        this.options.logger.info(
          'sign-out did not complete; the gateway ends the session by itself',
          { error: errorMessage(error) },
        );
        client.clearSession();
      });
    }
    if (client) this.options.hooks.onLost('signed-out');
  }

  protected setPhase(phase: SessionPhase): void {
    this.phase = phase;
    this.emitConnection();
  }

  protected emitConnection(): void {
    this.emittedDataAt = this.lastDataAt;
    this.options.hooks.onConnection(this.connectionState());
  }
}
