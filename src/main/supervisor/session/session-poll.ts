/**
 * The event poll of one gateway session, as the session controller drives it: started,
 * restarted after a silence, dropped; when it last settled (answered or failed) and how many
 * failures in a row it saw. A restart may lose events handed to the aborted poll, so it marks a
 * reconcile as due for the next answer.
 */
import type { EventPollerHandlers } from '../../gateway/event-poller';
import type { Clock } from '../ports';
import type { PollerLike } from './session-types';

export class SessionPoll<C> {
  private poller: PollerLike | null = null;
  private lastSettledAt = 0;
  private consecutiveFailures = 0;
  private reconcileDue = false;

  constructor(
    private readonly createPoller: (client: C, handlers: EventPollerHandlers) => PollerLike,
    private readonly clock: Clock,
  ) {}

  /** A poller exists and is polling. */
  get running(): boolean {
    return this.poller?.running ?? false;
  }

  /** Milliseconds since the poll last settled or was (re)started. */
  silentFor(now: number): number {
    return now - this.lastSettledAt;
  }

  /** Start polling for `client` (replacing nothing: drop the previous poll first). */
  start(client: C, handlers: EventPollerHandlers): void {
    this.lastSettledAt = this.clock.now();
    this.reconcileDue = false;
    this.poller = this.createPoller(client, handlers);
    this.poller.start();
  }

  /** The poll answered (an event or an empty hold). */
  noteAnswer(): void {
    this.lastSettledAt = this.clock.now();
    this.consecutiveFailures = 0;
  }

  /** The poll failed; returns how many failures in a row that makes. */
  noteFailure(): number {
    this.lastSettledAt = this.clock.now();
    return ++this.consecutiveFailures;
  }

  /** Whether a reconcile is due after a restart; true once, then cleared. */
  takeReconcile(): boolean {
    const due = this.reconcileDue;
    this.reconcileDue = false;
    return due;
  }

  /** Abort the current poll and start it again while `stillWanted()` says so. */
  restart(stillWanted: () => boolean): void {
    const poller = this.poller;
    if (!poller) return;
    this.reconcileDue = true;
    this.lastSettledAt = this.clock.now();
    void poller.stop().then(() => {
      if (this.poller === poller && stillWanted()) poller.start();
    });
  }

  /**
   * The link is back: a poll waiting out its error backoff polls now (not up to seconds
   * later), and its silence counts from now, so the wait is not taken for a stall.
   */
  wake(): void {
    if (this.poller?.wake?.()) this.lastSettledAt = this.clock.now();
  }

  /** Stop and forget the poll; resolves when it has stopped. */
  async drop(): Promise<void> {
    const poller = this.poller;
    this.poller = null;
    await poller?.stop();
  }
}
