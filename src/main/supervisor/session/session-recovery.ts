/**
 * The recovery under way in a gateway session, if any: what was lost (the session or only the
 * link), why, how many attempts were made, and the timer of the next attempt on the backoff.
 * The session controller decides what an attempt does; this keeps the count and the clock.
 */
import type { Clock } from '../ports';
import { computeBackoffMs, DEFAULT_BACKOFF_MS, type Reason } from './session-policy';

export type RecoveryKind = 'session' | 'link';

export interface RecoveryState {
  kind: RecoveryKind;
  attempt: number;
  reason: Reason;
}

export class RecoverySchedule {
  private state: (RecoveryState & { timer: unknown }) | null = null;
  private nextAt: number | null = null;

  constructor(
    private readonly clock: Clock,
    private readonly backoffMs: readonly number[] = DEFAULT_BACKOFF_MS,
    private readonly random?: () => number,
  ) {}

  /** The recovery under way; null when none. */
  get current(): Readonly<RecoveryState> | null {
    return this.state;
  }

  /** Kind of the recovery under way; null when none. */
  get kind(): RecoveryKind | null {
    return this.state?.kind ?? null;
  }

  /** When the next attempt runs; null while one runs or none is scheduled. */
  get nextAttemptAt(): number | null {
    return this.nextAt;
  }

  /** Begin a recovery (none may be under way). */
  start(kind: RecoveryKind, reason: Reason): void {
    this.state = { kind, attempt: 0, reason, timer: null };
  }

  /** The latest reason the recovery goes on (shown on screen). */
  setReason(reason: Reason): void {
    if (this.state) this.state.reason = reason;
  }

  /** A link recovery turns into a session recovery; its pending attempt is cancelled. */
  escalateToSession(): void {
    if (!this.state) return;
    this.state.kind = 'session';
    this.clock.clearTimeout(this.state.timer);
  }

  /** Run `attempt` in `delayMs`. */
  schedule(delayMs: number, attempt: () => void): void {
    if (!this.state) return;
    this.nextAt = this.clock.now() + delayMs;
    this.state.timer = this.clock.setTimeout(attempt, delayMs);
  }

  /** An attempt begins: counts it and returns the delay before the next one, should it fail. */
  beginAttempt(): number {
    if (!this.state) return 0;
    this.state.attempt++;
    this.nextAt = null;
    return computeBackoffMs(this.state.attempt - 1, this.backoffMs, this.random);
  }

  /** End the recovery (live again, failed or stopped); returns whether one was under way. */
  end(): boolean {
    const ended = this.state;
    if (ended) this.clock.clearTimeout(ended.timer);
    this.state = null;
    this.nextAt = null;
    return ended !== null;
  }
}
