/**
 * How the roster stays live, decided from measurements. Pure.
 *
 * The gateway's poll returns one event per request, so the monitor stream can carry at most
 * ~1/RTT events per second. While the agents change slower than that (with headroom) the roster
 * follows `QC_AgentState_Notify` events and reconciles with a snapshot at a slow interval (an
 * idle inspector then sends ~0.1 poll/s + 1 snapshot/min). When the stream falls behind
 * (queueing lag over budget, or arrivals back to back), the monitor subscription is ended and
 * `allagentstatus` snapshots are diffed in back to back, paced by their own duration. The
 * stream is tried again when the measured change rate fits, never sooner than a hold time that
 * doubles after each relapse.
 */
import type { FlowStats } from './event-flow-meter';

export type SyncMode = 'events' | 'snapshots';

export interface SyncPolicyConfig {
  /** Queueing lag (p95) the event stream may have before snapshots take over. */
  lagBudgetMs: number;
  /** Subscribe only when the change rate is below this share of the poll capacity. */
  headroom: number;
  /** Events needed in the window before judging the stream. */
  minEvents: number;
  /** Snapshot interval while events keep up. */
  reconcileIntervalMs: number;
  /** Pause between snapshots in snapshot mode: their duration, clamped to these bounds. */
  snapshotGapMinMs: number;
  snapshotGapMaxMs: number;
  /** Stay in snapshot mode at least this long (doubles after each relapse, capped). */
  minSnapshotModeMs: number;
  maxSnapshotModeMs: number;
}

export const DEFAULT_SYNC_POLICY: SyncPolicyConfig = {
  lagBudgetMs: 200,
  headroom: 0.5,
  minEvents: 20,
  reconcileIntervalMs: 60_000,
  // Paced by their own duration (the gateway is busy with us at most half the time); the
  // floor only stops a tiny list from being asked for more than ~10 times a second. It was
  // 250 ms: on a 10,000-agent center at 50 ms round trip that alone held p95 over 300 ms
  // (docs/decisions/supervisor.md, BENCHMARKS.md figure 2b).
  snapshotGapMinMs: 100,
  snapshotGapMaxMs: 1_000,
  minSnapshotModeMs: 30_000,
  maxSnapshotModeMs: 600_000,
};

/** Events per second one poll loop can carry at this round trip (1 ms processing included). */
export function estimatePollCapacity(roundTripMs: number): number {
  return 1000 / (Math.max(0, roundTripMs) + 1);
}

/** Mode to start with, from a measured change rate (changes/s) and round trip. */
export function chooseInitialMode(
  changesPerSecond: number,
  roundTripMs: number,
  config: SyncPolicyConfig = DEFAULT_SYNC_POLICY,
): SyncMode {
  return changesPerSecond < config.headroom * estimatePollCapacity(roundTripMs)
    ? 'events'
    : 'snapshots';
}

/**
 * Whether the event stream has fallen behind. With `eventGenTime`: the queueing lag. Without it
 * (older gateways, issue 10): arrivals evenly spaced *at the round trip of a request the gateway
 * does not hold* — each poll finds the next event already queued. Evenly spaced arrivals alone
 * prove nothing: a gateway that answers a held poll as soon as an event arrives delivers them
 * at the pace they happen, and that pace may be regular.
 */
export function isStreamBehind(
  stats: FlowStats,
  roundTripMs: number | null,
  config: SyncPolicyConfig = DEFAULT_SYNC_POLICY,
): boolean {
  if (stats.events < config.minEvents) return false;
  if (stats.queueLagP95Ms !== null) return stats.queueLagP95Ms > config.lagBudgetMs;
  if (stats.gapRatio === null || stats.medianGapMs === null || roundTripMs === null) return false;
  return stats.gapRatio < 2 && stats.medianGapMs <= saturatedGapMs(roundTripMs);
}

/** Arrivals this close together come back to back from a queue: 1.5 round trips + 5 ms. */
export function saturatedGapMs(roundTripMs: number): number {
  return 1.5 * Math.max(0, roundTripMs) + 5;
}

/** Whether to go back to the event stream from snapshot mode. */
export function shouldReturnToEvents(
  changesPerSecond: number,
  roundTripMs: number,
  inSnapshotModeMs: number,
  holdMs: number,
  config: SyncPolicyConfig = DEFAULT_SYNC_POLICY,
): boolean {
  return (
    inSnapshotModeMs >= holdMs &&
    changesPerSecond < config.headroom * 0.8 * estimatePollCapacity(roundTripMs)
  );
}

/** Hold time in snapshot mode after `relapses` returns to events that fell behind again. */
export function computeSnapshotHoldMs(
  relapses: number,
  config: SyncPolicyConfig = DEFAULT_SYNC_POLICY,
): number {
  return Math.min(config.maxSnapshotModeMs, config.minSnapshotModeMs * 2 ** Math.max(0, relapses));
}

/** Pause before the next snapshot in snapshot mode. */
export function computeSnapshotGapMs(
  lastSnapshotMs: number,
  config: SyncPolicyConfig = DEFAULT_SYNC_POLICY,
): number {
  return Math.min(
    config.snapshotGapMaxMs,
    Math.max(config.snapshotGapMinMs, Math.round(lastSnapshotMs)),
  );
}

/** Exponentially weighted moving average; the first sample is taken as is. */
export function updateAverage(previous: number | null, sample: number, weight = 0.3): number {
  return previous === null ? sample : previous + (sample - previous) * weight;
}
