/**
 * Tuning knobs of the supervisor core (timings, budgets) and its diagnostics for benchmarks.
 * Every field is optional: the defaults are the product's.
 */
import type { QueueIntervals } from './queues/queue-watcher';
import type { RosterSyncDiagnostics } from './roster/roster-sync';
import type { SyncPolicyConfig } from './roster/sync-policy';
import type {
  WarmupEnrichmentBudget,
  WarmupEnrichmentDiagnostics,
} from './roster/warmup-enrichment';

export interface SupervisorOptions {
  /** Time limit of ordinary gateway requests (default 5 s). */
  requestTimeoutMs?: number;
  /** Time limit of a poll; must exceed the gateway's hold (default hold + 5 s). */
  pollTimeoutMs?: number;
  /** The gateway's empty-poll hold (default 10 s); used to detect a stalled poll. */
  pollHoldMs?: number;
  /** No poll answer for hold + this long means the link stalled (default 5 s). */
  stallGraceMs?: number;
  /** Pause after an empty poll (default 200 ms). */
  emptyPauseMs?: number;
  /** Pause after a poll that brought an event (default 0; measured in the pacing decision). */
  pollEventPauseMs?: number;
  /** Re-sign-in / probe schedule (default 0.5, 1, 2, 2… s). */
  backoffMs?: readonly number[];
  syncPolicy?: Partial<SyncPolicyConfig>;
  /** Measuring window before choosing events or snapshots (default 1 s). */
  warmupMs?: number;
  /**
   * Budget of the state-start warm-up after each (re-)sign-in (agentbyworkno for rows whose
   * start is only a lower bound; default 1 at a time, ≤ 2/s, 120 s live, ≤ 240 requests).
   * `{ windowMs: 0 }` turns it off, e.g. for a benchmark of the steady state.
   */
  warmupEnrichment?: Partial<WarmupEnrichmentBudget>;
  queueIntervals?: Partial<QueueIntervals>;
  /** Roster deltas are coalesced per tick of this length (default 50 ms). */
  flushIntervalMs?: number;
  random?: () => number;
}

export interface SupervisorDiagnostics {
  sync: RosterSyncDiagnostics;
  /** The state-start warm-up: whether it runs (its requests count in any request-rate figure). */
  warmupEnrichment: WarmupEnrichmentDiagnostics;
  rosterSize: number;
  rosterVersion: number;
  deltasEmitted: number;
}
