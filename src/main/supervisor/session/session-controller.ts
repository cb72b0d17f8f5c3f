/**
 * The gateway session: sign in, keep the event poll alive and recover by itself. A lost
 * session (100-006 / 000-003 / 105-xxx) is answered with a forced re-sign-in on a short
 * backoff; a lost link with overlapping probes on distinct interfaces (a hung request cannot
 * block the next probe), so data is live again within seconds after a fault ends. The roster's
 * monitor subscription is part of "live": when it fails the session recovers like a lost link.
 * The state is always visible through `onConnection`; it lives in a SessionState this
 * controller owns (session-state.ts), and these flows move it.
 */
import type { EventPollerHandlers } from '../../gateway/event-poller';
import { LinkProbes } from './link-probes';
import { SessionState } from './session-state';
import {
  classifyFailure,
  classifySignInFailure,
  explainFailure,
  explainSubscriptionLoss,
  isLinkLoss,
  isShutdownOfSession,
  judgeFirstSignInFailure,
  judgePollFailure,
  REASON_RESUMED,
  REASON_SHUT_DOWN,
  REASON_STALLED,
  type Reason,
} from './session-policy';
import { signInTakingOver } from './session-sign-in';
import type { ConnectionState } from '../../../shared/domain';
import type { SessionGateway, SessionOptions, SessionTarget, SignInOutcome } from './session-types';

export type {
  LossKind,
  PollerLike,
  SessionGateway,
  SessionHooks,
  SessionOptions,
  SessionTarget,
  SignInOutcome,
  TlsTrust,
} from './session-types';

/** One gateway session at a time, with automatic recovery. */
export class SessionController<C extends SessionGateway> {
  private readonly state: SessionState<C>;
  private readonly probes = new LinkProbes();
  private signedInAt = 0;
  private loginTime: number | null = null;
  private resuming = false;
  /** The monitor subscription failed while a (re-)sign-in or resume ran: do not go live. */
  private subscriptionLost: Reason | null = null;

  constructor(private readonly options: SessionOptions<C>) {
    this.state = new SessionState(options);
  }

  get isLive(): boolean {
    return this.state.phase === 'live';
  }

  get currentClient(): C | null {
    return this.state.client;
  }

  get currentTarget(): Omit<SessionTarget, 'password'> | null {
    const target = this.state.target;
    if (!target) return null;
    const { password: _password, ...rest } = target;
    return rest;
  }

  /** Secrets the redacting logger must scrub. */
  get knownSecrets(): string[] {
    const target = this.state.target;
    return target ? [target.password] : [];
  }

  /** Fresh data arrived (event, snapshot): the age shown on screen restarts. */
  noteData(at: number): void {
    this.state.noteData(at);
  }

  connectionState(): ConnectionState {
    return this.state.connectionState();
  }

  /** Sign in. Interactive sign-ins report any failure; others keep retrying unless fatal. */
  async signIn(target: SessionTarget, interactive: boolean): Promise<SignInOutcome> {
    await this.state.stopCurrent();
    const { epoch, client } = this.state.beginSignIn(target);
    try {
      await this.startSession(client, epoch, true, false);
      return { ok: true };
    } catch (error) {
      if (!this.state.isCurrent(epoch)) return { ok: false, error };
      const signedIn = client.hasSession;
      const next = judgeFirstSignInFailure(error, interactive, signedIn);
      if (next === 'fail') this.state.fail(explainFailure(error));
      else this.beginRecovery(next, explainFailure(error));
      // Signed in but loading failed: the credentials are good, the sign-in itself succeeded.
      return signedIn ? { ok: true } : { ok: false, error };
    }
  }

  /** Sign out and forget the password. */
  async signOut(): Promise<void> {
    await this.state.stopCurrent();
    this.state.forgetTarget();
  }

  /**
   * Sign out and forget the target, handing it back (password included) once, to the caller
   * that decides whether the person allows signing in with it again (a trust change).
   */
  async releaseTarget(): Promise<SessionTarget | null> {
    const target = this.state.target;
    await this.signOut();
    return target;
  }

  /** A request outside the poll failed: recover if it means the session or link is gone. */
  reportFailure(error: unknown): void {
    if (this.state.phase !== 'live' && this.state.phase !== 'recovering') return;
    const failure = classifyFailure(error);
    if (failure === 'session') this.beginRecovery('session', explainFailure(error));
    else if (failure === 'link' && isLinkLoss(error))
      this.beginRecovery('link', explainFailure(error));
  }

  /**
   * The roster's monitor subscription failed: without it no agent change arrives, so the
   * session is not live. Recovered like a lost link (probes on the backoff, then `onResumed`,
   * which subscribes again); a lost session is signed in again.
   */
  reportSubscriptionLoss(error: unknown): void {
    if (classifyFailure(error) === 'session') return this.reportFailure(error);
    const reason = explainSubscriptionLoss(error);
    if (this.state.phase === 'signing-in' || this.state.phase === 'recovering')
      this.subscriptionLost = reason;
    if (this.state.phase === 'live' || this.state.phase === 'recovering')
      this.beginRecovery('link', reason);
  }

  /**
   * The OS resumed or the network changed: probe the session now. The poll is restarted only
   * when it has been silent too long — aborting a healthy held poll can lose the events the
   * gateway hands to it.
   */
  resume(): void {
    if (this.state.phase !== 'live' && this.state.phase !== 'recovering') return;
    if (this.state.poll.silentFor(this.options.clock.now()) > this.options.pollHoldMs + 1_000)
      this.state.restartPoller();
    this.beginRecovery(this.state.recovery.kind ?? 'link', REASON_RESUMED);
  }

  /** Periodic health check (1 s): detect a stalled poll, publish data freshness. */
  checkHealth(now: number): void {
    const silentMs = this.state.poll.silentFor(now);
    if (
      this.state.phase === 'live' &&
      this.state.poll.running &&
      silentMs > this.options.pollHoldMs + (this.options.stallGraceMs ?? 5_000)
    ) {
      this.options.logger.warn('event poll stalled; probing the gateway', { silentMs });
      this.state.restartPoller();
      return this.beginRecovery('link', REASON_STALLED);
    }
    if (this.state.phase === 'live' && this.state.hasUnpublishedData) this.state.publish();
  }

  private async startSession(
    client: C,
    epoch: number,
    first: boolean,
    force: boolean,
  ): Promise<void> {
    const target = this.state.target;
    if (!target) throw new Error('The session was signed out meanwhile.');
    const result = await signInTakingOver(
      client,
      target,
      force,
      () => this.state.isCurrent(epoch),
      this.options.logger,
    );
    if (!this.state.isCurrent(epoch)) return;
    this.signedInAt = this.options.clock.now();
    this.loginTime = result.loginTime;
    this.startPoller(client, epoch);
    this.subscriptionLost = null;
    await this.options.hooks.onStarted(client, { first });
    if (!this.state.isCurrent(epoch)) return;
    this.goLiveUnlessSubscriptionLost();
  }

  private startPoller(client: C, epoch: number): void {
    const handlers: EventPollerHandlers = {
      onEvent: (event) => {
        if (!this.state.isCurrent(epoch)) return;
        this.pollSettled();
        this.state.noteData(event.receivedAt);
        if (isShutdownOfSession(event, this.loginTime, this.signedInAt, this.options.clock.now()))
          return this.state.fail(REASON_SHUT_DOWN);
        this.options.hooks.onEvent(event);
      },
      onIdle: () => {
        if (!this.state.isCurrent(epoch)) return;
        this.pollSettled();
        this.state.noteData(this.options.clock.now());
      },
      onError: (error) => {
        if (!this.state.isCurrent(epoch)) return;
        const verdict = judgePollFailure(
          error,
          this.state.poll.noteFailure(),
          this.state.phase === 'recovering',
        );
        if (verdict === 'session') this.beginRecovery('session', explainFailure(error));
        else if (verdict === 'link')
          this.beginRecovery(this.state.recovery.kind ?? 'link', explainFailure(error));
      },
    };
    this.state.poll.start(client, handlers);
  }

  private pollSettled(): void {
    this.state.poll.noteAnswer();
    if (this.state.phase === 'live' && this.state.client && this.state.poll.takeReconcile()) {
      // Events handed to the aborted poll are lost: reconcile once the new poll answers.
      const client = this.state.client;
      const epoch = this.state.epoch;
      this.options.hooks.onResumed(client).catch((error: unknown) => {
        if (this.state.isCurrent(epoch)) this.reportFailure(error);
      });
    }
    // A poll answer on the same session proves the link is back.
    if (this.state.phase === 'recovering' && this.state.recovery.kind === 'link')
      void this.resumeLink(this.state.epoch);
  }

  private beginRecovery(kind: 'session' | 'link', reason: Reason): void {
    if (this.state.phase === 'signed-out' || this.state.phase === 'failed' || !this.state.target)
      return;
    if (this.state.recovery.current) {
      // Escalate link → session; otherwise keep the running schedule, refresh the reason.
      this.state.recovery.setReason(reason);
      if (kind === 'session' && this.state.recovery.kind === 'link') {
        this.state.recovery.escalateToSession();
        this.options.hooks.onLost('recovering');
        this.scheduleAttempt(0);
      }
      this.state.publish();
      return;
    }
    this.options.logger.warn('gateway session interrupted; recovering', {
      kind,
      reason: reason.reason,
      retcode: reason.retcode,
    });
    this.state.recovery.start(kind, reason);
    this.state.setPhase('recovering');
    if (kind === 'session') this.options.hooks.onLost('recovering');
    this.scheduleAttempt(0);
  }

  private scheduleAttempt(delayMs: number): void {
    if (!this.state.recovery.current) return;
    const epoch = this.state.epoch;
    this.state.recovery.schedule(delayMs, () => void this.runAttempt(epoch));
    this.state.publish();
  }

  private async runAttempt(epoch: number): Promise<void> {
    const kind = this.state.recovery.kind;
    if (!kind || !this.state.isCurrent(epoch)) return;
    const delay = this.state.recovery.beginAttempt();
    if (kind === 'link') {
      this.fireProbe(epoch);
      this.scheduleAttempt(delay);
      return;
    }
    await this.resignIn(epoch, delay);
  }

  private async resignIn(epoch: number, delayOnFailure: number): Promise<void> {
    const client = this.state.client;
    if (!client) return;
    await this.state.poll.drop();
    client.clearSession();
    this.state.publish();
    try {
      // Forced: our old session may still be half-alive on the gateway.
      await this.startSession(client, epoch, false, true);
    } catch (error) {
      if (!this.state.isCurrent(epoch)) return;
      this.state.recovery.setReason(explainFailure(error));
      if (classifySignInFailure(error, false) === 'fatal')
        return this.state.fail(explainFailure(error));
      await this.state.poll.drop();
      this.scheduleAttempt(delayOnFailure);
    }
  }

  /** Probe the link; any answer on this session proves it is back. */
  private fireProbe(epoch: number): void {
    const client = this.state.client;
    if (!client) return;
    this.probes.fire(client, this.state.target?.inspectorId ?? '', {
      onAlive: () => void this.resumeLink(epoch),
      onFailure: (error) => {
        if (!this.state.isCurrent(epoch) || this.state.recovery.kind !== 'link') return;
        if (classifyFailure(error) === 'session')
          return this.beginRecovery('session', explainFailure(error));
        this.state.recovery.setReason(explainFailure(error));
        this.state.publish();
      },
    });
  }

  private async resumeLink(epoch: number): Promise<void> {
    const client = this.state.client;
    if (
      !client ||
      this.resuming ||
      !this.state.isCurrent(epoch) ||
      this.state.recovery.kind !== 'link'
    )
      return;
    this.resuming = true;
    try {
      this.subscriptionLost = null;
      await this.options.hooks.onResumed(client);
      if (!this.state.isCurrent(epoch) || this.state.recovery.kind !== 'link') return;
      if (!this.state.poll.running) this.state.restartPoller();
      else this.state.poll.wake();
      this.goLiveUnlessSubscriptionLost();
    } catch (error) {
      if (this.state.isCurrent(epoch)) this.reportFailure(error);
    } finally {
      this.resuming = false;
    }
  }

  /** An attempt's hooks ran: live, unless the monitor subscription failed meanwhile. */
  private goLiveUnlessSubscriptionLost(): void {
    const lost = this.subscriptionLost;
    this.subscriptionLost = null;
    if (!lost) return this.state.goLive();
    // A running link recovery retries on its own schedule. After a (re-)sign-in the session is
    // fine and only the subscription is missing: recover it like a lost link, not by signing in.
    if (this.state.recovery.kind === 'link') return;
    this.state.recovery.end();
    this.state.recovery.start('link', lost);
    this.state.setPhase('recovering');
    this.scheduleAttempt(0);
  }
}
