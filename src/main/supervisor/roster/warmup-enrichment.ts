/**
 * The sign-in warm-up of state starts. `allagentstatus` does not say when an agent's state
 * began, so after a (re-)sign-in most rows only carry a lower bound. For a short, bounded
 * window this asks `agentbyworkno` (whose `currentstatetime` is the real start) about the rows
 * whose start matters most — talking, then busy, then wrap-up, longest observed first — at a
 * small fixed budget, pausing while the connection is not live and stopping on sign-out. After
 * it ends only the selected and the inspected agent are ever asked about (idle budget).
 */
import type { AgentState } from '../../../shared/domain';
import type { Clock, Logger } from '../ports';

export interface WarmupEnrichmentBudget {
  /** Requests on the way at once. */
  concurrency: number;
  /** Requests started per second, at most. */
  maxRequestsPerSecond: number;
  /** Live time the warm-up may run after a (re-)sign-in; time not live does not count. 0 = off. */
  windowMs: number;
  /** Requests per warm-up, at most. 0 = off. */
  maxRequests: number;
}

/** See docs/decisions/supervisor.md ("State start") for the reasoning behind these numbers. */
export const DEFAULT_WARMUP_ENRICHMENT: WarmupEnrichmentBudget = {
  concurrency: 1,
  maxRequestsPerSecond: 2,
  windowMs: 120_000,
  maxRequests: 240,
};

/** Whose real start matters most: long calls first, then long not-ready, then long wrap-up. */
export const WARMUP_STATE_PRIORITY: readonly AgentState[] = ['talking', 'busy', 'wrap-up'];

/** Why a warm-up ended: nothing left to ask, window or request budget used up, or cancelled. */
export type WarmupEnd = 'done' | 'window' | 'budget' | 'cancelled';

export interface WarmupEnrichmentDiagnostics {
  /** A warm-up is under way (possibly paused). */
  running: boolean;
  /** Under way but waiting for the connection to be live. */
  paused: boolean;
  /** Requests the current (or last) warm-up sent. */
  requests: number;
  /** Why the last warm-up ended; null while running or before the first one. */
  endedBy: WarmupEnd | null;
  budget: WarmupEnrichmentBudget;
}

/** `done`: answered (or refused for this agent); `retry`: not asked (link down) — try again later. */
export type WarmupFetchOutcome = 'done' | 'retry';

export interface WarmupEnrichmentOptions {
  clock: Clock;
  logger: Logger;
  budget?: Partial<WarmupEnrichmentBudget>;
  /** The agent to ask about next (start not exact, by priority), skipping those `skip` names. */
  nextCandidate(skip: (workNo: string) => boolean): string | null;
  /** Ask the gateway about one agent; the answer goes into the roster by itself. */
  fetch(workNo: string): Promise<WarmupFetchOutcome>;
}

/** Runs one bounded warm-up per (re-)sign-in; see the file comment. */
export class WarmupEnrichment {
  readonly budget: WarmupEnrichmentBudget;
  private running = false;
  private live = false;
  private generation = 0;
  private requests = 0;
  private readonly inFlight = new Set<string>();
  private readonly attempted = new Set<string>();
  /** Live time used by this warm-up before the current live stretch began. */
  private liveUsedMs = 0;
  private liveSince = 0;
  private lastStartAt = Number.NEGATIVE_INFINITY;
  private timer: unknown = null;
  private endedBy: WarmupEnd | null = null;

  constructor(private readonly options: WarmupEnrichmentOptions) {
    this.budget = { ...DEFAULT_WARMUP_ENRICHMENT, ...options.budget };
  }

  /** Begin a warm-up for a new session (cancels one still running). Runs while live. */
  start(): void {
    this.cancel();
    this.generation++;
    this.requests = 0;
    this.inFlight.clear();
    this.attempted.clear();
    this.liveUsedMs = 0;
    this.liveSince = this.options.clock.now();
    this.lastStartAt = Number.NEGATIVE_INFINITY;
    this.endedBy = null;
    this.running = true;
    if (this.budget.windowMs <= 0) return this.finish('window');
    if (this.budget.maxRequests <= 0 || this.budget.maxRequestsPerSecond <= 0)
      return this.finish('budget');
    this.pump();
  }

  /** Stop the warm-up under way (sign-out, session lost). */
  cancel(): void {
    if (this.running) this.finish('cancelled');
  }

  /** The connection became live or stopped being live: resume or pause. */
  setLive(live: boolean): void {
    if (live === this.live) return;
    const now = this.options.clock.now();
    this.live = live;
    if (live) {
      this.liveSince = now;
      this.pump();
    } else {
      this.liveUsedMs += now - this.liveSince;
      this.clearTimer();
    }
  }

  diagnostics(): WarmupEnrichmentDiagnostics {
    return {
      running: this.running,
      paused: this.running && !this.live,
      requests: this.requests,
      endedBy: this.endedBy,
      budget: { ...this.budget },
    };
  }

  /** Start as many requests as the budget allows now; come back when it allows the next. */
  private pump(): void {
    if (!this.running || !this.live) return;
    const now = this.options.clock.now();
    if (this.liveUsedMs + (now - this.liveSince) >= this.budget.windowMs)
      return this.finish('window');
    const gapMs = 1_000 / this.budget.maxRequestsPerSecond;
    while (this.inFlight.size < Math.max(1, this.budget.concurrency)) {
      if (this.requests >= this.budget.maxRequests) return this.finish('budget');
      const wait = this.lastStartAt + gapMs - now;
      if (wait > 0) return this.schedule(wait);
      const workNo = this.options.nextCandidate(
        (candidate) => this.attempted.has(candidate) || this.inFlight.has(candidate),
      );
      if (workNo === null) {
        if (this.inFlight.size === 0) this.finish('done');
        return;
      }
      this.launch(workNo, now);
    }
  }

  private launch(workNo: string, now: number): void {
    const generation = this.generation;
    this.requests++;
    this.lastStartAt = now;
    this.inFlight.add(workNo);
    this.attempted.add(workNo);
    this.options
      .fetch(workNo)
      .catch((): WarmupFetchOutcome => 'retry')
      .then((outcome) => {
        if (generation !== this.generation || !this.running) return;
        this.inFlight.delete(workNo);
        if (outcome === 'retry') this.attempted.delete(workNo);
        this.pump();
      });
  }

  private finish(reason: WarmupEnd): void {
    this.running = false;
    this.endedBy = reason;
    this.generation++;
    this.inFlight.clear();
    this.clearTimer();
    this.options.logger.info('state-start warm-up ended', { reason, requests: this.requests });
  }

  private schedule(delayMs: number): void {
    this.clearTimer();
    this.timer = this.options.clock.setTimeout(() => {
      this.timer = null;
      this.pump();
    }, delayMs);
  }

  private clearTimer(): void {
    if (this.timer === null) return;
    this.options.clock.clearTimeout(this.timer);
    this.timer = null;
  }
}
