/**
 * Applies gateway snapshots to the roster and keeps the figures the sync mode is chosen by:
 * the round trip, the change rate between snapshots and how long a snapshot takes.
 */
import { GatewayError } from '../../gateway/gateway-error';
import type { AgentStatusEntry, MonitorableAgent } from '../../gateway/gateway-types';
import { errorMessage } from '../error-text';
import type { Logger } from '../ports';
import { mergeEntries, toRosterEntry } from './roster-row';
import type { RosterStore } from './roster-store';
import type { RosterGateway } from './roster-sync-types';
import { classifyFailure } from '../session/session-policy';
import {
  chooseInitialMode,
  shouldReturnToEvents,
  updateAverage,
  type SyncMode,
  type SyncPolicyConfig,
} from './sync-policy';

/** Snapshot application and the measurements taken along the way. */
export class RosterSnapshots {
  roundTripMs: number | null = null;
  changeRate: number | null = null;
  lastSnapshotMs: number | null = null;
  snapshots = 0;
  private allowed: Set<string> | null = null;
  private lastSnapshotAt: number | null = null;

  constructor(private readonly roster: RosterStore) {}

  /** Record one measured round trip (own status request). */
  noteRoundTrip(ms: number): void {
    this.roundTripMs = updateAverage(this.roundTripMs, ms);
  }

  /** The sync mode the measured change rate and round trip point to at start. */
  chooseMode(policy: SyncPolicyConfig): SyncMode {
    return chooseInitialMode(this.changeRate ?? 0, this.roundTripMs ?? 50, policy);
  }

  /** The event stream would keep up again, after `inModeMs` in snapshots with `holdMs` hold. */
  fitsEvents(inModeMs: number, holdMs: number, policy: SyncPolicyConfig): boolean {
    return shouldReturnToEvents(
      this.changeRate ?? 0,
      this.roundTripMs ?? 50,
      inModeMs,
      holdMs,
      policy,
    );
  }

  /** Apply a full load (allagent + allagentstatus); `reset` replaces the roster outright. */
  applyFull(
    monitorable: MonitorableAgent[] | null,
    statuses: AgentStatusEntry[],
    requestedAt: number,
    at: number,
    reset: boolean,
  ): void {
    const entries = mergeEntries(monitorable, statuses);
    this.allowed = monitorable ? new Set(monitorable.map((agent) => agent.workNo)) : null;
    if (reset) this.roster.replaceAll(entries, at);
    else this.roster.applySnapshot(entries, requestedAt, at, true);
    this.lastSnapshotAt = at;
  }

  /** Diff one allagentstatus snapshot into the roster; returns the changed rows. */
  applyStatuses(statuses: AgentStatusEntry[], requestedAt: number, at: number): number {
    const allowed = this.allowed;
    const entries = allowed ? statuses.filter((entry) => allowed.has(entry.workNo)) : statuses;
    // Agents missing from a status list are left alone; only the full reload removes agents.
    const changes = this.roster.applySnapshot(entries.map(toRosterEntry), requestedAt, at, false);
    const elapsed = this.lastSnapshotAt === null ? null : at - this.lastSnapshotAt;
    if (elapsed !== null && elapsed > 0)
      this.changeRate = updateAverage(this.changeRate, (changes * 1000) / elapsed);
    this.lastSnapshotAt = at;
    this.lastSnapshotMs = at - requestedAt;
    this.snapshots++;
    return changes;
  }
}

/** The monitorable agents (allagent), or null on an older gateway that lacks the interface. */
export async function listMonitorableAgents(
  client: RosterGateway,
  logger: Logger,
): Promise<MonitorableAgent[] | null> {
  try {
    return await client.listMonitorableAgents();
  } catch (error) {
    if (
      classifyFailure(error) === 'session' ||
      (error instanceof GatewayError && error.kind !== 'retcode' && error.kind !== 'http-status')
    )
      throw error;
    // Older gateways lack allagent: every agent of the VDN is then on the list.
    logger.info('allagent unavailable; using allagentstatus for the roster', {
      error: errorMessage(error),
    });
    return null;
  }
}
