/**
 * The state of the one current gateway session — phase, target, client, epoch, data freshness,
 * failure, its poll and recovery schedule — and how it is published through `onConnection`.
 * Owned by the SessionController (composition): only the moves below change it.
 */
import type { ConnectionState } from '../../../shared/domain';
import { describeConnection, type SessionPhase } from './connection-view';
import type { Reason } from './session-policy';
import { SessionPoll } from './session-poll';
import { RecoverySchedule } from './session-recovery';
import type { SessionGateway, SessionOptions, SessionTarget } from './session-types';
import { errorMessage } from '../error-text';

/** A gateway session's state and its publication. */
export class SessionState<C extends SessionGateway> {
  readonly poll: SessionPoll<C>;
  readonly recovery: RecoverySchedule;
  private phaseNow: SessionPhase = 'signed-out';
  private targetNow: SessionTarget | null = null;
  private clientNow: C | null = null;
  /** Bumped whenever a session starts or ends: callbacks of older sessions compare and stop. */
  private epochNow = 0;
  private lastDataAt: number | null = null;
  private emittedDataAt: number | null = null;
  private failure: Reason | null = null;

  constructor(private readonly options: SessionOptions<C>) {
    this.poll = new SessionPoll(options.createPoller, options.clock);
    this.recovery = new RecoverySchedule(options.clock, options.backoffMs, options.random);
  }

  get phase(): SessionPhase {
    return this.phaseNow;
  }

  /** The target signed in to, password included (never handed outside the session). */
  get target(): SessionTarget | null {
    return this.targetNow;
  }

  get client(): C | null {
    return this.clientNow;
  }

  get epoch(): number {
    return this.epochNow;
  }

  /** Whether `epoch` is still the current session's (no sign-in, failure or stop since). */
  isCurrent(epoch: number): boolean {
    return epoch === this.epochNow;
  }

  /** Fresh data arrived (event, snapshot): the age shown on screen restarts. */
  noteData(at: number): void {
    this.lastDataAt = at;
  }

  /** Data arrived since the connection state was last published. */
  get hasUnpublishedData(): boolean {
    return this.lastDataAt !== this.emittedDataAt;
  }

  /** The current connection state. */
  connectionState(): ConnectionState {
    return describeConnection({
      phase: this.phaseNow,
      target: this.targetNow,
      recovery: this.recovery.current,
      nextAttemptAt: this.recovery.nextAttemptAt,
      lastDataAt: this.lastDataAt,
      failure: this.failure,
    });
  }

  /** A new sign-in to `target` begins (after `stopCurrent`): returns its epoch and client. */
  beginSignIn(target: SessionTarget): { epoch: number; client: C } {
    const epoch = ++this.epochNow;
    this.targetNow = target;
    this.failure = null;
    this.setPhase('signing-in');
    const client = this.options.createClient(target);
    this.clientNow = client;
    return { epoch, client };
  }

  /** Signed out (after `stopCurrent`): forget the target and its password. */
  forgetTarget(): void {
    this.targetNow = null;
    this.setPhase('signed-out');
  }

  /** Restart the event poll; it stays stopped unless the session is live or recovering. */
  restartPoller(): void {
    this.poll.restart(() => this.phaseNow === 'live' || this.phaseNow === 'recovering');
  }

  goLive(): void {
    const wasRecovering = this.recovery.end();
    this.lastDataAt = this.options.clock.now();
    this.setPhase('live');
    if (wasRecovering) this.options.logger.info('gateway session live again');
  }

  fail(reason: Reason): void {
    this.epochNow++;
    this.recovery.end();
    void this.poll.drop();
    const client = this.clientNow;
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
  async stopCurrent(): Promise<void> {
    this.epochNow++;
    this.recovery.end();
    const client = this.clientNow;
    this.clientNow = null;
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

  setPhase(phase: SessionPhase): void {
    this.phaseNow = phase;
    this.publish();
  }

  /** Tell the runtime the current connection state. */
  publish(): void {
    this.emittedDataAt = this.lastDataAt;
    this.options.hooks.onConnection(this.connectionState());
  }
}
